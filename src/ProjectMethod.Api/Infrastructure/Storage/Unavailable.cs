using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

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
        // busy, locked, read-only, I/O error, disk full, cannot open
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14,
        // connection exceptions (class 08), shutting down or starting up (57P01–57P03), out of resources (class 53)
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true, // not an error the server answered with: the connection itself failed
        SqlException sqlServer => sqlServer.IsTransient || sqlServer.Number is -2 or 53 or 233 or 10054 or 10060 or 40613,
        DbException database => database.IsTransient,
        SocketException or TimeoutException => true,
        _ => Is(exception.InnerException),
    };
}

/// <summary>The database refused a connection: it is down, restarting, or not accepting connections.</summary>
public sealed class DatabaseUnavailableException(Exception inner) : Exception("The database refused a connection.", inner);
