using System.Collections.Concurrent;
using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// Backup and restore: an online backup of SQLite taken under a burst of writes holds every write acknowledged before it
/// began, verifies (pages, migrations, audit chain), and a fresh service started on it serves them.
/// </summary>
public sealed class BackupTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task A_backup_under_write_load_restores_every_acknowledged_write_with_a_verifying_chain()
    {
        using var database = api.Another();
        var backup = Path.Combine(Path.GetTempPath(), $"projectmethod-backup-{Guid.NewGuid():N}.db");
        var acknowledged = new ConcurrentBag<CrashTests.Acknowledged>();
        CrashTests.Acknowledged[] beforeTheBackup;
        using (var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(i => CrashTests.WriteUntilStopped(service.As($"writer{i}"), acknowledged, stop.Token)).ToList();
            await CrashTests.WaitUntil(() => acknowledged.Count >= 40, TimeSpan.FromSeconds(90));

            beforeTheBackup = [.. acknowledged];
            var (exitCode, output) = await ServiceProcess.RunAsync("backup", backup, "--ConnectionStrings:ProjectMethod", database.ConnectionString);
            var duringTheBackup = acknowledged.Count - beforeTheBackup.Length;
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            exitCode.Should().Be(0, output);
            duringTheBackup.Should().BeGreaterThan(0, "the service went on writing while the backup was taken");
        }

        try
        {
            var verified = await ServiceProcess.RunAsync("verify", backup);
            verified.ExitCode.Should().Be(0, verified.Output);
            verified.Output.Should().Contain("integrity: ok").And.Contain("audit chain").And.EndWith("verified\n");

            using var restored = await ServiceProcess.StartAsync("sqlite", $"Data Source={backup}");
            var reader = restored.As("auditor", GlobalRoles.PortfolioBoard);
            foreach (var write in beforeTheBackup)
            {
                var project = await reader.GetAsync($"/api/v1/projects/{write.ProjectId}").Expect(HttpStatusCode.OK);
                project.GetProperty("version").GetInt64().Should().BeGreaterThanOrEqualTo(write.Version);
            }

            var audit = await reader.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
            audit.GetProperty("ok").GetBoolean().Should().BeTrue(audit.ToString());
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(backup)!, Path.GetFileName(backup) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Verify_finds_a_tampered_chain_and_refuses_what_is_no_database_of_ours()
    {
        using var database = api.Another();
        await new Scenario(database).InConceptAsync();
        var copy = Path.Combine(Path.GetTempPath(), $"projectmethod-verify-{Guid.NewGuid():N}.db");
        try
        {
            (await ServiceProcess.RunAsync("backup", copy, "--ConnectionStrings:ProjectMethod", database.ConnectionString)).ExitCode.Should().Be(0);
            (await ServiceProcess.RunAsync("backup", copy, "--ConnectionStrings:ProjectMethod", database.ConnectionString)).ExitCode
                .Should().Be(2, "a backup never overwrites a file");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE audit_events SET actor = 'mallory' WHERE sequence = 3";
                command.ExecuteNonQuery();
            }

            var tampered = await ServiceProcess.RunAsync("verify", copy);
            tampered.ExitCode.Should().Be(1);
            tampered.Output.Should().Contain("broken at 3").And.Contain("NOT verified");

            File.WriteAllText(copy + ".txt", "not a database");
            var foreign = await ServiceProcess.RunAsync("verify", copy + ".txt");
            foreign.ExitCode.Should().Be(1, foreign.Output);
            foreign.Output.Should().Contain("NOT verified").And.NotContain("   at ");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(copy)!, Path.GetFileName(copy) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
