using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>Storage settings: the provider and its connection string.</summary>
public sealed record StorageOptions(string Provider, string ConnectionString);

/// <summary>Opens connections and runs write transactions; the one place that knows the database dialect.</summary>
public sealed class Database(StorageOptions options)
{
    public string Provider => options.Provider;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Per connection: integrity and durability settings, and waiting (not failing) while another writer holds the lock.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs one write as one transaction. SQLite takes the write lock at the start (BEGIN IMMEDIATE), so what the
    /// work reads is what it writes against: two writers to one project are serialised, never interleaved.
    /// The work commits by returning <c>true</c> with its result; anything else rolls back.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<(bool Commit, T Result)>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        var (commit, result) = await work(connection, transaction);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }
}
