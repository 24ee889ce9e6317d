using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public abstract class LifecycleTests(ApiFactory api)
{
    [ProviderFact]
    public async Task A_project_walks_from_proposal_to_execution_stage_1_and_on_to_closure_by_stop()
    {
        var project = await new Scenario(api).InExecutionAsync();

        var inExecution = await project.Project();
        inExecution.Str("phase").Should().Be("execution");
        inExecution.GetProperty("stage").GetInt32().Should().Be(1);

        var stop = (await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Leverandøren gikk konkurs" })
            .Expect(HttpStatusCode.Created)).GetProperty("decision");
        stop.Str("decisionPoint").Should().Be("bp4");
        stop.Str("toPhase").Should().Be("closure");

        var closed = await project.Project();
        closed.Str("phase").Should().Be("closure");
        closed.GetProperty("closedEarly").GetBoolean().Should().BeTrue();
        closed.GetProperty("stage").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        log.GetProperty("items").EnumerateArray().Select(d => (d.Str("decisionPoint"), d.Str("decision")))
            .Should().Equal(("bp1", "approve"), ("bp2", "approve"), ("bp3", "approve"), ("bp4", "stop"));
    }

    [ProviderFact]
    public async Task A_project_runs_through_a_stage_boundary_closure_and_realisation_to_completed()
    {
        var project = await new Scenario(api).InExecutionAsync();

        // Stage 1 → 2: stage 2 is planned, stage 1's product delivered and stage 2's described, and the business case is confirmed again in this stage.
        await project.PlanStage(2);
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Fase 1 er levert", decisionPoint = "stageBoundary" })
            .Expect(HttpStatusCode.Created);
        var unmet = await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" })
            .ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");
        unmet.GetProperty("unmetCriteria").EnumerateArray().Select(c => c.Str("id"))
            .Should().BeEquivalentTo("business-case-confirmed", "checklist-complete", "stage-products-planned");
        await project.DeliverProduct(project.ProductId!);
        var next = (await project.DescribeProduct(2, "Varslingsrutiner for nattevakt")).Str("id");
        await project.Executive.Post($"{project.Url}/products/{next}/approve", new { }).Expect(HttpStatusCode.OK);
        await project.ConfirmBusinessCase();
        await project.CompleteChecklist(project.ProjectManager, "stageBoundary");
        var boundary = (await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).Expect(HttpStatusCode.Created)).GetProperty("decision");
        boundary.GetProperty("toStage").GetInt32().Should().Be(2);

        // Stage-boundary checklist items are answered anew in stage 2.
        var checklist = await project.Outsider.GetAsync($"{project.Url}/checklist").Expect(HttpStatusCode.OK);
        checklist.GetProperty("items").EnumerateArray().Where(i => i.Str("decisionPoint") == "stageBoundary")
            .Should().OnlyContain(i => i.Str("status") == "open");

        // BP4 → closure, once stage 2's product is accepted too.
        await project.DeliverProduct(next);
        await project.ConfirmBusinessCase();
        await project.ConfirmBenefitsRealistic();
        await project.CompleteChecklist(project.ProjectManager, "bp4");
        (await project.Decide(project.ProjectManager, project.Executive, "Alt er levert")).Str("toPhase").Should().Be("closure");

        // BP5 → realisation, once both reports are written.
        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Levert innenfor rammene" }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Involver brukerne tidligere" }).Expect(HttpStatusCode.Created);
        await project.CompleteChecklist(project.ProjectManager, "bp5");
        (await project.Decide(project.ProjectManager, project.Executive, "Klar for gevinstrealisering")).Str("toPhase").Should().Be("realisation");

        // BP6 → completed: the Benefit Owner evaluates every benefit and asks; the portfolio board decides.
        await project.CompleteChecklist(project.BenefitOwner, "bp6");
        await project.BenefitOwner.Post($"{project.Url}/benefits/{project.BenefitId}/evaluation", new { outcome = "partlyRealised", explanation = "Halvparten av timene er spart" })
            .Expect(HttpStatusCode.OK);
        (await project.Decide(project.BenefitOwner, project.Board, "Gevinstene er evaluert")).Str("toPhase").Should().Be("completed");

        await project.Outsider.GetAsync($"{project.Url}/gate").ExpectProblem(HttpStatusCode.Conflict, "project-finished");
        await project.ProjectManager.Post($"{project.Url}/lessons", new { title = "Sent", description = "Etter slutt", recommendation = "Ingen" })
            .ExpectProblem(HttpStatusCode.Conflict, "project-finished");
        await project.Executive.Put($"{project.Url}/business-case", new
        {
            reasons = "r", options = "o", expectedBenefits = "b", expectedCosts = "c", timescale = "t", majorRisks = "m",
        }).ExpectProblem(HttpStatusCode.Conflict, "project-finished");
    }

    [ProviderFact]
    public async Task Stop_at_bp1_rejects_the_idea_and_closes_the_project_to_changes()
    {
        var project = await new Scenario(api).ReadyForBp1Async();

        var stop = (await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Løses bedre i linjen" })
            .Expect(HttpStatusCode.Created)).GetProperty("decision");

        stop.Str("toPhase").Should().Be("rejected");
        (await project.Project()).GetProperty("closedEarly").GetBoolean().Should().BeFalse();
        await project.Board.Post($"{project.Url}/roles", new { role = "seniorUser", userId = "siri", displayName = "Siri" })
            .ExpectProblem(HttpStatusCode.Conflict, "project-finished");
    }

    [ProviderFact]
    public async Task After_an_early_close_with_no_benefit_expected_bp5_completes_the_project()
    {
        var project = await new Scenario(api).InPlanningAsync();
        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Politisk omprioritering" })
            .Expect(HttpStatusCode.Created);

        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Stoppet i planlegging" }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Avklar politisk forankring" }).Expect(HttpStatusCode.Created);
        await project.CompleteChecklist(project.ProjectManager, "bp5");
        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.Str("to").Should().Be("completed");

        (await project.Decide(project.ProjectManager, project.Executive, "Avslutt")).Str("toPhase").Should().Be("completed");
    }

    [ProviderFact]
    public async Task Every_change_is_in_the_history_in_order_with_its_actor()
    {
        var project = await new Scenario(api).InConceptAsync();

        var history = await project.Outsider.GetAsync($"{project.Url}/history").Expect(HttpStatusCode.OK);
        var events = history.GetProperty("items").EnumerateArray().ToList();

        events.Select(e => e.Str("type")).Should().StartWith(["projectProposed", "mandateWritten", "roleAssigned", "checklistItemUpdated"])
            .And.EndWith(["decisionRequested", "decisionMade"]);
        events.Select(e => e.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder();
        events[^1].Who("actor").Should().Be("bjorn");
        events[^1].GetProperty("payload").Str("toPhase").Should().Be("concept");
    }
}

public sealed class LifecycleTestsOnSqlite(SqliteApi api) : LifecycleTests(api), IClassFixture<SqliteApi>;

public sealed class LifecycleTestsOnPostgres(PostgresApi api) : LifecycleTests(api), IClassFixture<PostgresApi>;

public sealed class LifecycleTestsOnSqlServer(SqlServerApi api) : LifecycleTests(api), IClassFixture<SqlServerApi>;
