using System.Data.Common;
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// The database failing under the service: writes are refused with a 503 problem and Retry-After, reads that can go on do,
/// readiness says when the database is gone, and once it is back the service goes on by itself with nothing lost or
/// half-written. (A kill -9 during a burst of writes is <see cref="CrashTests"/>, on SQLite and PostgreSQL.)
/// </summary>
public sealed class FaultTests
{
    internal static async Task Unavailable(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.Should().Contain("urn:projectmethod:problem:database-unavailable").And.NotContain("Npgsql").And.NotContain("SQLite");
        response.Headers.RetryAfter.Should().NotBeNull();
    }

    internal static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    /// <summary>SQLite whose file turns read-only (as on a full or remounted disk) while <see cref="ReadOnly"/> is set.</summary>
    private sealed class ReadOnlyDisk(SqlDialect inner) : SqlDialect
    {
        public volatile bool ReadOnly;

        public override string Provider => inner.Provider;

        public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var connection = await inner.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ReadOnly ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }

        public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
            inner.BeginWriteAsync(connection, cancellationToken);

        public override Task LockAsync(DbSession session, Guid? project) => inner.LockAsync(session, project);

        public override ValueTask<IDisposable?> QueueWriteAsync(CancellationToken cancellationToken) => inner.QueueWriteAsync(cancellationToken);

        public override Task PrepareAsync(CancellationToken cancellationToken) => inner.PrepareAsync(cancellationToken);

        public override Sql CreateMigrationsTable => inner.CreateMigrationsTable;
    }

    [Fact]
    public async Task A_sqlite_file_that_cannot_be_written_refuses_writes_with_503_keeps_reading_and_recovers_whole()
    {
        using var host = new SqliteApi().WithServices(services =>
            services.AddSingleton<SqlDialect>(provider => new ReadOnlyDisk(SqlDialect.For(provider.GetRequiredService<StorageOptions>()))));
        var project = await new Scenario(host).InConceptAsync();
        var before = (await project.Project()).GetProperty("version").GetInt64();
        var disk = (ReadOnlyDisk)host.Services.GetRequiredService<SqlDialect>();

        disk.ReadOnly = true;
        using (var refused = await project.Executive.PostAsync($"{project.Url}/roles",
            Json(new { role = "projectManager", userId = "per", displayName = "Per" })))
        {
            await Unavailable(refused);
        }

        using (var refused = await project.Proposer.PostAsync("/api/v1/projects", Json(new { name = "Ny", sector = "helse", description = "D" })))
        {
            await Unavailable(refused);
        }

        (await project.Project()).GetProperty("version").GetInt64().Should().Be(before, "reads go on");
        await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);

        disk.ReadOnly = false;
        await project.Assign(project.Executive, "projectManager", "per");
        (await project.Project()).GetProperty("version").GetInt64().Should().Be(before + 1, "the refused write left nothing behind");
        var audit = await project.Board.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
        audit.GetProperty("ok").GetBoolean().Should().BeTrue();
        using var database = host.OpenDatabase();
        (await database.ExecuteScalarAsync<string>("PRAGMA integrity_check")).Should().Be("ok");
    }
}

/// <summary>PostgreSQL going away under the service (connections refused and cut) and coming back.</summary>
public sealed class PostgresFaultTests(PostgresApi api) : IClassFixture<PostgresApi>
{
    [ProviderFact]
    public async Task A_postgres_database_that_goes_away_answers_503_and_not_ready_and_the_service_recovers_by_itself()
    {
        var host = api;
        var project = await new Scenario(host).InConceptAsync();
        var before = (await project.Project()).GetProperty("version").GetInt64();
        var name = new NpgsqlConnectionStringBuilder(host.ConnectionString).Database!;
        await using var admin = new NpgsqlConnection(TestDatabases.PostgresAdmin);
        await admin.OpenAsync();
        var anonymous = host.CreateDefaultClient();

        await admin.ExecuteAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        // The service's connections are client backends; an autovacuum worker busy in the database is the server's own (and only a superuser may end it).
        await admin.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid() AND backend_type = 'client backend'", new { name });
        try
        {
            for (var i = 0; i < 3; i++)
            {
                using var read = await project.Outsider.GetAsync(project.Url);
                await FaultTests.Unavailable(read);
                using var write = await project.Executive.PostAsync($"{project.Url}/roles", FaultTests.Json(new { role = "projectManager", userId = "per", displayName = "Per" }));
                await FaultTests.Unavailable(write);
            }

            using var ready = await anonymous.GetAsync("/health/ready");
            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await admin.ExecuteAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode status;
        do
        {
            using var response = await anonymous.GetAsync("/health/ready");
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Delay());
        status.Should().Be(HttpStatusCode.OK, "the service reconnects by itself");

        await project.Assign(project.Executive, "projectManager", "per");
        (await project.Project()).GetProperty("version").GetInt64().Should().Be(before + 1, "nothing was lost and no refused write left anything");
        var audit = await host.As("bjorn", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
        audit.GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [ProviderFact]
    public async Task A_page_asked_while_the_database_is_away_is_the_norwegian_error_page_and_the_page_returns_with_it()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [], ("Web:DevelopmentSignIn", "true"));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = service.Address };
        var signIn = await browser.GetStringAsync("/logg-inn");
        var token = System.Text.RegularExpressions.Regex.Match(signIn, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signedIn = await browser.PostAsync("/logg-inn", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("userId", "per")]));
        (await browser.GetStringAsync("/")).Should().Contain("Mine prosjekter");
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        await using var admin = new NpgsqlConnection(TestDatabases.PostgresAdmin);
        await admin.OpenAsync();

        await admin.ExecuteAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await admin.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid() AND backend_type = 'client backend'", new { name });
        try
        {
            using var away = await browser.GetAsync("/");

            away.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            away.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            (await away.Content.ReadAsStringAsync()).Should().Contain("<h1>Noe gikk galt</h1>").And.NotContain("urn:projectmethod").And.NotContain("Exception");
        }
        finally
        {
            await admin.ExecuteAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string home;
        do
        {
            using var response = await browser.GetAsync("/");
            home = await response.Content.ReadAsStringAsync();
        }
        while (!home.Contains("<h1>Mine prosjekter</h1>", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());
        home.Should().Contain("<h1>Mine prosjekter</h1>", "the pages come back with the database");
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
