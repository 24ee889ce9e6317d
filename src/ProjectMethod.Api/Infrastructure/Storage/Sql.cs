using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// One statement the service sends, written once in portable SQL (what SQLite runs as it is) and rendered for
/// PostgreSQL and SQL Server by their dialects. Every statement is a static field of its store or dialect, so the
/// statements the service can send are exactly those fields (the SQL Server parse test reads them all).
/// </summary>
public sealed class Sql
{
    private string? transactSql;
    private string? postgresSql;

    private Sql(string portable) => Portable = portable;

    public string Portable { get; }

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
