using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

public abstract class ExceptionTests(ApiFactory api)
{
    private static List<JsonElement> Raised(JsonElement forecast) => forecast.GetProperty("raisedExceptions").EnumerateArray().ToList();

    private static object Report => new
    {
        cause = "Leverandøren er forsinket",
        consequences = "Fasen blir dyrere",
        options = new[] { new { title = "Utvid budsjettet", effect = "Prosjektbegrunnelsen holder; kostnadstoleransen må økes" } },
        recommendation = "Godkjenn unntaksplan",
    };

    private async Task<Scenario> Executing() => await new Scenario(api).InExecutionAsync();

    [ProviderFact]
    public async Task A_forecast_inside_tolerance_raises_nothing_and_the_project_shows_status_and_rag()
    {
        var project = await Executing();

        var forecast = await project.Forecast(1, cost: 842000, projectValues: new { time = "2027-06-30", cost = 2000000, quality = 0, scope = 0, benefit = 500000 });

        Raised(forecast).Should().BeEmpty();
        var status = (await project.Project()).GetProperty("toleranceStatus");
        var cost = status.GetProperty("stage").EnumerateArray().Single(d => d.Str("dimension") == "cost");
        cost.Str("status").Should().Be("atRisk");
        cost.Str("rag").Should().Be("amber");
        cost.GetProperty("deviation").GetDecimal().Should().Be(42000);
        status.GetProperty("stage").EnumerateArray().Single(d => d.Str("dimension") == "time").Str("forecastDate").Should().Be("2027-03-31");
        status.GetProperty("project").EnumerateArray().Should().OnlyContain(d => d.Str("status") == "withinTolerance" && d.Str("rag") == "green");
    }

    [ProviderFact]
    public async Task A_stage_breach_raises_one_exception_for_the_executive_and_no_duplicate()
    {
        var project = await Executing();

        var first = await project.Forecast(1, cost: 850001);
        var second = await project.Forecast(1, cost: 900000);

        Raised(first).Should().ContainSingle().Which.Should().Match<JsonElement>(e =>
            e.Str("level") == "stage" && e.Str("dimension") == "cost" && e.Str("owner") == "executive" && e.Str("state") == "raised");
        Raised(second).Should().BeEmpty();
        var exceptions = await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK);
        exceptions.GetProperty("items").GetArrayLength().Should().Be(1);
        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Count(e => e.Str("type") == "exceptionRaised").Should().Be(1);
    }

    [ProviderFact]
    public async Task A_project_breach_is_escalated_to_the_portfolio_board()
    {
        var project = await Executing();

        var forecast = await project.Forecast(1, projectValues: new { time = "2027-07-20", cost = 2000000, quality = 0, scope = 0, benefit = 500000 });

        var raised = Raised(forecast).Should().ContainSingle().Subject;
        raised.Str("level").Should().Be("project");
        raised.Str("dimension").Should().Be("time");
        raised.GetProperty("deviation").GetDecimal().Should().Be(20);
        raised.Str("owner").Should().Be("portfolioBoard");
        var inbox = await project.Board.GetAsync("/api/v1/escalations").Expect(HttpStatusCode.OK);
        inbox.GetProperty("items").EnumerateArray().Select(e => e.Str("id")).Should().Contain(raised.Str("id"));
        await project.Executive.GetAsync("/api/v1/escalations").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [ProviderFact]
    public async Task Risk_is_the_register_exposure_not_a_typed_value()
    {
        var project = await Executing();
        await project.SeniorUser.Post($"{project.Url}/risks", new { kind = "risk", title = "Leverandørsvikt", probability = 5, consequence = 5, proximity = "Q2", strategy = "reduce", ownerUserId = "per" })
            .Expect(HttpStatusCode.Created);
        await project.SeniorUser.Post($"{project.Url}/risks", new { kind = "opportunity", title = "Statlig tilskudd", probability = 5, consequence = 5, proximity = "Q3", strategy = "exploit", ownerUserId = "eva" })
            .Expect(HttpStatusCode.Created);
        var low = await project.Forecast(1);
        Raised(low).Should().BeEmpty("25 of 30 is inside the band");

        var risk = await project.SeniorUser.Post($"{project.Url}/risks", new { kind = "risk", title = "Personvern", probability = 2, consequence = 3, proximity = "Q2", strategy = "avoid", ownerUserId = "per" })
            .Expect(HttpStatusCode.Created);

        // The register acts on its own: 31 of 30 raises the stage exception at once, and the next forecast no duplicate.
        var exceptions = await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK);
        exceptions.GetProperty("items").EnumerateArray().Should().ContainSingle().Which.Str("dimension").Should().Be("risk");
        var high = await project.Forecast(1);
        Raised(high).Should().BeEmpty();
        high.GetProperty("evaluation").GetProperty("stage").EnumerateArray().Single(d => d.Str("dimension") == "risk").Str("status").Should().Be("exceeded");
        var register = await project.Outsider.GetAsync($"{project.Url}/risks").Expect(HttpStatusCode.OK);
        register.GetProperty("exposure").GetInt32().Should().Be(31);
        await project.SeniorUser.Post($"{project.Url}/risks/{risk.Str("id")}", new { kind = "risk", title = "Personvern", probability = 2, consequence = 3, proximity = "Q2", strategy = "avoid", ownerUserId = "per", status = "closed" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Post($"{project.Url}/risks/{risk.Str("id")}", new { kind = "risk", title = "Personvern", probability = 2, consequence = 3, proximity = "Q2", strategy = "avoid", ownerUserId = "per", status = "closed" })
            .Expect(HttpStatusCode.OK);
        (await project.Outsider.GetAsync($"{project.Url}/risks").Expect(HttpStatusCode.OK)).GetProperty("exposure").GetInt32().Should().Be(25);
        await project.ProjectManager.PostRaw($"{project.Url}/forecasts", """{"stage": 1, "values": {"time": "2027-03-31", "cost": 1, "quality": 0, "scope": 0, "benefit": 1, "risk": 3}}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");
    }

    [ProviderFact]
    public async Task An_undecided_exception_blocks_every_approval_but_not_stop_and_a_better_forecast_does_not_close_it()
    {
        var project = await Executing();
        await project.Forecast(1, cost: 900000);
        await project.Forecast(1, cost: 800000);
        await project.DeliverProduct(project.ProductId!);
        await project.ConfirmBusinessCase();
        await project.ConfirmBenefitsRealistic();
        await project.CompleteChecklist(project.ProjectManager, "bp4");
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Avslutt" }).Expect(HttpStatusCode.Created);

        var refused = await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");

        refused.GetProperty("unmetCriteria").EnumerateArray().Select(c => c.Str("id")).Should().Equal("no-open-exception");
        refused.Str("detail").Should().Contain("No exception is waiting for a decision");
        var stop = (await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Avbrytes" }).Expect(HttpStatusCode.Created)).GetProperty("decision");
        stop.Str("toPhase").Should().Be("closure");
    }

    [ProviderFact]
    public async Task An_approved_exception_plan_becomes_the_baseline_and_the_forecast_is_judged_again_at_once()
    {
        var project = await Executing();
        var exception = Raised(await project.Forecast(1, cost: 880000)).Single();
        var url = $"{project.Url}/exceptions/{exception.Str("id")}";

        await project.Executive.Post($"{url}/decision", new { decision = "approveExceptionPlan", rationale = "For tidlig" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Executive.Post($"{url}/report", Report).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await project.ProjectManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK)).Str("state").Should().Be("reported");

        var decided = await project.Executive.Post($"{url}/decision", new
        {
            decision = "approveExceptionPlan",
            rationale = "Økt budsjett innenfor prosjektets ramme",
            plan = new { plannedEnd = "2027-03-31", budget = 880000, productsInScope = 4 },
            tolerances = new
            {
                time = new { plan = "2027-03-31", lower = 7, upper = 7 },
                cost = new { plan = 880000, lower = 50000, upper = 50000 },
                quality = new { plan = 0, upper = 2 },
                scope = new { plan = 0, upper = 1 },
                risk = new { plan = 0, upper = 30 },
                benefit = new { plan = 500000, lower = 20000 },
            },
        }).Expect(HttpStatusCode.OK);

        decided.GetProperty("exception").Str("state").Should().Be("decided");
        decided.GetProperty("exception").Str("decision").Should().Be("approveExceptionPlan");
        var rejudged = decided.GetProperty("rejudged");
        rejudged.GetProperty("evaluation").GetProperty("stage").EnumerateArray().Single(d => d.Str("dimension") == "cost").Str("status").Should().Be("withinTolerance");
        Raised(rejudged).Should().BeEmpty();
        var stage = (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0];
        stage.GetProperty("plan").GetProperty("budget").GetDecimal().Should().Be(880000);
        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "no-open-exception").GetProperty("met").GetBoolean().Should().BeTrue();
    }

    [ProviderFact]
    public async Task Adjusted_tolerances_stay_inside_the_deciders_authority()
    {
        var project = await Executing();
        // Three open defects: past the stage's two, at the project's three. The next highlight report measures them again.
        await project.FailReview(project.ProductId!, defects: 3);
        var exception = (await project.OpenExceptions()).Single();
        exception.Str("dimension").Should().Be("quality");
        Raised(await project.Forecast(1)).Should().BeEmpty();
        var url = $"{project.Url}/exceptions/{exception.Str("id")}";
        await project.ProjectManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK);

        var tooWide = new { time = new { plan = "2027-03-31", lower = 7, upper = 7 }, cost = new { plan = 800000, lower = 50000, upper = 50000 },
            quality = new { plan = 0, upper = 5 }, scope = new { plan = 0, upper = 1 }, risk = new { plan = 0, upper = 30 }, benefit = new { plan = 500000, lower = 20000 } };
        var problem = await project.Executive.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Mer rom", tolerances = tooWide })
            .ExpectProblem(HttpStatusCode.Conflict, "outside-tolerance-limit");
        problem.Str("detail").Should().Be("The stage quality tolerance allows 5 above plan; the project allows 3.");

        var inside = new { time = new { plan = "2027-03-31", lower = 7, upper = 7 }, cost = new { plan = 800000, lower = 50000, upper = 50000 },
            quality = new { plan = 0, upper = 3 }, scope = new { plan = 0, upper = 1 }, risk = new { plan = 0, upper = 30 }, benefit = new { plan = 500000, lower = 20000 } };
        var decided = await project.Executive.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Innenfor rammen", tolerances = inside })
            .Expect(HttpStatusCode.OK);
        decided.GetProperty("rejudged").GetProperty("evaluation").GetProperty("stage").EnumerateArray()
            .Single(d => d.Str("dimension") == "quality").Str("status").Should().Be("atRisk");
    }

    [ProviderFact]
    public async Task An_escalated_stage_exception_is_the_boards_to_decide()
    {
        var project = await Executing();
        // Ten days late: past the stage's seven, inside the project's fourteen once the slip is carried to its end.
        var exception = Raised(await project.Forecast(1, time: "2027-04-10")).Single();
        var url = $"{project.Url}/exceptions/{exception.Str("id")}";
        await project.ProjectManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK);
        await project.Board.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Ikke vårt", tolerances = Scenario.StageTolerances })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");

        var escalated = await project.Executive.Post($"{url}/decision", new { decision = "escalate", rationale = "Utenfor min myndighet" }).Expect(HttpStatusCode.OK);

        escalated.GetProperty("exception").Str("state").Should().Be("escalated");
        escalated.GetProperty("exception").Str("owner").Should().Be("portfolioBoard");
        var inbox = await project.Board.GetAsync("/api/v1/escalations").Expect(HttpStatusCode.OK);
        inbox.GetProperty("items").EnumerateArray().Select(e => e.Str("id")).Should().Contain(exception.Str("id"));
        await project.Executive.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Likevel", tolerances = Scenario.StageTolerances })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Board.Post($"{url}/decision", new { decision = "escalate", rationale = "Videre" }).ExpectProblem(HttpStatusCode.Conflict, "exception-not-decidable");
        (await project.Board.Post($"{url}/decision", new { decision = "prematureClosure", rationale = "Prosjektet stoppes" }).Expect(HttpStatusCode.OK))
            .GetProperty("exception").Str("state").Should().Be("decided");
    }

    [ProviderFact]
    public async Task Premature_closure_on_an_exception_closes_the_project_early_and_settles_the_other_exceptions()
    {
        var project = await Executing();
        // Five open defects breach the stage's quality and the project's (5 of 3) at once; the report then breaches the stage's cost.
        await project.FailReview(project.ProductId!, defects: 5);
        Raised(await project.Forecast(1, cost: 900000)).Select(e => (e.Str("level"), e.Str("dimension"))).Should().Equal(("stage", "cost"));
        var raised = await project.OpenExceptions();
        raised.Select(e => (e.Str("level"), e.Str("dimension"))).Should().Equal(("stage", "quality"), ("project", "quality"), ("stage", "cost"));
        var url = $"{project.Url}/exceptions/{raised[0].Str("id")}";
        await project.ProjectManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK);

        await project.Executive.Post($"{url}/decision", new { decision = "prematureClosure", rationale = "Ikke lenger forsvarlig" }).Expect(HttpStatusCode.OK);

        var closed = await project.Project();
        closed.Str("phase").Should().Be("closure");
        closed.GetProperty("closedEarly").GetBoolean().Should().BeTrue();
        var exceptions = await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK);
        exceptions.GetProperty("items").EnumerateArray().Should().OnlyContain(e => e.Str("state") == "decided" && e.Str("decision") == "prematureClosure");
        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        log.GetProperty("items").EnumerateArray().Last().Str("decision").Should().Be("stop");
    }

    [ProviderFact]
    public async Task The_board_member_who_reported_a_project_exception_cannot_decide_it()
    {
        var project = await Executing();
        var boardMemberAsManager = api.As("per", GlobalRoles.PortfolioBoard);
        var exception = Raised(await project.Forecast(1, projectValues: new { time = "2027-06-30", cost = 2200000, quality = 0, scope = 0, benefit = 500000 })).Single();
        var url = $"{project.Url}/exceptions/{exception.Str("id")}";
        await boardMemberAsManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK);

        await boardMemberAsManager.Post($"{url}/decision", new { decision = "prematureClosure", rationale = "Jeg bestemmer selv" })
            .ExpectProblem(HttpStatusCode.Forbidden, "four-eyes");
        await project.Board.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Ny ramme", tolerances = new
        {
            time = new { plan = "2027-06-30", lower = 30, upper = 14 }, cost = new { plan = 2200000, lower = 200000, upper = 100000 },
            quality = new { plan = 0, upper = 3 }, scope = new { plan = 0, upper = 2 }, risk = new { plan = 0, upper = 40 }, benefit = new { plan = 500000, lower = 50000 },
        } }).Expect(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task Tolerances_are_set_by_their_owners_and_each_level_stays_inside_the_one_above()
    {
        var project = await new Scenario(api).InPlanningAsync();
        await project.Executive.Put($"{project.Url}/tolerances/project", Scenario.ProjectTolerances).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Put($"{project.Url}/stages/1/tolerances", Scenario.StageTolerances).ExpectProblem(HttpStatusCode.Conflict, "outside-tolerance-limit");
        await project.Board.Put($"{project.Url}/tolerances/project", Scenario.ProjectTolerances).Expect(HttpStatusCode.OK);
        await project.ProjectManager.Put($"{project.Url}/stages/1/tolerances", Scenario.StageTolerances).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");

        var tooLate = new { time = new { plan = "2027-07-10", lower = 7, upper = 7 }, cost = new { plan = 800000, lower = 50000, upper = 50000 } };
        var problem = await project.Executive.Put($"{project.Url}/stages/1/tolerances", tooLate).ExpectProblem(HttpStatusCode.Conflict, "outside-tolerance-limit");
        problem.Str("limit").Should().Be("The stage time limit 2027-07-17 is above the project limit 2027-07-14.");

        await project.PlanStage(1);
        await project.Assign(project.Executive, "teamManager", "tom");
        var workPackage = new { title = "Innkjøp av sensorer", stage = 1, teamManagerUserId = "tom", tolerances = new { cost = new { plan = 300000, lower = 10000, upper = 60000 } } };
        var wide = await project.ProjectManager.Post($"{project.Url}/work-packages", workPackage).ExpectProblem(HttpStatusCode.Conflict, "outside-tolerance-limit");
        wide.Str("detail").Should().Be("The work package cost tolerance allows 60000 above plan; the stage allows 50000.");
        await project.ProjectManager.Post($"{project.Url}/work-packages", new { title = "x", stage = 1, teamManagerUserId = "nils", tolerances = new { cost = new { plan = 1, upper = 1 } } })
            .ExpectProblem(HttpStatusCode.Conflict, "not-a-team-manager");
    }

    [ProviderFact]
    public async Task Without_project_values_the_project_forecast_is_derived_from_the_stage_and_judged_too()
    {
        var project = await Executing();

        // Stage 1 costs 880 000 of its 800 000 and ends 2027-04-04, four days late.
        var forecast = await project.Forecast(1, time: "2027-04-04", cost: 880000);

        var projectLevel = forecast.GetProperty("evaluation").GetProperty("project").EnumerateArray().ToDictionary(d => d.Str("dimension"));
        projectLevel["cost"].GetProperty("forecast").GetDecimal().Should().Be(2080000, "the project's 2 000 000 moved by the stage's 80 000");
        projectLevel["cost"].Str("status").Should().Be("atRisk");
        projectLevel["time"].Str("forecastDate").Should().Be("2027-07-04", "the project's end 2027-06-30 moved by the stage's four days");
        projectLevel["quality"].GetProperty("forecast").GetDecimal().Should().Be(0);
        Raised(forecast).Select(e => e.Str("level")).Should().Equal("stage");

        var late = await project.Forecast(1, time: "2027-04-20", cost: 800000);
        Raised(late).Select(e => (e.Str("level"), e.Str("dimension"))).Should().Equal(("stage", "time"), ("project", "time"));
    }

    [ProviderFact]
    public async Task The_uncertainty_register_raises_exceptions_on_its_own_at_stage_and_project_level()
    {
        var project = await Executing();
        object Risk(string title, int probability, int consequence, string status = "identified") =>
            new { kind = "risk", title, probability, consequence, ownerUserId = "per", status };

        var first = await project.ProjectManager.Post($"{project.Url}/risks", Risk("Leverandørsvikt", 5, 5)).Expect(HttpStatusCode.Created);
        (await Exceptions(project)).Should().BeEmpty("25 of 30 is inside the stage band");
        await project.ProjectManager.Post($"{project.Url}/risks", Risk("Personvern", 3, 3)).Expect(HttpStatusCode.Created);
        var stage = (await Exceptions(project)).Should().ContainSingle().Subject;
        stage.Str("level").Should().Be("stage");
        stage.Str("dimension").Should().Be("risk");
        stage.GetProperty("forecastValue").GetDecimal().Should().Be(34);

        // Closing a risk judges again; the exception stays until it is decided, and no duplicate is raised meanwhile.
        await project.ProjectManager.Post($"{project.Url}/risks/{first.Str("id")}", Risk("Leverandørsvikt", 5, 5, "closed")).Expect(HttpStatusCode.OK);
        await project.ProjectManager.Post($"{project.Url}/risks", Risk("Brukeraksept", 5, 5)).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/risks", Risk("Integrasjon", 3, 3)).Expect(HttpStatusCode.Created);
        var all = await Exceptions(project);
        all.Should().HaveCount(2);
        var projectLevel = all.Single(e => e.Str("level") == "project");
        projectLevel.GetProperty("forecastValue").GetDecimal().Should().Be(43);
        projectLevel.Str("owner").Should().Be("portfolioBoard");
        var history = await project.Outsider.GetAsync($"{project.Url}/forecasts").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Select(f => f.Str("level")).Should().Equal("risk", "risk");
    }

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> Exceptions(Scenario project) =>
        (await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();

    [ProviderFact]
    public async Task A_stage_plan_and_its_time_and_cost_tolerances_are_one_baseline()
    {
        var project = await new Scenario(api).InPlanningAsync();
        await project.Board.Put($"{project.Url}/tolerances/project", Scenario.ProjectTolerances).Expect(HttpStatusCode.OK);
        await project.ProjectManager.Put($"{project.Url}/stages/1/plan", new { plannedEnd = "2027-03-31", budget = 800000, productsInScope = 4 }).Expect(HttpStatusCode.OK);

        await project.Executive.Put($"{project.Url}/stages/1/tolerances", new
        {
            time = new { plan = "2027-03-15", lower = 7, upper = 7 }, cost = new { plan = 750000, lower = 50000, upper = 50000 },
        }).Expect(HttpStatusCode.OK);
        var stage = (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0];
        stage.GetProperty("plan").Str("plannedEnd").Should().Be("2027-03-15");
        stage.GetProperty("plan").GetProperty("budget").GetDecimal().Should().Be(750000);
        stage.GetProperty("plan").GetProperty("productsInScope").GetInt32().Should().Be(4);

        await project.ProjectManager.Put($"{project.Url}/stages/1/plan", new { plannedEnd = "2027-03-31", budget = 820000 }).Expect(HttpStatusCode.OK);
        await project.ProjectManager.Put($"{project.Url}/stages/1/plan", new { plannedEnd = "2027-03-31", budget = 820000 }).Expect(HttpStatusCode.OK);
        var history = (await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(e => (e.Str("type"), e.Who("actor"))).ToList();
        history.TakeLast(3).Should().Equal(new[] { ("tolerancesSet", "per"), ("stagePlanned", "per"), ("stagePlanned", "per") },
            "the tolerances moved with the first plan, and not again with the same one");
        stage = (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0];
        var tolerances = stage.GetProperty("tolerances").GetProperty("tolerances").EnumerateArray().ToDictionary(t => t.Str("dimension"));
        tolerances["cost"].GetProperty("plan").GetDecimal().Should().Be(820000);
        tolerances["cost"].GetProperty("upper").GetDecimal().Should().Be(50000, "the band stays as the Executive set it");
        tolerances["time"].Str("planDate").Should().Be("2027-03-31");
        tolerances["time"].GetProperty("plan").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "dates are dates on the wire, never day numbers");

        var outside = await project.ProjectManager.Put($"{project.Url}/stages/1/plan", new { plannedEnd = "2027-03-31", budget = 2080000 })
            .ExpectProblem(HttpStatusCode.Conflict, "outside-tolerance-limit");
        outside.Str("limit").Should().Contain("cost");
        stage = (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0];
        stage.GetProperty("plan").GetProperty("budget").GetDecimal().Should().Be(820000);
    }

    [ProviderFact]
    public async Task Narrowing_an_outer_tolerance_that_would_leave_an_inner_one_outside_is_refused()
    {
        var project = await new Scenario(api).ReadyForBp3Async();
        var narrowed = new
        {
            time = new { plan = "2027-06-30", lower = 30, upper = 14 },
            cost = new { plan = 2000000, lower = 200000, upper = 40000 },
            quality = new { plan = 0, upper = 3 },
            scope = new { plan = 0, upper = 2 },
            risk = new { plan = 0, upper = 40 },
            benefit = new { plan = 500000, lower = 50000 },
        };

        var refused = await project.Board.Put($"{project.Url}/tolerances/project", narrowed).ExpectProblem(HttpStatusCode.Conflict, "inner-tolerance-outside");
        refused.Str("inner").Should().Be("The stage 1 tolerance");
        refused.Str("limit").Should().Contain("cost").And.Contain("50000").And.Contain("40000");

        await project.Assign(project.Executive, "teamManager", "tom");
        await project.ProjectManager.Post($"{project.Url}/work-packages", new
        {
            title = "Innkjøp av sensorer", stage = 1, teamManagerUserId = "tom", tolerances = new { cost = new { plan = 300000, lower = 10000, upper = 20000 } },
        }).Expect(HttpStatusCode.Created);
        var stageNarrowed = new
        {
            time = new { plan = "2027-03-31", lower = 7, upper = 7 },
            cost = new { plan = 800000, lower = 50000, upper = 10000 },
            quality = new { plan = 0, upper = 2 },
            scope = new { plan = 0, upper = 1 },
            risk = new { plan = 0, upper = 30 },
            benefit = new { plan = 500000, lower = 20000 },
        };
        refused = await project.Executive.Put($"{project.Url}/stages/1/tolerances", stageNarrowed).ExpectProblem(HttpStatusCode.Conflict, "inner-tolerance-outside");
        refused.Str("inner").Should().Be("The tolerance of work package 'Innkjøp av sensorer'");
        var tolerances = await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK);
        tolerances.GetProperty("project").EnumerateArray().Single(t => t.Str("dimension") == "cost").GetProperty("upper").GetDecimal().Should().Be(100000);
    }

    [ProviderFact]
    public async Task A_work_package_breach_is_an_issue_for_the_project_manager_not_an_exception()
    {
        var project = await Executing();
        await project.Assign(project.Executive, "teamManager", "tom");
        var package = await project.ProjectManager.Post($"{project.Url}/work-packages", new
        {
            title = "Innkjøp av sensorer", stage = 1, teamManagerUserId = "tom",
            tolerances = new { time = new { plan = "2027-02-28", lower = 5, upper = 5 }, cost = new { plan = 300000, lower = 10000, upper = 20000 } },
        }).Expect(HttpStatusCode.Created);
        var url = $"{project.Url}/work-packages/{package.Str("id")}/forecasts";
        var values = new { time = "2027-02-28", cost = 330000, quality = 0, scope = 0, benefit = 500000 };

        await project.ProjectManager.Post(url, new { values }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var forecast = await api.As("tom").Post(url, new { values, comment = "Dyrere sensorer" }).Expect(HttpStatusCode.Created);
        var again = await api.As("tom").Post(url, new { values }).Expect(HttpStatusCode.Created);

        forecast.GetProperty("raisedIssues").EnumerateArray().Should().ContainSingle().Which.Str("dimension").Should().Be("cost");
        again.GetProperty("raisedIssues").GetArrayLength().Should().Be(0);
        forecast.GetProperty("raisedExceptions").GetArrayLength().Should().Be(0);
        (await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
        var issue = (await project.Outsider.GetAsync($"{project.Url}/issues").Expect(HttpStatusCode.OK)).GetProperty("items")[0];
        await project.ProjectManager.Post($"{project.Url}/issues/{issue.Str("id")}/resolution", new { resolution = "Omfordelt innen fasen" }).Expect(HttpStatusCode.OK);
        await project.ProjectManager.Post($"{project.Url}/issues/{issue.Str("id")}/resolution", new { resolution = "Igjen" }).ExpectProblem(HttpStatusCode.Conflict, "issue-resolved");
    }

    [ProviderFact]
    public async Task Forecasts_are_for_the_current_stage_by_the_project_manager_with_every_active_dimension()
    {
        var project = await Executing();

        await project.ProjectManager.Post($"{project.Url}/forecasts", new { stage = 2, values = new { time = "2027-03-31", cost = 1, quality = 0, scope = 0, benefit = 1 } })
            .ExpectProblem(HttpStatusCode.Conflict, "not-the-current-stage");
        await project.Executive.Post($"{project.Url}/forecasts", new { stage = 1, values = new { time = "2027-03-31", cost = 1, quality = 0, scope = 0, benefit = 1 } })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var problem = await project.ProjectManager.Post($"{project.Url}/forecasts", new { stage = 1, values = new { cost = 1 } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        // Quality and scope are measured from the products (see ProductsTests), risk from the register: the rest are forecast.
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("values.time", "values.benefit");
        await project.ProjectManager.Post($"{project.Url}/forecasts", new { stage = 1, values = new { time = "2027-03-31", cost = 1, quality = 0, scope = 0, benefit = 1, sustainability = 4 } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
    }

    [ProviderFact]
    public async Task Sustainability_is_a_tolerance_dimension_where_the_configuration_chose_it_for_the_default_handbook_at_the_first_start()
    {
        using var green = api.Another();
        foreach (var (dimension, index) in new[] { "time", "cost", "quality", "scope", "risk", "benefit", "sustainability" }.Select((d, i) => (d, i)))
        {
            green.With($"Tolerances:Dimensions:{index}", dimension);
        }

        var project = await new Scenario(green).InPlanningAsync();
        var tolerances = await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK);
        tolerances.GetProperty("activeDimensions").EnumerateArray().Select(d => d.GetString()).Should().Contain("sustainability");
        await project.Board.Put($"{project.Url}/tolerances/project", Scenario.ProjectTolerances).Expect(HttpStatusCode.OK);

        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "project-tolerances-set").Str("detail").Should().Contain("sustainability");
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Videre" }).Expect(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task A_switched_off_dimension_is_refused()
    {
        var project = await new Scenario(api).InPlanningAsync();

        var problem = await project.Board.Put($"{project.Url}/tolerances/project", new { sustainability = new { plan = 10, upper = 2 } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").GetProperty("sustainability")[0].GetString().Should().Contain("not an active tolerance dimension");
    }

    [ProviderFact]
    public async Task Planning_a_next_stage_makes_the_stage_boundary_the_next_gate()
    {
        var project = await Executing();
        (await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK)).Str("decisionPoint").Should().Be("bp4");

        await project.PlanStage(2);

        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.Str("decisionPoint").Should().Be("stageBoundary");
        gate.GetProperty("criteria").EnumerateArray().Where(c => c.Str("principle") is "p4" or "p5").Should().OnlyContain(c => c.GetProperty("met").GetBoolean());
    }
}

public sealed class ExceptionTestsOnSqlite(SqliteApi api) : ExceptionTests(api), IClassFixture<SqliteApi>;

public sealed class ExceptionTestsOnPostgres(PostgresApi api) : ExceptionTests(api), IClassFixture<PostgresApi>;

public sealed class ExceptionTestsOnSqlServer(SqlServerApi api) : ExceptionTests(api), IClassFixture<SqlServerApi>;
