using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>Keeps every log entry the service writes, for a test that reads what a person on call would.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recording(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recording(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
