using Microsoft.Extensions.DependencyInjection;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// On a server database a write to one project holds that project's lock, not the database's: writes to other projects
/// proceed beside it; a second write to the same project, or an append to the audit chain while another holds it, waits.
/// (SQLite has one writer per database, which holds for every write.)
/// </summary>
public abstract class WriteLockTests(ApiFactory api)
{
    private static async Task<bool> Finishes(Task task, int milliseconds) => await Task.WhenAny(task, Task.Delay(milliseconds)) == task;

    [ProviderFact]
    public async Task Writes_to_different_projects_proceed_together_and_one_project_or_the_chain_takes_turns()
    {
        api.CreateClient().Dispose();
        var database = api.Services.GetRequiredService<Database>();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = database.WriteAsync(async db =>
        {
            await database.LockChainAsync(db);
            holding.SetResult();
            await release.Task;
            return (false, 0);
        }, CancellationToken.None, first);
        await holding.Task;

        var otherProject = database.WriteAsync(_ => Task.FromResult((false, 0)), CancellationToken.None, second);
        var sameProject = database.WriteAsync(_ => Task.FromResult((false, 0)), CancellationToken.None, first);
        var otherAppendingToTheChain = database.WriteAsync(async db =>
        {
            await database.LockChainAsync(db);
            return (false, 0);
        }, CancellationToken.None, Guid.NewGuid());

        (await Finishes(otherProject, 10_000)).Should().BeTrue("another project's write does not wait for this one");
        (await Finishes(sameProject, 500)).Should().BeFalse("a second write to the same project waits its turn");
        otherAppendingToTheChain.IsCompleted.Should().BeFalse("the audit chain is extended by one writer at a time");

        release.SetResult();
        await holder;
        (await Finishes(Task.WhenAll(sameProject, otherAppendingToTheChain), 10_000)).Should().BeTrue();
    }
}

public sealed class WriteLockTestsOnPostgres(PostgresApi api) : WriteLockTests(api), IClassFixture<PostgresApi>;

public sealed class WriteLockTestsOnSqlServer(SqlServerApi api) : WriteLockTests(api), IClassFixture<SqlServerApi>;
