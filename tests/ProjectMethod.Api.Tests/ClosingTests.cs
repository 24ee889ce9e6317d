using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>A stop never skips closure, and a stop settles what was waiting for a decision.</summary>
public abstract class ClosingTests(ApiFactory api)
{
    [ProviderFact]
    public async Task In_closure_a_stop_is_refused_and_bp5_is_the_only_way_on()
    {
        var project = await new Scenario(api).InClosureAsync();

        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Vi hopper over rapportene" })
            .ExpectProblem(HttpStatusCode.Conflict, "no-stop-in-closure");

        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("allowedDecisions").EnumerateArray().Select(d => d.GetString()).Should().NotContain("stop");
        (await project.Project()).Str("phase").Should().Be("closure");
        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Levert innenfor rammene" }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Involver brukerne tidligere" }).Expect(HttpStatusCode.Created);
        await project.CompleteChecklist(project.ProjectManager, "bp5");
        (await project.Decide(project.ProjectManager, project.Executive, "Klar for gevinstrealisering")).Str("toPhase").Should().Be("realisation");
    }

    [ProviderFact]
    public async Task Realisation_is_stopped_early_by_the_board_only_once_every_benefit_has_its_final_evaluation()
    {
        var project = await new Scenario(api).InRealisationAsync();

        var refused = await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Gevinsten er ikke lenger aktuell" })
            .ExpectProblem(HttpStatusCode.Conflict, "benefits-not-evaluated");
        refused.GetProperty("benefits").EnumerateArray().Select(b => b.GetString()).Should().Equal("Færre timer til manuell oppfølging");
        refused.Str("detail").Should().Contain("Færre timer til manuell oppfølging");

        await project.BenefitOwner.Post($"{project.Url}/benefits/{project.BenefitId}/evaluation", new { outcome = "notRealised", explanation = "Tjenesten ble lagt ned" })
            .Expect(HttpStatusCode.OK);
        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Gevinsten er ikke lenger aktuell" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var stop = (await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Gevinsten er ikke lenger aktuell" })
            .Expect(HttpStatusCode.Created)).GetProperty("decision");

        stop.Str("toPhase").Should().Be("completed");
    }

    [ProviderFact]
    public async Task Premature_closure_is_refused_once_the_project_is_in_realisation()
    {
        using var own = api.Another();
        var project = await new Scenario(own).InRealisationAsync();
        var raised = (await project.Measure(project.BenefitOwner, "2026-02-01", 121)).GetProperty("raisedExceptions")[0];
        var url = $"{project.Url}/exceptions/{raised.Str("id")}";
        await project.BenefitOwner.Post($"{url}/report", new
        {
            cause = "Færre brukere enn ventet", consequences = "Timene går ikke ned", options = new[] { new { title = "Avslutt", effect = "Ingen gevinst" } },
            recommendation = "Avslutt",
        }).Expect(HttpStatusCode.OK);

        await project.Board.Post($"{url}/decision", new { decision = "prematureClosure", rationale = "Avslutt tidlig" })
            .ExpectProblem(HttpStatusCode.Conflict, "premature-closure-too-late");
        (await project.Project()).Str("phase").Should().Be("realisation");
    }

    [ProviderFact]
    public async Task A_gate_stop_supersedes_the_open_exceptions_so_nothing_blocks_bp5()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var raised = (await project.Forecast(1, cost: 880000)).GetProperty("raisedExceptions").EnumerateArray().Single();

        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Leverandøren gikk konkurs" }).Expect(HttpStatusCode.Created);

        var exceptions = await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK);
        var settled = exceptions.GetProperty("items").EnumerateArray().Single(e => e.Str("id") == raised.Str("id"));
        settled.Str("state").Should().Be("supersededByStop");
        settled.Str("rationale").Should().Be("Leverandøren gikk konkurs");
        var history = await project.Outsider.GetAsync($"{project.Url}/history").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Select(e => e.Str("type")).Should().ContainInOrder("decisionMade", "exceptionSuperseded");
        var inbox = await project.Board.GetAsync("/api/v1/escalations").Expect(HttpStatusCode.OK);
        inbox.GetProperty("items").EnumerateArray().Select(e => e.Str("id")).Should().NotContain(raised.Str("id"));

        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Stoppet i gjennomføring" }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Velg leverandører med ryggdekning" }).Expect(HttpStatusCode.Created);
        await project.CompleteChecklist(project.ProjectManager, "bp5");
        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "no-open-exception").GetProperty("met").GetBoolean().Should().BeTrue();
        (await project.Decide(project.ProjectManager, project.Executive, "Avslutt")).Str("toPhase").Should().Be("realisation");
    }
}

public sealed class ClosingTestsOnSqlite(SqliteApi api) : ClosingTests(api), IClassFixture<SqliteApi>;

public sealed class ClosingTestsOnPostgres(PostgresApi api) : ClosingTests(api), IClassFixture<PostgresApi>;

public sealed class ClosingTestsOnSqlServer(SqlServerApi api) : ClosingTests(api), IClassFixture<SqlServerApi>;
