using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void Every_sqlite_script_is_embedded_in_number_order()
    {
        var scripts = Migrations.ScriptsFor("sqlite");
        var onDisk = Directory.GetFiles(Repository.PathOf("db/sqlite"), "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        scripts.Select(s => s.Name).Should().Equal(onDisk);
        scripts.Select(s => s.Id).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Postgres_has_a_script_for_every_sqlite_number_and_no_other()
    {
        var sqlite = Migrations.ScriptsFor("sqlite").Select(s => s.Name).ToList();
        var postgres = Migrations.ScriptsFor("postgres").Select(s => s.Name).ToList();

        postgres.Should().Equal(sqlite);
    }

    [Fact]
    public void Sql_server_has_a_script_for_every_sqlite_number_and_no_other()
    {
        var sqlite = Migrations.ScriptsFor("sqlite").Select(s => s.Name).ToList();
        var sqlServer = Migrations.ScriptsFor("sqlserver").Select(s => s.Name).ToList();

        sqlServer.Should().Equal(sqlite);
    }

    [Fact]
    public async Task Migrations_are_applied_once_and_a_changed_applied_script_stops_the_start()
    {
        using var api = new SqliteApi();
        api.CreateClient().Dispose();
        using (var connection = api.OpenDatabase())
        {
            var applied = (await connection.QueryAsync<string>("SELECT id FROM schema_migrations ORDER BY id")).ToList();
            applied.Should().Equal(Migrations.ScriptsFor("sqlite").Select(s => s.Id));
            (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")).Should().Be("wal");
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE id = '0001'");
        }

        using var restarted = new SameDatabase(api.ConnectionString);
        var start = () => restarted.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*0001_core.sql was changed after it was applied*");
    }

    [Fact]
    public async Task A_restart_on_the_same_database_applies_nothing_twice()
    {
        using var api = new SqliteApi();
        api.CreateClient().Dispose();
        using var restarted = new SameDatabase(api.ConnectionString);
        await restarted.CreateClient().GetAsync("/health/ready").Expect(System.Net.HttpStatusCode.OK);

        using var connection = api.OpenDatabase();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM handbooks")).Should().Be(1);
    }

    private sealed class SameDatabase(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:ProjectMethod", connectionString);
            builder.UseSetting("Auth:SigningKey", ApiFactory.SigningKey);
        }
    }
}
