using System.Data.Common;
using Dapper;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// What every store call takes: a connection, the transaction it writes in (none for reads), and the request's
/// cancellation. It sends only declared <see cref="Sql"/> statements, rendered for the connection's provider.
/// </summary>
public readonly record struct DbSession(DbConnection Connection, DbTransaction? Transaction, CancellationToken CancellationToken)
{
    public async Task<IReadOnlyList<T>> ListAsync<T>(Sql sql, object? args = null) =>
        (await Connection.QueryAsync<T>(Command(sql, args))).AsList();

    public Task<T?> SingleOrDefaultAsync<T>(Sql sql, object? args = null) => Connection.QuerySingleOrDefaultAsync<T>(Command(sql, args));

    public Task<T?> FirstOrDefaultAsync<T>(Sql sql, object? args = null) => Connection.QueryFirstOrDefaultAsync<T>(Command(sql, args));

    public async Task<T> ScalarAsync<T>(Sql sql, object? args = null) => (await Connection.ExecuteScalarAsync<T>(Command(sql, args)))!;

    public Task<int> ExecuteAsync(Sql sql, object? args = null) => Connection.ExecuteAsync(Command(sql, args));

    /// <summary>A migration script of db/&lt;provider&gt;/, as it is: the one text sent that is not a declared statement.</summary>
    public Task<int> ExecuteScriptAsync(string script) =>
        Connection.ExecuteAsync(new CommandDefinition(script, transaction: Transaction, cancellationToken: CancellationToken));

    private CommandDefinition Command(Sql sql, object? args) => new(sql.For(Connection), args, Transaction, cancellationToken: CancellationToken);
}
