using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Api.Web;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>P7: the control fits the project — the mandate proposes a category, BP1 confirms it, and its profile applies.</summary>
public abstract class ProjectCategoryTests(ApiFactory api)
{
    /// <summary>A 200 000 kr pilot of four months in one sector, low uncertainty, medium importance.</summary>
    public static readonly object SmallFacts = new { estimatedCost = 200000, durationMonths = 4, sectorsInvolved = 1, uncertainty = "low", importance = "medium" };

    /// <summary>A 60 MNOK programme-sized project over three years and four sectors.</summary>
    public static readonly object LargeFacts = new { estimatedCost = 60000000, durationMonths = 36, sectorsInvolved = 4, uncertainty = "medium", importance = "high" };

    private static JsonElement Criterion(JsonElement gate, string id) => gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == id);

    [ProviderFact]
    public async Task The_mandate_proposes_a_category_from_its_facts_and_bp1_confirms_it_as_part_of_the_decision()
    {
        var project = await new Scenario(api) { MandateCategory = SmallFacts }.ReadyForBp1Async();

        var proposed = (await project.Project()).GetProperty("category");
        (proposed.Str("category"), proposed.GetProperty("confirmed").GetBoolean(), proposed.Str("proposed"), proposed.Str("suggested"))
            .Should().Be(("small", false, "small", "small"));
        proposed.GetProperty("facts").GetProperty("estimatedCost").GetDecimal().Should().Be(200000);

        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Et lite pilotprosjekt" }).Expect(HttpStatusCode.Created);
        var gate = await project.Board.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.Str("category").Should().Be("small");
        var made = (await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Behovet er klart", category = "medium" })
            .Expect(HttpStatusCode.Created)).GetProperty("decision");

        made.Str("category").Should().Be("medium", "the board changed the proposal when it approved");
        var confirmed = (await project.Project()).GetProperty("category");
        (confirmed.Str("category"), confirmed.GetProperty("confirmed").GetBoolean(), confirmed.Str("proposed")).Should().Be(("medium", true, "small"));
        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        log.GetProperty("items")[0].Str("category").Should().Be("medium");
        var events = await project.Board.GetAsync($"/api/v1/events?projectId={project.Id}&type=mandateWritten").Expect(HttpStatusCode.OK);
        events.GetProperty("items")[0].GetProperty("data").Str("proposedCategory").Should().Be("small");
    }

    [ProviderFact]
    public async Task A_mandate_without_a_proposal_is_medium_and_bp1_confirms_medium()
    {
        var project = await new Scenario(api).InConceptAsync();

        var category = (await project.Project()).GetProperty("category");
        (category.Str("category"), category.GetProperty("confirmed").GetBoolean()).Should().Be(("medium", true));
        category.GetProperty("proposed").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [ProviderFact]
    public async Task Incomplete_facts_and_a_category_outside_bp1_are_refused_and_nothing_is_written()
    {
        var project = await new Scenario(api).ProposedAsync();
        var problem = await project.Proposer.Put($"{project.Url}/mandate", new
        {
            purpose = "Bedre oppfølging", background = "Manuelle rutiner", category = new { estimatedCost = -5, durationMonths = 0, uncertainty = "low" },
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should()
            .BeEquivalentTo("category.estimatedCost", "category.durationMonths", "category.sectorsInvolved", "category.importance");
        (await project.Proposer.PutRaw($"{project.Url}/mandate", """{"purpose":"x","background":"y","category":{"uncertainty":"enormous"}}"""))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await project.Project()).GetProperty("mandate").ValueKind.Should().Be(JsonValueKind.Null, "a refused write writes nothing");

        var concept = await new Scenario(api).InConceptAsync();
        await concept.Assign(concept.Executive, "projectManager", "per");
        await concept.Assign(concept.Executive, "benefitOwner", "bo");
        await concept.ProjectManager.Post($"{concept.Url}/gate/requests", new { recommendation = "Videre" }).Expect(HttpStatusCode.Created);
        await concept.Board.Post($"{concept.Url}/gate/decisions", new { decision = "reject", rationale = "Ikke klart", category = "large" })
            .ExpectProblem(HttpStatusCode.BadRequest, "category-at-bp1");
        (await concept.Project()).GetProperty("phase").GetString().Should().Be("concept");
    }

    [ProviderFact]
    public async Task A_small_project_reaches_execution_without_a_senior_supplier_with_time_and_cost_as_its_only_dimensions()
    {
        var project = await new Scenario(api) { MandateCategory = SmallFacts, WithSeniorSupplier = false, TimeAndCostOnly = true }.ReadyForBp3Async();

        var tolerances = await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK);
        tolerances.GetProperty("activeDimensions").EnumerateArray().Select(d => d.GetString()).Should().Equal("time", "cost");
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Planen er klar" }).Expect(HttpStatusCode.Created);
        var gate = await project.Executive.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        var board = Criterion(gate, "board-complete");
        (board.GetProperty("met").GetBoolean(), board.Str("source")).Should().Be((true, "profile"));
        gate.GetProperty("criteria").EnumerateArray().Should().NotContain(c => c.Str("id") == "political-decision" || c.Str("id") == "independent-assurance");

        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Lett styring holder" }).Expect(HttpStatusCode.Created);
        (await project.Project()).Str("phase").Should().Be("execution");
    }

    [ProviderFact]
    public async Task A_large_project_is_refused_bp3_until_its_political_decision_and_independent_assurance_are_recorded()
    {
        var project = await new Scenario(api) { MandateCategory = LargeFacts }.ReadyForBp3Async();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Planen er klar" }).Expect(HttpStatusCode.Created);

        var refused = await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Klar" })
            .ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");
        refused.GetProperty("unmetCriteria").EnumerateArray().Select(c => (c.Str("id"), c.Str("source")))
            .Should().BeEquivalentTo([("political-decision", "profile"), ("independent-assurance", "profile")]);

        await project.ProjectManager.Post($"{project.Url}/political-decisions",
            new { body = "kommunestyre", meetingDate = "2026-02-26", caseNumber = "2026/12", outcome = "adopted", summary = "Prosjektet vedtas" }).Expect(HttpStatusCode.Created);
        var assurance = new
        {
            decisionPoint = "bp3", assessor = "Kari Kvalitet", organisation = "Ekstern KS AS", concludedOn = "2026-03-01", recommendation = "proceedWithConditions",
            conclusion = "Planen er realistisk dersom gevinstene forankres i linjen.",
        };
        await project.ProjectManager.Post($"{project.Url}/independent-assurances", assurance).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Post($"{project.Url}/independent-assurances", assurance with { decisionPoint = "bp4" })
            .ExpectProblem(HttpStatusCode.Conflict, "decision-point-not-ahead");
        await project.Executive.Post($"{project.Url}/independent-assurances", assurance with { concludedOn = "2027-01-01" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        var recorded = await project.Executive.Post($"{project.Url}/independent-assurances", assurance).Expect(HttpStatusCode.Created);
        recorded.Person("recordedBy").Should().Be(("eva", TestPeople.NameOf("eva")));
        (await project.Outsider.GetAsync($"{project.Url}/independent-assurances").Expect(HttpStatusCode.OK)).GetProperty("items")
            .EnumerateArray().Select(a => a.Str("assessor")).Should().Equal("Kari Kvalitet");

        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Vedtatt og kvalitetssikret" }).Expect(HttpStatusCode.Created);
        (await project.Project()).Str("phase").Should().Be("execution");
        var bp4 = await project.Executive.GetAsync($"{project.Url}/gate?decisionPoint=bp4").Expect(HttpStatusCode.OK);
        Criterion(bp4, "independent-assurance").GetProperty("met").GetBoolean().Should().BeFalse("BP4 is assured anew");
    }

    [ProviderFact]
    public async Task The_executive_moves_a_project_between_medium_and_large_and_only_the_board_makes_it_small()
    {
        var project = await new Scenario(api).InConceptAsync();
        var proposed = await new Scenario(api).ProposedAsync();
        await proposed.Board.Put($"{proposed.Url}/category", new { category = "large", rationale = "Større enn antatt" })
            .ExpectProblem(HttpStatusCode.Conflict, "category-not-confirmed");

        var changed = await project.Executive.Put($"{project.Url}/category", new { category = "large", rationale = "Berører fire sektorer" }).Expect(HttpStatusCode.OK);
        changed.GetProperty("category").Str("category").Should().Be("large");
        await project.Executive.Put($"{project.Url}/category", new { category = "small", rationale = "Mindre enn antatt" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Outsider.Put($"{project.Url}/category", new { category = "medium", rationale = "Vil endre" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Put($"{project.Url}/category", new { category = "large", rationale = "Igjen" }).ExpectProblem(HttpStatusCode.Conflict, "category-unchanged");
        await project.Executive.Put($"{project.Url}/category", new { category = "medium" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Board.Put($"{project.Url}/category", new { category = "small", rationale = "Porteføljestyret nedskalerer" }).Expect(HttpStatusCode.OK);

        var events = await project.Board.GetAsync($"/api/v1/events?projectId={project.Id}&type=categoryChanged").Expect(HttpStatusCode.OK);
        events.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("data").Str("from"), e.GetProperty("data").Str("to")))
            .Should().Equal(("medium", "large"), ("large", "small"));
    }

    [ProviderFact]
    public async Task The_portfolio_counts_and_filters_projects_by_category()
    {
        var sector = await api.NewSectorAsync();
        var small = await new Scenario(api, sector) { MandateCategory = SmallFacts }.InConceptAsync();
        var large = await new Scenario(api, sector) { MandateCategory = LargeFacts }.ReadyForBp1Async();
        await new Scenario(api, sector).ProposedAsync();

        var board = api.As("bjorn", GlobalRoles.PortfolioBoard);
        var portfolio = await board.GetAsync($"/api/v1/portfolio?sector={sector}").Expect(HttpStatusCode.OK);
        portfolio.GetProperty("categories").EnumerateArray().Select(c => (c.Str("category"), c.GetProperty("count").GetInt32()))
            .Should().Equal(("small", 1), ("medium", 1), ("large", 1));
        var onlyLarge = await board.GetAsync($"/api/v1/portfolio?sector={sector}&category=large").Expect(HttpStatusCode.OK);
        onlyLarge.GetProperty("projects").EnumerateArray().Select(p => (p.GetProperty("id").GetGuid(), p.Str("category"))).Should().Equal((large.Id, "large"));
        await board.GetAsync("/api/v1/portfolio?category=huge").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        small.Id.Should().NotBe(large.Id);
    }

    [ProviderFact]
    public async Task A_handbook_tailors_its_profiles_and_a_profile_that_drops_a_core_dimension_is_not_published()
    {
        var sector = await api.NewSectorAsync();
        var office = api.As("bjorn", GlobalRoles.PortfolioBoard);
        var standard = await office.GetAsync("/api/v1/handbooks/standard/versions/1").Expect(HttpStatusCode.OK);
        var categories = standard.GetProperty("categories");
        categories.GetProperty("small").GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).Should().Equal("time", "cost");
        categories.GetProperty("large").GetProperty("extraCriteria").EnumerateArray().Select(d => d.GetString())
            .Should().BeEquivalentTo("political-decision-before-bp3", "independent-assurance-before-bp3-bp4", "no-overdue-actions");
        categories.GetProperty("thresholds").GetProperty("largeFromCost").GetDecimal().Should().Be(20_000_000);

        var draft = await office.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        draft.GetProperty("categories").GetProperty("large").GetProperty("highlightReportDays").GetInt32().Should().Be(30, "the first draft copies the standard profiles");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(draft.GetRawText())!;
        body["categories"] = new { small = new { dimensions = new[] { "time" } }, medium = new { highlightReportDays = 45 } };
        await office.Put($"/api/v1/handbooks/{sector}/drafts/current", body).Expect(HttpStatusCode.OK);
        var invalid = await office.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).ExpectProblem(HttpStatusCode.Conflict, "handbook-invalid");
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("categories.small");

        body["categories"] = new { medium = new { highlightReportDays = 45, extraCriteria = new[] { "independent-assurance-before-bp3-bp4" } } };
        await office.Put($"/api/v1/handbooks/{sector}/drafts/current", body).Expect(HttpStatusCode.OK);
        var published = await office.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);
        var medium = published.GetProperty("categories").GetProperty("medium");
        medium.GetProperty("highlightReportDays").GetInt32().Should().Be(45);
        published.GetProperty("categories").GetProperty("small").GetProperty("dimensions").GetArrayLength().Should().Be(2, "a profile left out keeps the standard");

        var project = await new Scenario(api, sector).ReadyForBp3Async();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Klar" }).Expect(HttpStatusCode.Created);
        var gate = await project.Executive.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        (Criterion(gate, "independent-assurance").GetProperty("met").GetBoolean(), Criterion(gate, "independent-assurance").Str("source"))
            .Should().Be((false, "profile"), "the sector's medium profile asks for assurance");
    }

    [ProviderFact]
    public async Task The_portfolio_counts_a_highlight_report_overdue_by_each_projects_own_interval()
    {
        var sector = await api.NewSectorAsync();
        var small = await new Scenario(api, sector) { MandateCategory = SmallFacts, WithSeniorSupplier = false, TimeAndCostOnly = true }.InExecutionAsync();
        var medium = await new Scenario(api, sector).InExecutionAsync();
        var began = api.Clock.GetCurrentInstant().InUtc().Date;
        var board = api.As("bjorn", GlobalRoles.PortfolioBoard);

        async Task<(int Overdue, Dictionary<Guid, string?> Due)> Read()
        {
            var portfolio = await board.GetAsync($"/api/v1/portfolio?sector={sector}").Expect(HttpStatusCode.OK);
            return (portfolio.GetProperty("overdueReports").GetInt32(),
                portfolio.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetGuid(), p => p.GetProperty("nextReportDue").GetString()));
        }

        var (overdue, due) = await Read();
        overdue.Should().Be(0);
        due[small.Id].Should().Be(began.PlusDays(60).ToString("yyyy-MM-dd", null));
        due[medium.Id].Should().Be(began.PlusDays(30).ToString("yyyy-MM-dd", null));

        api.Clock.Advance(Duration.FromDays(40));
        (await Read()).Overdue.Should().Be(1, "the medium project owed a report after 30 days, the small one has 60");
        await medium.Forecast(1);
        (await Read()).Overdue.Should().Be(0, "the report moves the next one a month on");
        api.Clock.Advance(Duration.FromDays(25));
        (await Read()).Overdue.Should().Be(1, "now the small project's two months are up");
    }

    [ProviderFact]
    public async Task A_small_projects_highlight_report_falls_due_after_its_profiles_interval()
    {
        var project = await new Scenario(api) { MandateCategory = SmallFacts, WithSeniorSupplier = false, TimeAndCostOnly = true }.InExecutionAsync();
        var began = api.Clock.GetCurrentInstant().InUtc().Date;
        api.Clock.Advance(Duration.FromDays(50));

        using var scope = api.Services.CreateScope();
        var inbox = await scope.ServiceProvider.GetRequiredService<Inbox>().ReadAsync(Web.Web.Principal("per", TestPeople.NameOf("per"), []), default);
        inbox.Steps.Should().ContainSingle(s => s.Project!.Id == project.Id && s.Kind == Inbox.StepKind.HighlightReport)
            .Which.Due.Should().Be(began.PlusDays(60), "a small project reports every two months, not monthly as a medium one");
    }
}

public sealed class ProjectCategoryTestsOnSqlite(SqliteApi api) : ProjectCategoryTests(api), IClassFixture<SqliteApi>;

public sealed class ProjectCategoryTestsOnPostgres(PostgresApi api) : ProjectCategoryTests(api), IClassFixture<PostgresApi>;
