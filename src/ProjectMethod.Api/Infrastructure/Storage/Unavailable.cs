using System.Data.Common;
using System.Net.Sockets;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Whether a failure means the database cannot be reached or written just now (a restart, a lost connection, a full disk,
/// a read-only file), as opposed to a fault in the service: the first is a 503 to retry, the second a 500.
/// </summary>
public static class Unavailable
{
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        DatabaseUnavailableException => true,
        // A provider's own error: its dialect knows which of its codes mean "not now".
        _ when SqlDialect.MeansUnavailable(exception) is { } known => known,
        DbException database => database.IsTransient,
        SocketException or TimeoutException => true,
        _ => Is(exception.InnerException),
    };
}

/// <summary>The database refused a connection: it is down, restarting, or not accepting connections.</summary>
public sealed class DatabaseUnavailableException(Exception inner) : Exception("The database refused a connection.", inner);
