using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

public abstract class GateRefusalTests(ApiFactory api)
{
    [ProviderFact]
    public async Task Approve_at_bp3_without_senior_supplier_is_refused_with_the_unmet_criterion()
    {
        var project = await new Scenario(api).InPlanningAsync();
        await project.Assign(project.Executive, "seniorUser", "siri");
        await project.ConfirmBusinessCase();
        await project.CompleteChecklist(project.ProjectManager, "bp3");
        await project.Board.Put($"{project.Url}/tolerances/project", Scenario.ProjectTolerances).Expect(HttpStatusCode.OK);
        await project.PlanStage(1);
        await project.DefineBenefit();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start gjennomføring" }).Expect(HttpStatusCode.Created);

        var problem = await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" })
            .ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");

        // Without a Senior Supplier nobody answers for quality, so no product description can be approved either.
        var unmet = problem.GetProperty("unmetCriteria").EnumerateArray().ToList();
        unmet.Select(c => c.Str("id")).Should().Equal("board-complete", "products-described");
        unmet[0].Str("principle").Should().Be("p3");
        unmet[0].Str("detail").Should().Contain("Senior Supplier");
        (await project.Project()).Str("phase").Should().Be("planning");
    }

    [ProviderFact]
    public async Task The_gate_view_names_every_criterion_with_its_principle_and_what_may_be_decided()
    {
        var project = await new Scenario(api).InConceptAsync();

        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);

        gate.Str("decisionPoint").Should().Be("bp2");
        gate.Str("decider").Should().Be("portfolioBoard");
        gate.Str("to").Should().Be("planning");
        gate.GetProperty("criteria").EnumerateArray().Where(c => !c.GetProperty("met").GetBoolean()).Select(c => c.Str("id"))
            .Should().BeEquivalentTo("business-case-confirmed", "lessons-reviewed", "core-roles-assigned", "checklist-complete");
        gate.GetProperty("allowedDecisions").EnumerateArray().Select(d => d.GetString()).Should().Equal("stop");
    }

    [ProviderTheory]
    [InlineData("per")]
    [InlineData("bjorn")]
    [InlineData("siri")]
    public async Task Only_the_executive_decides_at_bp3(string who)
    {
        var project = await new Scenario(api).ReadyForBp3Async();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);
        var client = who == "bjorn" ? project.Board : api.As(who);

        await client.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");

        (await project.Project()).Str("phase").Should().Be("planning");
    }

    [ProviderFact]
    public async Task Whether_the_task_belongs_in_the_line_is_asked_before_bp1_in_the_default_handbook()
    {
        var project = await new Scenario(api).ProposedAsync();
        await project.Proposer.Put($"{project.Url}/mandate", new { purpose = "Bedre oppfølging av brukere", background = "Mange manuelle rutiner" }).Expect(HttpStatusCode.OK);
        await project.Assign(project.Board, "executive", "eva");
        await project.Proposer.Put($"{project.Url}/checklist/bp1-need", new { status = "done" }).Expect(HttpStatusCode.OK);
        await project.Proposer.Put($"{project.Url}/checklist/bp1-strategy", new { status = "done" }).Expect(HttpStatusCode.OK);

        var checklist = await project.Outsider.GetAsync($"{project.Url}/checklist").Expect(HttpStatusCode.OK);
        checklist.GetProperty("items").EnumerateArray().Single(i => i.Str("id") == "bp1-line-task").GetProperty("mandatory").GetBoolean().Should().BeTrue();
        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        var criterion = gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "checklist-complete");
        criterion.GetProperty("met").GetBoolean().Should().BeFalse();
        criterion.Str("detail").Should().Contain("bp1-line-task");

        await project.Proposer.Put($"{project.Url}/checklist/bp1-line-task", new { status = "done", comment = "Tverrfaglig; passer ikke i én linjeenhet" })
            .Expect(HttpStatusCode.OK);
        (await project.Decide(project.Proposer, project.Board, "Behovet er godt beskrevet")).Str("toPhase").Should().Be("concept");
    }

    [ProviderFact]
    public async Task Only_the_portfolio_board_decides_at_bp1()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);

        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [ProviderFact]
    public async Task The_board_member_who_asked_for_the_decision_cannot_decide_it_but_another_can()
    {
        var project = new Scenario(api);
        var proposingBoardMember = api.As("bente", GlobalRoles.PortfolioBoard);
        var project0 = await proposingBoardMember.Post("/api/v1/projects", new { name = "Ny skole", sector = "oppvekst", description = "Skolebygg" })
            .Expect(HttpStatusCode.Created);
        var url = $"/api/v1/projects/{project0.Str("id")}";
        await proposingBoardMember.Put($"{url}/mandate", new { purpose = "Plass til flere elever", background = "Vekst i elevtall" }).Expect(HttpStatusCode.OK);
        await proposingBoardMember.Post($"{url}/roles", new { role = "executive", userId = "eva", displayName = "Eva" }).Expect(HttpStatusCode.Created);
        foreach (var item in new[] { "bp1-need", "bp1-strategy", "bp1-line-task" })
        {
            await proposingBoardMember.Put($"{url}/checklist/{item}", new { status = "done" }).Expect(HttpStatusCode.OK);
        }

        await proposingBoardMember.Post($"{url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);

        await proposingBoardMember.Post($"{url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Forbidden, "four-eyes");
        (await project.Board.Post($"{url}/gate/decisions", new { decision = "approve" }).Expect(HttpStatusCode.Created)).GetProperty("decision").Str("toPhase").Should().Be("concept");
    }

    [ProviderFact]
    public async Task Approve_without_a_request_is_refused()
    {
        var project = await new Scenario(api).ReadyForBp1Async();

        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Conflict, "no-open-request");
    }

    [ProviderFact]
    public async Task Reject_needs_a_rationale_keeps_the_phase_and_answers_the_request()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);

        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "reject" }).ExpectProblem(HttpStatusCode.BadRequest, "rationale-required");
        var reject = (await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "reject", rationale = "Mandatet må konkretiseres" })
            .Expect(HttpStatusCode.Created)).GetProperty("decision");

        reject.Str("toPhase").Should().Be("proposed");
        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("openRequest").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Nytt forsøk" }).Expect(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task A_second_request_while_one_is_open_is_refused()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);

        await project.Executive.Post($"{project.Url}/gate/requests", new { recommendation = "Start nå" }).ExpectProblem(HttpStatusCode.Conflict, "request-open");
    }

    [ProviderFact]
    public async Task Only_the_project_manager_asks_for_the_bp2_decision()
    {
        var project = await new Scenario(api).ReadyForBp2Async();

        await project.Executive.Post($"{project.Url}/gate/requests", new { recommendation = "Videre" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Videre" }).Expect(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task An_unjustified_business_case_leaves_only_stop()
    {
        var project = await new Scenario(api).ReadyForBp2Async();
        await project.ConfirmBusinessCase(justified: false);
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Videre likevel" }).Expect(HttpStatusCode.Created);

        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("allowedDecisions").EnumerateArray().Select(d => d.GetString()).Should().Equal("stop");
        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve" })
            .ExpectProblem(HttpStatusCode.Conflict, "business-case-unjustified");
        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "reject", rationale = "Jobb mer med det" })
            .ExpectProblem(HttpStatusCode.Conflict, "business-case-unjustified");

        var stop = (await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Ikke lenger forsvarlig" })
            .Expect(HttpStatusCode.Created)).GetProperty("decision");
        stop.Str("toPhase").Should().Be("closure");
        stop.GetProperty("closedEarly").GetBoolean().Should().BeTrue();
    }

    [ProviderFact]
    public async Task A_business_case_rewritten_after_confirmation_must_be_confirmed_again()
    {
        var project = await new Scenario(api).ReadyForBp2Async();
        (await project.Outsider.GetAsync($"{project.Url}/business-case").Expect(HttpStatusCode.OK)).Str("standing").Should().Be("confirmed");
        await project.WriteBusinessCase();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Videre" }).Expect(HttpStatusCode.Created);

        var problem = await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve" })
            .ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");

        problem.GetProperty("unmetCriteria").EnumerateArray().Select(c => c.Str("id")).Should().Equal("business-case-confirmed");
        var businessCase = await project.Outsider.GetAsync($"{project.Url}/business-case").Expect(HttpStatusCode.OK);
        businessCase.GetProperty("version").GetInt32().Should().Be(2);
        businessCase.Str("standing").Should().Be("notConfirmedInThisPhase");
    }

    [ProviderFact]
    public async Task A_stage_boundary_cannot_be_asked_for_outside_execution()
    {
        var project = await new Scenario(api).ReadyForBp2Async();

        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Hopp", decisionPoint = "stageBoundary" })
            .ExpectProblem(HttpStatusCode.Conflict, "decision-point-not-ahead");
    }

    [ProviderFact]
    public async Task Two_concurrent_approvals_of_one_gate_let_exactly_one_through()
    {
        var project = await new Scenario(api).ReadyForBp3Async();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);
        var before = await project.Project();

        var attempts = Enumerable.Range(0, 6).Select(_ => api.As("eva").Post($"{project.Url}/gate/decisions", new { decision = "approve" }));
        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.StatusCode)
            .Should().OnlyContain(s => s == HttpStatusCode.Conflict || s == HttpStatusCode.PreconditionFailed);
        var after = await project.Project();
        after.Str("phase").Should().Be("execution");
        after.GetProperty("stage").GetInt32().Should().Be(1);
        after.GetProperty("version").GetInt64().Should().Be(before.GetProperty("version").GetInt64() + 1);
        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        log.GetProperty("items").EnumerateArray().Count(d => d.Str("decisionPoint") == "bp3").Should().Be(1);
    }

    [ProviderFact]
    public async Task Two_concurrent_approvals_with_the_same_if_match_get_one_success_and_one_412()
    {
        var project = await new Scenario(api).ReadyForBp3Async();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);
        var etag = (await project.Outsider.GetAsync(project.Url)).Headers.ETag!.Tag;

        var attempts = Enumerable.Range(0, 2).Select(_ =>
        {
            var client = api.As("eva");
            client.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", etag);
            return client.Post($"{project.Url}/gate/decisions", new { decision = "approve" });
        });
        var statuses = (await Task.WhenAll(attempts)).Select(r => r.StatusCode).ToList();

        statuses.Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.PreconditionFailed]);
    }
}

public sealed class GateRefusalTestsOnSqlite(SqliteApi api) : GateRefusalTests(api), IClassFixture<SqliteApi>;

public sealed class GateRefusalTestsOnPostgres(PostgresApi api) : GateRefusalTests(api), IClassFixture<PostgresApi>;

public sealed class GateRefusalTestsOnSqlServer(SqlServerApi api) : GateRefusalTests(api), IClassFixture<SqlServerApi>;
