using System.Collections.Concurrent;
using System.Data.Common;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// One statement the service sends, written once in portable SQL (what SQLite runs as it is) and rendered for
/// PostgreSQL and SQL Server by their dialects. Every statement is a static field of its store or dialect, so the
/// statements the service can send are exactly those fields (the SQL Server parse test reads them all).
/// </summary>
public sealed class Sql
{
    private readonly ConcurrentDictionary<Type, string> rendered = new();

    private Sql(string portable) => Portable = portable;

    public string Portable { get; }

    public static Sql Of(string portable) => new(portable);

    /// <summary>The text for this connection's provider (its dialect renders it); each provider's rendering is made once and kept.</summary>
    public string For(DbConnection connection) => rendered.GetOrAdd(connection.GetType(), SqlDialect.Render, Portable);

    public override string ToString() => Portable;
}
