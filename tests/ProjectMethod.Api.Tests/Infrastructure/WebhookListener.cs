using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>A receiver of webhook deliveries on 127.0.0.1, answering with the statuses a test queues (200 when none).</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication app;

    public sealed record Delivery(string Body, IReadOnlyDictionary<string, string> Headers);

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public ConcurrentQueue<int> Answers { get; } = new();

    /// <summary>Why deliveries broke the contract of their event type's webhook in the OpenAPI document.</summary>
    public ConcurrentQueue<string> Broken { get; } = new();

    /// <summary>Requests to any other path than the hook (where a redirect would lead).</summary>
    public ConcurrentQueue<string> Elsewhere { get; } = new();

    public Uri Url { get; private set; } = null!;

    private WebhookListener(Func<Uri, IResult>? answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Answers.TryDequeue(out var queued) ? queued : 200;
            if (Contract.CheckEvent(body) is { } broken)
            {
                Broken.Enqueue(broken);
            }

            Received.Enqueue(new Delivery(body, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return answer?.Invoke(Url) ?? Results.StatusCode(status);
        });
        app.MapFallback((HttpContext http) =>
        {
            Elsewhere.Enqueue(http.Request.Path);
            return Results.Ok();
        });
    }

    /// <summary>A receiver on a free loopback port; <paramref name="answer"/>, given the hook's URL, answers every delivery.</summary>
    public static async Task<WebhookListener> StartAsync(Func<Uri, IResult>? answer = null)
    {
        var listener = new WebhookListener(answer);
        await listener.app.StartAsync();
        var address = listener.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.Url = new Uri(new Uri(address), "/hook");
        return listener;
    }

    /// <summary>Waits until a delivery has arrived that matches, or fails after the timeout.</summary>
    public async Task<Delivery> WaitForAsync(Func<Delivery, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (Broken.TryPeek(out var broken))
            {
                throw new ContractBrokenException(broken);
            }

            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching delivery within the timeout; received {Received.Count}.");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
