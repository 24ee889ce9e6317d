using System.Data.Common;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>Storage settings: the provider (<c>sqlite</c>, <c>postgres</c> or <c>sqlserver</c>) and its connection string.</summary>
public sealed record StorageOptions(string Provider, string ConnectionString);

/// <summary>
/// Opens connections and runs write transactions. A write to one project takes that project's lock first, every other
/// write the database's (see <see cref="SqlDialect"/>), so what a write reads is what it writes against; the audit
/// chain is extended under the database's lock, so sequence numbers are handed out in commit order. On SQLite both are
/// the database's single write lock.
/// </summary>
public sealed class Database(SqlDialect dialect) : IAsyncDisposable
{
    private static readonly AsyncLocal<AmbientWrite?> Ambient = new();

    public string Provider => dialect.Provider;

    /// <summary>A connection from the pool; a database that refuses one is unavailable (<see cref="Unavailable"/>), never a fault of ours.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dialect.OpenAsync(cancellationToken);
        }
        catch (DbException refused) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseUnavailableException(refused);
        }
    }

    /// <summary>Runs a read on a connection of its own, outside any transaction.</summary>
    public async Task<T> ReadAsync<T>(Func<DbSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await read(new DbSession(connection, null, cancellationToken));
    }

    /// <summary>
    /// Runs one write as one transaction; it commits when the work returns <c>true</c> with its result, else rolls back.
    /// Inside an <see cref="AmbientWrite"/> (one request that must commit as a whole) it joins that transaction instead.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbSession, Task<(bool Commit, T Result)>> work, CancellationToken cancellationToken, Guid? project = null)
    {
        if (Ambient.Value is { } ambient)
        {
            var session = new DbSession(ambient.Connection, ambient.Transaction, cancellationToken);
            await dialect.LockAsync(session, project);
            var (commit, joined) = await work(session);
            if (!commit)
            {
                ambient.MarkRollbackOnly();
            }

            return joined;
        }

        using var turn = await dialect.QueueWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var own = new DbSession(connection, transaction, cancellationToken);
        await dialect.LockAsync(own, project);
        var (shouldCommit, result) = await work(own);
        if (shouldCommit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The database's lock, taken inside a write to one project just before it appends to the audit chain: the chain's
    /// head is read and extended by one writer at a time, in commit order, while writes to other projects proceed.
    /// </summary>
    public Task LockChainAsync(DbSession session) => dialect.LockAsync(session, null);

    /// <summary>
    /// Begins a write that one request shares; <see cref="Join"/> makes every write of the request part of it, and
    /// each takes its own lock as it joins.
    /// </summary>
    public async Task<AmbientWrite> BeginAmbientAsync(CancellationToken cancellationToken)
    {
        var turn = await dialect.QueueWriteAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
            return new AmbientWrite(connection, transaction, turn);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes <see cref="WriteAsync{T}"/> join this write for the rest of the caller's async flow, until the returned
    /// scope is disposed. Synchronous on purpose: an async local set here flows into what the caller awaits next.
    /// </summary>
    public static IDisposable Join(AmbientWrite write)
    {
        Ambient.Value = write;
        return new Leave();
    }

    private sealed class Leave : IDisposable
    {
        public void Dispose() => Ambient.Value = null;
    }

    public ValueTask DisposeAsync() => dialect.DisposeAsync();
}

/// <summary>One write transaction shared by everything one request does; committed once, at the end, or not at all.</summary>
public sealed class AmbientWrite(DbConnection connection, DbTransaction transaction, IDisposable? turn = null) : IAsyncDisposable
{
    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    /// <summary>Some part of the request refused its change, so nothing of it may be committed.</summary>
    public bool RollbackOnly { get; private set; }

    internal void MarkRollbackOnly() => RollbackOnly = true;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (RollbackOnly)
        {
            throw new InvalidOperationException("A refused write cannot be committed.");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        turn?.Dispose();
    }
}
