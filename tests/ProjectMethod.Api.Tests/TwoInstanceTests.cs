using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>Two service instances on one database, as several API hosts run against one PostgreSQL server.</summary>
public abstract class TwoInstanceTests(ApiFactory api)
{
    [ProviderFact]
    public async Task Concurrent_approvals_of_one_gate_from_two_instances_let_exactly_one_through()
    {
        using var second = api.SameDatabase();
        var project = await new Scenario(api).ReadyForBp3Async();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? api : second).As("eva").Post($"{project.Url}/gate/decisions", new { decision = "approve" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        log.GetProperty("items").EnumerateArray().Count(d => d.Str("decisionPoint") == "bp3").Should().Be(1);
    }

    [ProviderFact]
    public async Task A_read_on_one_instance_shows_at_once_what_was_changed_through_the_other()
    {
        using var second = api.SameDatabase();
        var project = await new Scenario(api).ProposedAsync();
        Criterion(await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK), "mandate-written").Should().BeFalse();

        await second.As("pia").Put($"{project.Url}/mandate", new { purpose = "Bedre oppfølging", background = "Manuelle rutiner" }).Expect(HttpStatusCode.OK);

        Criterion(await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK), "mandate-written").Should().BeTrue();

        var executing = await new Scenario(api).InExecutionAsync();
        (await executing.Project()).GetProperty("toleranceStatus").ValueKind.Should().Be(JsonValueKind.Null);
        await second.As("per").Post($"{executing.Url}/forecasts", new
        {
            stage = 1,
            values = new { time = "2027-03-31", cost = 842000, quality = 0, scope = 0, benefit = 500000 },
        }).Expect(HttpStatusCode.Created);

        var status = (await executing.Project()).GetProperty("toleranceStatus");
        status.GetProperty("stage").EnumerateArray().Single(d => d.Str("dimension") == "cost").Str("status").Should().Be("atRisk");

        var sector = await api.NewSectorAsync("tvilling-");
        var board = api.As("bjorn", GlobalRoles.PortfolioBoard);
        Proposed(await board.GetAsync($"/api/v1/portfolio?sector={sector}").Expect(HttpStatusCode.OK)).Should().Be(0);
        await second.As("pia").Post("/api/v1/projects", new { name = "Ny", sector, description = "Fra den andre" }).Expect(HttpStatusCode.Created);
        Proposed(await board.GetAsync($"/api/v1/portfolio?sector={sector}").Expect(HttpStatusCode.OK)).Should().Be(1);
    }

    private static int Proposed(JsonElement portfolio) =>
        portfolio.GetProperty("phases").EnumerateArray().Single(p => p.Str("phase") == "proposed").GetProperty("count").GetInt32();

    private static bool Criterion(JsonElement gate, string id) =>
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == id).GetProperty("met").GetBoolean();

    [ProviderFact]
    public async Task Concurrent_forecasts_from_two_instances_raise_one_exception_per_breach()
    {
        using var second = api.SameDatabase();
        var project = await new Scenario(api).InExecutionAsync();
        var values = new { time = "2027-03-31", cost = 900000, quality = 0, scope = 0, benefit = 500000 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? api : second).As("per").Post($"{project.Url}/forecasts", new { stage = 1, values })));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        var exceptions = await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK);
        exceptions.GetProperty("items").GetArrayLength().Should().Be(1);
        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Count(e => e.Str("type") == "forecastSubmitted").Should().Be(8);
    }

    [ProviderFact]
    public async Task Concurrent_role_changes_from_two_instances_keep_one_project_manager_and_lose_no_update()
    {
        using var second = api.SameDatabase();
        var project = await new Scenario(api).InConceptAsync();
        var before = (await project.Project()).GetProperty("version").GetInt64();
        var history = (await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();

        // Six candidates for the one Project Manager role, and six team managers who may all be appointed; the directory knows them all.
        using var directory = api.As("katalog", GlobalRoles.Integrator);
        foreach (var candidate in Enumerable.Range(0, 6).SelectMany(i => new[] { $"pm{i}", $"tm{i}" }))
        {
            await directory.Put($"/api/v1/people/{candidate}", new { name = candidate.ToUpperInvariant() }).Expect(HttpStatusCode.Created);
        }

        var managers = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? api : second).As("eva")
            .Post($"{project.Url}/roles", new { role = "projectManager", userId = $"pm{i}", displayName = $"PM {i}" }));
        var teams = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? second : api).As("eva")
            .Post($"{project.Url}/roles", new { role = "teamManager", userId = $"tm{i}", displayName = $"TM {i}" }));
        var responses = await Task.WhenAll(managers.Concat(teams));

        responses.Take(6).Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Take(6).Where(r => r.StatusCode != HttpStatusCode.Created).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict);
        responses.Skip(6).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        var roles = await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK);
        roles.GetProperty("items").EnumerateArray().Count(r => r.Str("role") == "projectManager").Should().Be(1);
        roles.GetProperty("items").EnumerateArray().Count(r => r.Str("role") == "teamManager").Should().Be(6);
        (await project.Project()).GetProperty("version").GetInt64().Should().Be(before + 7);
        var after = (await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();
        after.Should().Be(history + 7);

        var audit = await second.As("bjorn", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
        audit.GetProperty("ok").GetBoolean().Should().BeTrue();
    }
}

public sealed class TwoInstanceTestsOnSqlite(SqliteApi api) : TwoInstanceTests(api), IClassFixture<SqliteApi>;

public sealed class TwoInstanceTestsOnPostgres(PostgresApi api) : TwoInstanceTests(api), IClassFixture<PostgresApi>;

public sealed class TwoInstanceTestsOnSqlServer(SqlServerApi api) : TwoInstanceTests(api), IClassFixture<SqlServerApi>;
