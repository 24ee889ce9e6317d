using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// One statement the service sends, written once in portable SQL (what SQLite runs as it is) and rendered for
/// PostgreSQL and SQL Server by their dialects. Every statement is declared as a static field of its store, so
/// <see cref="All"/> lists every SQL text the service can send (the SQL Server parse test reads it).
/// </summary>
public sealed class Sql
{
    private static readonly ConcurrentQueue<Sql> Declared = new();
    private string? transactSql;
    private string? postgresSql;

    private Sql(string portable)
    {
        Portable = portable;
        Declared.Enqueue(this);
    }

    public string Portable { get; }

    /// <summary>Every statement declared so far (the stores' static fields are declared when their type is first used).</summary>
    public static IReadOnlyCollection<Sql> All => Declared.ToArray();

    public static Sql Of(string portable) => new(portable);

    /// <summary>The text for this connection's provider; each provider's rendering is made once and kept.</summary>
    public string For(DbConnection connection) => connection switch
    {
        SqlConnection => transactSql ??= SqlServerDialect.Render(Portable),
        NpgsqlConnection => postgresSql ??= PostgresDialect.Render(Portable),
        _ => Portable,
    };

    public override string ToString() => Portable;
}
