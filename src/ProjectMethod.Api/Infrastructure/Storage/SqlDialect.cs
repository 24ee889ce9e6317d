using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>How a provider takes ids, instants and dates as parameters.</summary>
public enum ValueStyle
{
    /// <summary>SQLite: ids, instants and dates as ISO-8601 text.</summary>
    Text,

    /// <summary>PostgreSQL: uuid, timestamptz and date.</summary>
    Postgres,

    /// <summary>SQL Server: char(36) ids (their time order kept), datetime2 and date.</summary>
    SqlServer,
}

/// <summary>
/// What differs between the database providers, kept in this one place: connecting, taking the write lock, preparing
/// the database, the migrations' bookkeeping table, rendering the stores' portable SQL for PostgreSQL and SQL Server,
/// how each takes ids and times as parameters, and which of its errors mean "not now". Stores write one text that
/// SQLite and PostgreSQL run unchanged; only this file names a provider's types.
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the write lock from its first statement.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lock a write needs, held until its transaction ends: a project's own for a write to one project (so
    /// one gate decision cannot race another), or the database's for every other write and for appending to the audit
    /// chain (so sequence numbers follow commit order). Taking one again in the same transaction is harmless.
    /// </summary>
    public virtual Task LockAsync(DbSession session, Guid? project) => Task.CompletedTask;

    /// <summary>
    /// Where the writers of this process wait their turn before they ask the database for its write lock; null where
    /// the database queues them itself. Disposing the turn lets the next writer in.
    /// </summary>
    public virtual ValueTask<IDisposable?> QueueWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Settings of the database itself, made once at start-up before the migrations.</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The table that records applied migrations, created when missing.</summary>
    public virtual Sql CreateMigrationsTable => PortableMigrationsTable;

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    public static SqlDialect For(StorageOptions options) => options.Provider switch
    {
        SqliteDialect.Name => new SqliteDialect(options.ConnectionString),
        PostgresDialect.Name => new PostgresDialect(options.ConnectionString),
        SqlServerDialect.Name => new SqlServerDialect(options.ConnectionString),
        _ => throw new InvalidOperationException(
            $"Storage:Provider '{options.Provider}' is not supported; use '{SqliteDialect.Name}', '{PostgresDialect.Name}' or '{SqlServerDialect.Name}'."),
    };

    /// <summary>A portable statement as the provider behind a connection of this type runs it.</summary>
    public static string Render(Type connection, string portable) =>
        connection == typeof(SqlConnection) ? SqlServerDialect.Render(portable)
        : connection == typeof(NpgsqlConnection) ? PostgresDialect.Render(portable)
        : portable;

    /// <summary>How the provider behind a parameter takes ids, instants and dates.</summary>
    public static ValueStyle StyleOf(IDbDataParameter parameter) => parameter switch
    {
        NpgsqlParameter => ValueStyle.Postgres,
        SqlParameter => ValueStyle.SqlServer,
        _ => ValueStyle.Text,
    };

    /// <summary>
    /// Whether a provider's own error means the database cannot be reached or written just now (true) or is a fault
    /// (false); null for an exception that is no provider's.
    /// </summary>
    public static bool? MeansUnavailable(Exception exception) => exception switch
    {
        // busy, locked, read-only, I/O error, disk full, cannot open
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14,
        // connection exceptions (class 08), shutting down or starting up (57P01–57P03), out of resources (class 53)
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true, // not an error the server answered with: the connection itself failed
        SqlException sqlServer => sqlServer.IsTransient || sqlServer.Number is -2 or 53 or 233 or 10054 or 10060 or 40613,
        _ => null,
    };

    private static readonly Sql PortableMigrationsTable = Sql.Of(
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)
        """);
}

/// <summary>SQLite: WAL, synchronous=FULL, a busy timeout, and BEGIN IMMEDIATE for every write.</summary>
public sealed class SqliteDialect(string connectionString) : SqlDialect
{
    public const string Name = "sqlite";

    private static readonly Sql Pragmas = Sql.Of("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;");
    private static readonly Sql WriteAheadLog = Sql.Of("PRAGMA journal_mode = WAL;");

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Prepared = new();
    private static readonly object Marker = new();

    public override string Provider => Name;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per connection: integrity and durability, and waiting (not failing) while another writer holds the lock. The
        // settings live with the native connection, which the pool hands out again: they are made once for each.
        if (!Prepared.TryGetValue(connection.Handle!, out _))
        {
            await new DbSession(connection, null, cancellationToken).ExecuteAsync(Pragmas);
            Prepared.AddOrUpdate(connection.Handle!, Marker);
        }

        return connection;
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    private readonly SemaphoreSlim writers = new(1, 1);

    /// <summary>
    /// SQLite has one writer at a time, and a writer that finds the lock taken polls and sleeps in the busy handler,
    /// which makes the long tail under load. The writers of this process queue here instead; the busy handler is left
    /// for writers of other processes on the same file.
    /// </summary>
    public override async ValueTask<IDisposable?> QueueWriteAsync(CancellationToken cancellationToken)
    {
        await writers.WaitAsync(cancellationToken);
        return new Turn(writers);
    }

    private sealed class Turn(SemaphoreSlim writers) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                writers.Release();
            }
        }
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await new DbSession(connection, null, cancellationToken).ExecuteAsync(WriteAheadLog);
    }
}

/// <summary>
/// PostgreSQL: a transaction-scoped advisory lock serialises the writes of every instance on the database, which is
/// what keeps the audit chain gap-free in commit order and one gate decision from racing another. A list parameter
/// (<c>IN @list</c>, which Dapper expands elsewhere) is sent as one array: <c>= ANY(@list)</c>.
/// </summary>
public sealed partial class PostgresDialect(string connectionString) : SqlDialect
{
    public const string Name = "postgres";

    private const long WriteLock = 0x50_4D_57_52; // "PMWR"
    private static readonly Sql TakeLock = Sql.Of("SELECT pg_advisory_xact_lock(@key)");

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Provider => Name;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>A transaction-scoped advisory lock: the database's, or one per project (its id folded to 64 bits).</summary>
    public override Task LockAsync(DbSession session, Guid? project) =>
        session.ExecuteAsync(TakeLock, new { key = project is { } id ? KeyOf(id) : WriteLock });

    private static long KeyOf(Guid project)
    {
        Span<byte> bytes = stackalloc byte[16];
        project.TryWriteBytes(bytes);
        var folded = BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
        return folded == WriteLock ? folded + 1 : folded;
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await dataSource.DisposeAsync();
        await base.DisposeCoreAsync();
    }

    /// <summary>The portable text of a store's statement, for PostgreSQL.</summary>
    public static string Render(string portable) => ListParameter().Replace(portable, "= ANY($1)");

    [GeneratedRegex(@"\bIN (@\w+)")]
    private static partial Regex ListParameter();
}

/// <summary>
/// SQL Server: an application lock owned by the transaction serialises the writes of every instance, as PostgreSQL's
/// advisory lock does. The stores' portable SQL is rendered in T-SQL here: <c>LIMIT n</c> becomes
/// <c>OFFSET 0 ROWS FETCH NEXT n ROWS ONLY</c>, and an <c>INSERT … ON CONFLICT … DO UPDATE</c> upsert a <c>MERGE</c>.
/// Identifiers the two dialects share are written in double quotes where T-SQL reserves them (<c>"plan"</c>).
/// </summary>
public sealed partial class SqlServerDialect(string connectionString) : SqlDialect
{
    public const string Name = "sqlserver";

    private static readonly Sql TakeLock = Sql.Of(
        "EXEC sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 10000");

    private static readonly Sql MigrationsTable = Sql.Of(
        """
        IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
            CREATE TABLE schema_migrations (
                id NVARCHAR(20) NOT NULL PRIMARY KEY, name NVARCHAR(400) NOT NULL, checksum NVARCHAR(64) NOT NULL, applied_at NVARCHAR(40) NOT NULL)
        """);

    public override string Provider => Name;

    public override Sql CreateMigrationsTable => MigrationsTable;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>An application lock owned by the transaction: the database's, or one per project.</summary>
    public override Task LockAsync(DbSession session, Guid? project) =>
        session.ExecuteAsync(TakeLock, new { resource = project is { } id ? $"projectmethod-project-{id:D}" : "projectmethod-write" });

    /// <summary>The portable text of a store's statement, in T-SQL.</summary>
    public static string Render(string portable)
    {
        if (portable.StartsWith("CREATE TABLE IF NOT EXISTS", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Tables are created by the migrations of db/sqlserver, not by portable SQL.");
        }

        var upsert = Upsert().Match(portable);
        var sql = upsert.Success ? Merge(upsert) : portable;
        return Limit().Replace(sql, "OFFSET 0 ROWS FETCH NEXT $1 ROWS ONLY");
    }

    private static string Merge(Match upsert)
    {
        var table = upsert.Groups["table"].Value;
        var columns = SplitTopLevel(upsert.Groups["columns"].Value);
        var values = SplitTopLevel(upsert.Groups["values"].Value);
        var keys = SplitTopLevel(upsert.Groups["keys"].Value);
        if (columns.Count != values.Count)
        {
            throw new InvalidOperationException($"The upsert into {table} names {columns.Count} columns and {values.Count} values.");
        }

        var source = string.Join(", ", columns.Select((column, i) => $"{values[i]} AS {column}"));
        var match = string.Join(" AND ", keys.Select(key => $"target.{key} = excluded.{key}"));
        var inserted = string.Join(", ", columns.Select(column => "excluded." + column));
        return new StringBuilder()
            .Append(CultureInvariant($"MERGE INTO {table} WITH (HOLDLOCK) AS target\n"))
            .Append(CultureInvariant($"USING (SELECT {source}) AS excluded\n"))
            .Append(CultureInvariant($"ON {match}\n"))
            .Append(CultureInvariant($"WHEN MATCHED THEN UPDATE SET {upsert.Groups["set"].Value.Trim()}\n"))
            .Append(CultureInvariant($"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({inserted});"))
            .ToString();
    }

    /// <summary>Splits a list at its commas, but not at those inside parentheses or quotes.</summary>
    private static List<string> SplitTopLevel(string list)
    {
        var parts = new List<string>();
        var (depth, quoted, start) = (0, false, 0);
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '\'':
                    quoted = !quoted;
                    break;
                case '(' when !quoted:
                    depth++;
                    break;
                case ')' when !quoted:
                    depth--;
                    break;
                case ',' when !quoted && depth == 0:
                    parts.Add(list[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        parts.Add(list[start..].Trim());
        return parts;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"^\s*INSERT INTO (?<table>\w+) \((?<columns>[^)]*)\)\s*VALUES \((?<values>.*)\)\s*ON CONFLICT \((?<keys>[^)]*)\) DO UPDATE\s+SET (?<set>.*?);?\s*$", RegexOptions.Singleline)]
    private static partial Regex Upsert();

    [GeneratedRegex(@"\bLIMIT (@\w+|\d+)")]
    private static partial Regex Limit();
}
