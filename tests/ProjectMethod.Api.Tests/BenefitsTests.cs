using System.Net;
using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The clock stands at 2026-03-02 08:00 UTC; the benefit runs from 120 hours (2026-01-01) to 80 (2028-01-01), quarterly.</summary>
public abstract class BenefitsTests(ApiFactory api)
{
    private static JsonElement Benefit(JsonElement list, string id) => list.GetProperty("items").EnumerateArray().Single(b => b.Str("id") == id);

    [ProviderFact]
    public async Task Impossible_benefits_are_refused_with_field_errors()
    {
        var project = await new Scenario(api).InPlanningAsync();
        var problem = await project.ProjectManager.Post($"{project.Url}/benefits", new
        {
            title = "Feil", type = "direct", indicator = "Timer", unit = "hours",
            baseline = new { value = 120, date = "2026-01-01" }, target = new { value = 120, date = "2025-06-01" },
            allowedShortfall = -1, measurementInterval = "P0D",
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().BeEquivalentTo("target.date", "target.value", "allowedShortfall", "measurementInterval");
        await project.ProjectManager.PostRaw($"{project.Url}/benefits", """{"title":"x","type":"direct","indicator":"i","unit":"u","measurementInterval":"hver måned"}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");
    }

    [ProviderFact]
    public async Task Benefits_are_drafted_by_the_project_manager_or_benefit_owner_and_owned_by_a_senior_user_or_the_benefit_owner()
    {
        var project = await new Scenario(api).InPlanningAsync();
        var draft = new { title = "Utkast", type = "qualitative", indicator = "Brukertilfredshet", unit = "score", measurementInterval = "P6M" };

        await project.Executive.Post($"{project.Url}/benefits", draft).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var created = await project.BenefitOwner.Post($"{project.Url}/benefits", draft).Expect(HttpStatusCode.Created);
        created.GetProperty("figures").ValueKind.Should().Be(JsonValueKind.Null, "a draft without baseline and target has nothing to derive");
        var problem = await project.ProjectManager.Post($"{project.Url}/benefits", new
        {
            title = "Eid av prosjektlederen", type = "direct", ownerUnit = "IT", ownerUserId = "per", indicator = "i", unit = "nok", measurementInterval = "P1Y",
        }).ExpectProblem(HttpStatusCode.Conflict, "benefit-owner-role");
        problem.Str("detail").Should().Contain("per");
    }

    [ProviderFact]
    public async Task A_draft_is_completed_later_and_an_evaluated_benefit_is_no_longer_changed()
    {
        var project = await new Scenario(api).InPlanningAsync();
        var draft = await project.ProjectManager.Post($"{project.Url}/benefits", new
        {
            title = "Kortere ventetid", type = "indirect", indicator = "Dager", unit = "days", measurementInterval = "P1M",
        }).Expect(HttpStatusCode.Created);
        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "benefit-defined").GetProperty("met").GetBoolean().Should().BeFalse();

        var completed = await project.BenefitOwner.Put($"{project.Url}/benefits/{draft.Str("id")}", new
        {
            title = "Kortere ventetid", type = "indirect", ownerUnit = "Tildelingskontoret", ownerUserId = "bo", indicator = "Dager", unit = "days",
            baseline = new { value = 30, date = "2026-01-01" }, target = new { value = 10, date = "2027-06-30" }, allowedShortfall = 2, measurementInterval = "P1M",
        }).Expect(HttpStatusCode.OK);

        completed.GetProperty("figures").Str("nextMeasurementDue").Should().Be("2026-02-01");
        completed.GetProperty("figures").Str("status").Should().Be("onTrack", "in planning nothing is measured yet, so nothing is overdue");
        gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "benefit-defined").GetProperty("met").GetBoolean().Should().BeTrue();
        await project.BenefitOwner.Put($"{project.Url}/benefits/{Guid.NewGuid()}", new { title = "x", type = "direct", indicator = "i", unit = "u", measurementInterval = "P1M" })
            .ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task A_line_unit_measures_and_the_figures_are_derived_on_read()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Measure(project.BenefitOwner, "2026-02-01", 118);

        var result = await project.Measure(project.BenefitOwner, "2026-03-01", 114);

        var figures = result.GetProperty("benefit").GetProperty("figures");
        figures.GetProperty("achievement").GetDecimal().Should().Be(15);
        figures.Str("trend").Should().Be("improving");
        figures.GetProperty("forecastAtTarget").GetDecimal().Should().BeLessThan(80);
        figures.Str("status").Should().Be("onTrack");
        figures.Str("nextMeasurementDue").Should().Be("2026-06-01");
        var list = await project.Outsider.GetAsync($"{project.Url}/benefits").Expect(HttpStatusCode.OK);
        Benefit(list, project.BenefitId!).GetProperty("measurements").GetArrayLength().Should().Be(2);
    }

    [ProviderFact]
    public async Task Measurements_come_from_the_benefits_owner_or_the_benefit_owner_only_from_execution_on_and_never_from_the_future()
    {
        var project = await new Scenario(api).ReadyForBp3Async();
        await project.Measure(project.BenefitOwner, "2026-02-01", 118, HttpStatusCode.Conflict);

        await project.Decide(project.ProjectManager, project.Executive, "Start");
        await project.Measure(project.SeniorUser, "2026-02-01", 118, HttpStatusCode.Forbidden);
        await project.Measure(project.ProjectManager, "2026-02-01", 118, HttpStatusCode.Forbidden);
        var future = await project.Measure(project.BenefitOwner, "2026-03-03", 118, HttpStatusCode.BadRequest);
        future.GetProperty("errors").GetProperty("date")[0].GetString().Should().Contain("after today (2026-03-02)");
        await project.Measure(project.BenefitOwner, "2025-12-31", 118, HttpStatusCode.BadRequest);
        await project.Measure(project.BenefitOwner, "2026-03-02", 118);
    }

    [ProviderFact]
    public async Task A_missing_measurement_is_overdue_by_the_interval_and_shows_in_the_portfolio()
    {
        using var own = api.Another();
        var project = await new Scenario(own).InExecutionAsync();
        await project.Measure(project.BenefitOwner, "2026-03-01", 116);

        own.Clock.Advance(Duration.FromDays(92)); // 2026-06-02: the measurement due by 2026-06-01 is missing

        var benefit = Benefit(await project.Outsider.GetAsync($"{project.Url}/benefits").Expect(HttpStatusCode.OK), project.BenefitId!);
        benefit.GetProperty("figures").Str("status").Should().Be("overdue");
        var portfolio = await project.Outsider.GetAsync("/api/v1/portfolio").Expect(HttpStatusCode.OK);
        var entry = portfolio.GetProperty("projects").EnumerateArray().Single(p => p.Str("id") == project.Id.ToString());
        entry.GetProperty("benefits").GetProperty("overdueMeasurements").GetInt32().Should().Be(1);
        entry.GetProperty("benefits").GetProperty("averageAchievement").GetDecimal().Should().Be(10);
        portfolio.GetProperty("overdueMeasurements").GetInt32().Should().Be(1);
        portfolio.GetProperty("phases").EnumerateArray().Single(p => p.Str("phase") == "execution").GetProperty("count").GetInt32().Should().Be(1);
    }

    [ProviderFact]
    public async Task A_measurement_is_overdue_only_from_execution_on_and_never_once_the_project_is_completed()
    {
        using var own = api.Another();
        var planned = await new Scenario(own).ReadyForBp3Async();
        var completed = await new Scenario(own).InRealisationAsync();
        await completed.BenefitOwner.Post($"{completed.Url}/benefits/{completed.BenefitId}/evaluation", new { outcome = "partlyRealised", explanation = "Halvparten av timene er spart" })
            .Expect(HttpStatusCode.OK);
        await completed.CompleteChecklist(completed.BenefitOwner, "bp6");
        (await completed.Decide(completed.BenefitOwner, completed.Board, "Gevinstene er evaluert")).Str("toPhase").Should().Be("completed");

        own.Clock.Advance(Duration.FromDays(365)); // a year on: by the interval every benefit would be due

        Benefit(await planned.Outsider.GetAsync($"{planned.Url}/benefits").Expect(HttpStatusCode.OK), planned.BenefitId!)
            .GetProperty("figures").Str("status").Should().NotBe("overdue", "nothing is measured before execution");
        Benefit(await completed.Outsider.GetAsync($"{completed.Url}/benefits").Expect(HttpStatusCode.OK), completed.BenefitId!)
            .GetProperty("figures").Str("status").Should().NotBe("overdue", "a completed project measures nothing more");
        var portfolio = await planned.Outsider.GetAsync("/api/v1/portfolio").Expect(HttpStatusCode.OK);
        portfolio.GetProperty("overdueMeasurements").GetInt32().Should().Be(0);
    }

    [ProviderFact]
    public async Task Baselined_at_bp3_a_benefit_changes_only_through_a_decided_change_and_every_version_stays_readable()
    {
        var planning = await new Scenario(api).ReadyForBp3Async();
        await planning.ProjectManager.Post($"{planning.Url}/benefits/{planning.BenefitId}/changes", new { proposed = new { allowedShortfall = 8 }, rationale = "Mer slingringsmonn" })
            .ExpectProblem(HttpStatusCode.Conflict, "benefit-not-baselined");

        var project = await new Scenario(api).InExecutionAsync();
        var url = $"{project.Url}/benefits/{project.BenefitId}";
        object Benefit(int target, string title = "Færre timer til manuell oppfølging") => new
        {
            title, type = "direct", ownerUnit = "Hjemmetjenesten", ownerUserId = "bo", indicator = "Timer per uke", unit = "hours",
            baseline = new { value = 120, date = "2026-01-01" }, target = new { value = target, date = "2028-01-01" }, allowedShortfall = 5, measurementInterval = "P3M",
        };
        await project.ProjectManager.Put(url, Benefit(70)).ExpectProblem(HttpStatusCode.Conflict, "benefit-baselined");
        await project.ProjectManager.Put(url, Benefit(80, "Færre timer til oppfølging")).Expect(HttpStatusCode.OK);

        var change = await project.ProjectManager.Post($"{url}/changes", new { proposed = new { target = new { value = 70, date = "2028-06-30" } }, rationale = "Flere brukere på sensorer" })
            .Expect(HttpStatusCode.Created);
        change.Str("state").Should().Be("proposed");
        await project.BenefitOwner.Post($"{url}/changes", new { proposed = new { allowedShortfall = 8 }, rationale = "Annet" })
            .ExpectProblem(HttpStatusCode.Conflict, "benefit-change-pending");
        await project.ProjectManager.Post($"{url}/changes/{change.Str("id")}/decision", new { decision = "approve", rationale = "Ja" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Board.Post($"{url}/changes/{change.Str("id")}/decision", new { decision = "approve", rationale = "Ja" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await project.Executive.Post($"{url}/changes/{change.Str("id")}/decision", new { decision = "approve", rationale = "Godt begrunnet" })
            .Expect(HttpStatusCode.OK)).Str("state").Should().Be("approved");
        await project.Executive.Post($"{url}/changes/{change.Str("id")}/decision", new { decision = "reject", rationale = "Angrer" })
            .ExpectProblem(HttpStatusCode.Conflict, "benefit-change-decided");

        var benefit = await project.Outsider.GetAsync(url).Expect(HttpStatusCode.OK);
        benefit.GetProperty("target").GetProperty("value").GetDecimal().Should().Be(70);
        benefit.GetProperty("target").Str("date").Should().Be("2028-06-30");
        var rejected = await project.BenefitOwner.Post($"{url}/changes", new { proposed = new { allowedShortfall = 8 }, rationale = "Mer slingringsmonn" })
            .Expect(HttpStatusCode.Created);
        await project.Executive.Post($"{url}/changes/{rejected.Str("id")}/decision", new { decision = "reject", rationale = "Målet står" }).Expect(HttpStatusCode.OK);

        var versions = (await project.Outsider.GetAsync($"{url}/versions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("target").GetProperty("value").GetDecimal()).Should().Equal(80m, 70m);
        versions[1].Str("changeId").Should().Be(change.Str("id"));
        versions.Select(v => v.GetProperty("allowedShortfall").GetDecimal()).Should().Equal(5m, 5m);
        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Select(e => e.Str("type")).Should().Contain("benefitChangeProposed").And.Contain("benefitChangeDecided");
    }

    [ProviderFact]
    public async Task Bp4_needs_the_benefit_owners_confirmation_in_this_stage()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.DeliverProduct(project.ProductId!);
        await project.ConfirmBusinessCase();
        await project.CompleteChecklist(project.ProjectManager, "bp4");
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Ferdig" }).Expect(HttpStatusCode.Created);

        var refused = await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");
        refused.GetProperty("unmetCriteria").EnumerateArray().Select(c => c.Str("id")).Should().Equal("benefits-realistic");

        await project.ProjectManager.Post($"{project.Url}/benefits/reviews", new { realistic = true }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.BenefitOwner.Post($"{project.Url}/benefits/reviews", new { realistic = false }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.ConfirmBenefitsRealistic();
        (await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).Expect(HttpStatusCode.Created)).GetProperty("decision").Str("toPhase").Should().Be("closure");
    }

    [ProviderFact]
    public async Task Bp5_needs_a_line_owner_for_every_benefit()
    {
        var project = await new Scenario(api).InClosureAsync();
        await project.ProjectManager.Post($"{project.Url}/benefits", new { title = "Uten eier", type = "indirect", indicator = "i", unit = "count", measurementInterval = "P1Y" })
            .Expect(HttpStatusCode.Created);

        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);

        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "benefit-measurement-owners").Str("detail").Should().Contain("Uten eier");
    }

    [ProviderFact]
    public async Task In_realisation_a_benefit_falling_short_raises_one_exception_for_the_portfolio_board()
    {
        using var own = api.Another();
        var project = await new Scenario(own).InRealisationAsync();
        var result = await project.Measure(project.BenefitOwner, "2026-02-01", 121);
        var again = await project.Measure(project.BenefitOwner, "2026-03-01", 122);

        var raised = result.GetProperty("raisedExceptions").EnumerateArray().Should().ContainSingle().Subject;
        raised.Str("level").Should().Be("project");
        raised.Str("dimension").Should().Be("benefit");
        raised.Str("benefitId").Should().Be(project.BenefitId);
        raised.Str("owner").Should().Be("portfolioBoard");
        again.GetProperty("raisedExceptions").GetArrayLength().Should().Be(0);
        result.GetProperty("benefit").GetProperty("figures").Str("status").Should().Be("atRisk");
        var inbox = await project.Board.GetAsync("/api/v1/escalations").Expect(HttpStatusCode.OK);
        inbox.GetProperty("items").EnumerateArray().Select(e => e.Str("id")).Should().Contain(raised.Str("id"));
        var portfolio = await project.Outsider.GetAsync("/api/v1/portfolio").Expect(HttpStatusCode.OK);
        portfolio.GetProperty("projects").EnumerateArray().Single(p => p.Str("id") == project.Id.ToString()).GetProperty("openExceptions").GetInt32().Should().Be(1);

        // The board answers by moving the benefit's target, not a stage plan.
        var url = $"{project.Url}/exceptions/{raised.Str("id")}";
        // In realisation the line reports: the Project Manager has usually left.
        await project.ProjectManager.Post($"{url}/report", new
        {
            cause = "x", consequences = "y", options = new[] { new { title = "z", effect = "w" } }, recommendation = "v",
        }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.BenefitOwner.Post($"{url}/report", new
        {
            cause = "Færre brukere enn ventet", consequences = "Timene går ikke ned", options = new[] { new { title = "Lavere mål", effect = "Gevinsten halveres" } },
            recommendation = "Senk målet",
        }).Expect(HttpStatusCode.OK);
        await project.Board.Post($"{url}/decision", new { decision = "approveExceptionPlan", rationale = "Ny plan", plan = new { plannedEnd = "2027-03-31", budget = 1 }, tolerances = new { benefit = new { plan = 110, lower = 5 } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "benefit-exception");
        await project.Board.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Lavere mål", tolerances = new { benefit = new { plan = 110, lower = 5 } } })
            .Expect(HttpStatusCode.OK);
        var benefit = Benefit(await project.Outsider.GetAsync($"{project.Url}/benefits").Expect(HttpStatusCode.OK), project.BenefitId!);
        benefit.GetProperty("target").GetProperty("value").GetDecimal().Should().Be(110);
        (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0].GetProperty("plan").GetProperty("budget").GetDecimal()
            .Should().Be(800000, "a benefit exception leaves the stage plans alone");
    }

    [ProviderFact]
    public async Task Bp6_needs_every_final_evaluation_made_once_by_the_benefit_owner()
    {
        var project = await new Scenario(api).InRealisationAsync();
        await project.CompleteChecklist(project.BenefitOwner, "bp6");
        await project.BenefitOwner.Post($"{project.Url}/gate/requests", new { recommendation = "Avslutt" }).Expect(HttpStatusCode.Created);
        var refused = await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");
        refused.GetProperty("unmetCriteria").EnumerateArray().Select(c => c.Str("id")).Should().Equal("benefits-evaluated");

        var url = $"{project.Url}/benefits/{project.BenefitId}/evaluation";
        await project.ProjectManager.Post(url, new { outcome = "realised", explanation = "Alle timene er spart" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.BenefitOwner.Post(url, new { outcome = "realised", explanation = "kort" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        var evaluated = await project.BenefitOwner.Post(url, new { outcome = "notRealised", explanation = "Tjenesten ble lagt ned" }).Expect(HttpStatusCode.OK);
        evaluated.GetProperty("evaluation").Str("outcome").Should().Be("notRealised");
        await project.BenefitOwner.Post(url, new { outcome = "realised", explanation = "Likevel realisert" }).ExpectProblem(HttpStatusCode.Conflict, "not-evaluable");
        await project.Measure(project.BenefitOwner, "2026-03-01", 100, HttpStatusCode.Conflict);
        await project.BenefitOwner.Put($"{project.Url}/benefits/{project.BenefitId}", new { title = "Endret", type = "direct", indicator = "i", unit = "u", measurementInterval = "P1M" })
            .ExpectProblem(HttpStatusCode.Conflict, "benefit-evaluated");

        (await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).Expect(HttpStatusCode.Created)).GetProperty("decision").Str("toPhase").Should().Be("completed");
    }

    [ProviderFact]
    public async Task After_an_early_close_bp5_leads_to_realisation_while_a_benefit_is_expected_and_to_completed_once_all_are_evaluated()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Omprioritert" }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Stoppet i gjennomføring" }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Forankre bedre i linjen" }).Expect(HttpStatusCode.Created);
        await project.CompleteChecklist(project.ProjectManager, "bp5");

        (await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK)).Str("to").Should().Be("realisation");
        await project.BenefitOwner.Post($"{project.Url}/benefits/{project.BenefitId}/evaluation", new { outcome = "notRealised", explanation = "Stoppet før noe ble levert" })
            .Expect(HttpStatusCode.OK);

        (await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK)).Str("to").Should().Be("completed");
        (await project.Decide(project.ProjectManager, project.Executive, "Avslutt")).Str("toPhase").Should().Be("completed");
    }

    [ProviderFact]
    public async Task Each_benefit_names_whom_it_is_for_and_the_portfolio_sums_benefits_per_beneficiary()
    {
        var sector = await api.NewSectorAsync();
        var project = await new Scenario(api, sector).InExecutionAsync();
        object Benefit(string title, string[] beneficiaries, string? targetGroup, int target) => new
        {
            title, type = "qualitative", ownerUnit = "Hjemmetjenesten", ownerUserId = "bo", indicator = "Andel", unit = "percent",
            baseline = new { value = 10, date = "2026-01-01" }, target = new { value = target, date = "2028-01-01" }, measurementInterval = "P3M",
            beneficiaries, targetGroup,
        };

        var safer = await project.ProjectManager.Post($"{project.Url}/benefits", Benefit("Tryggere hjemme", ["citizens", "serviceUsers"], "Hjemmeboende over 80", 40))
            .Expect(HttpStatusCode.Created);
        safer.GetProperty("beneficiaries").EnumerateArray().Select(b => b.GetString()).Should().Equal("citizens", "serviceUsers");
        safer.Str("targetGroup").Should().Be("Hjemmeboende over 80");
        var reached = await project.ProjectManager.Post($"{project.Url}/benefits", Benefit("Mindre reising", ["employees"], null, 20)).Expect(HttpStatusCode.Created);
        await project.BenefitOwner.Post($"{project.Url}/benefits/{reached.Str("id")}/measurements", new { date = "2026-03-01", value = 25, comment = "Målt" })
            .Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/benefits", Benefit("To ganger", ["citizens", "citizens"], null, 30))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        var portfolio = await project.Board.GetAsync($"/api/v1/portfolio?sector={sector}").Expect(HttpStatusCode.OK);
        var figures = portfolio.GetProperty("beneficiaries").EnumerateArray()
            .ToDictionary(f => f.GetProperty("beneficiary").GetString() ?? "none", f => (f.GetProperty("planned").GetInt32(), f.GetProperty("realised").GetInt32()));
        figures["citizens"].Should().Be((1, 0));
        figures["serviceUsers"].Should().Be((1, 0));
        figures["employees"].Should().Be((1, 1), "its measurement reached the target");
        figures["businesses"].Should().Be((0, 0));
        figures["none"].Should().Be((1, 0), "the scenario's first benefit names nobody");
    }
}

public sealed class BenefitsTestsOnSqlite(SqliteApi api) : BenefitsTests(api), IClassFixture<SqliteApi>;

public sealed class BenefitsTestsOnPostgres(PostgresApi api) : BenefitsTests(api), IClassFixture<PostgresApi>;

public sealed class BenefitsTestsOnSqlServer(SqlServerApi api) : BenefitsTests(api), IClassFixture<SqlServerApi>;
