using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// What differs between the database providers, kept in this one place: connecting, taking the write lock, and
/// preparing the database file. SQL in the stores is written to run unchanged on both.
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the write lock from its first statement.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Settings of the database itself, made once at start-up before the migrations.</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    public static SqlDialect For(StorageOptions options) => options.Provider switch
    {
        "sqlite" => new SqliteDialect(options.ConnectionString),
        "postgres" => new PostgresDialect(options.ConnectionString),
        _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; use 'sqlite' or 'postgres'."),
    };
}

/// <summary>SQLite: WAL, synchronous=FULL, a busy timeout, and BEGIN IMMEDIATE for every write.</summary>
public sealed class SqliteDialect(string connectionString) : SqlDialect
{
    public override string Provider => "sqlite";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per connection: integrity and durability, and waiting (not failing) while another writer holds the lock.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
    }
}

/// <summary>
/// PostgreSQL: a transaction-scoped advisory lock serialises the writes of every instance on the database, which is
/// what keeps the audit chain gap-free in commit order and one gate decision from racing another.
/// </summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    private const long WriteLock = 0x50_4D_57_52; // "PMWR"

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Provider => "postgres";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@WriteLock)", new { WriteLock }, transaction,
            cancellationToken: cancellationToken));
        return transaction;
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await dataSource.DisposeAsync();
        await base.DisposeCoreAsync();
    }
}
