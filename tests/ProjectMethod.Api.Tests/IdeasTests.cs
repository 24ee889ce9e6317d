using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// Ideas from employees and citizens: anyone may send one, the project office answers each with its rationale, and an
/// idea it proposes becomes a project proposal that keeps its origin through the decision points.
/// </summary>
public abstract class IdeasTests(ApiFactory api)
{
    private static object Idea(string origin = "employee", string? reference = null) => new
    {
        title = $"Tryggere skolevei {Guid.NewGuid():N}"[..30], description = "Fortau langs Skoleveien", origin, sector = "samfunn",
        externalReference = reference,
    };

    [ProviderFact]
    public async Task A_proposed_idea_becomes_a_project_proposal_that_keeps_where_it_came_from()
    {
        var portal = api.As("innbyggerportal", GlobalRoles.Integrator);
        var board = api.As("bjorn", GlobalRoles.PortfolioBoard);
        var sent = await portal.Post("/api/v1/ideas", Idea("citizen", "SAK-2026-0042")).Expect(HttpStatusCode.Created);
        sent.Str("status").Should().Be("received");
        sent.Str("origin").Should().Be("citizen");
        sent.Str("externalReference").Should().Be("SAK-2026-0042");

        var answered = await board.Post($"/api/v1/ideas/{sent.Str("id")}/triage", new { decision = "propose", rationale = "Trafikksikkerhet er prioritert i kommuneplanen" })
            .Expect(HttpStatusCode.OK);

        answered.Str("status").Should().Be("proposed");
        answered.Who("triagedBy").Should().Be("bjorn");
        var projectId = answered.Str("projectId");
        var project = await api.As("nils").GetAsync($"/api/v1/projects/{projectId}").Expect(HttpStatusCode.OK);
        project.Str("phase").Should().Be("proposed");
        project.Str("name").Should().Be(sent.Str("title"));
        project.Str("sector").Should().Be("samfunn");
        project.Str("proposerId").Should().Be("bjorn", "the board member who proposed it answers for the proposal");
        project.Str("ideaId").Should().Be(sent.Str("id"));
        var seen = await portal.GetAsync($"/api/v1/ideas/{sent.Str("id")}").Expect(HttpStatusCode.OK);
        seen.Str("rationale").Should().Be("Trafikksikkerhet er prioritert i kommuneplanen", "whoever sent it gets the answer and why");
        seen.Str("projectId").Should().Be(projectId);

        // The proposal goes on through BP1 like any other and still names the idea it came from.
        await board.Put($"/api/v1/projects/{projectId}/mandate", new { purpose = "Tryggere skolevei", background = "Meldt fra innbyggerportalen" }).Expect(HttpStatusCode.OK);
        await board.Post($"/api/v1/projects/{projectId}/roles", new { role = "executive", userId = "eva", displayName = "Eva Eier" }).Expect(HttpStatusCode.Created);
        (await board.GetAsync($"/api/v1/projects/{projectId}").Expect(HttpStatusCode.OK)).Str("ideaId").Should().Be(sent.Str("id"));

        await board.Post($"/api/v1/ideas/{sent.Str("id")}/triage", new { decision = "decline", rationale = "Allerede foreslått som prosjekt" })
            .ExpectProblem(HttpStatusCode.Conflict, "idea-answered");
        var history = await board.GetAsync($"/api/v1/projects/{projectId}/history").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Select(e => e.Str("type")).Should().StartWith(["projectProposed", "ideaTriaged"]);
    }

    [ProviderFact]
    public async Task A_parked_idea_can_be_answered_again_a_declined_one_not_and_every_answer_has_its_rationale()
    {
        var board = api.As("bjorn", GlobalRoles.PortfolioBoard);
        var sent = await api.As("ola").Post("/api/v1/ideas", Idea()).Expect(HttpStatusCode.Created);
        var url = $"/api/v1/ideas/{sent.Str("id")}/triage";

        var refused = await board.Post(url, new { decision = "park" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        refused.GetProperty("errors").TryGetProperty("rationale", out _).Should().BeTrue();
        (await board.Post(url, new { decision = "park", rationale = "Vurderes ved neste rullering" }).Expect(HttpStatusCode.OK)).Str("status").Should().Be("parked");
        var declined = await board.Post(url, new { decision = "decline", rationale = "Løses i driften av teknisk etat" }).Expect(HttpStatusCode.OK);

        declined.Str("status").Should().Be("declined");
        declined.GetProperty("projectId").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "a declined idea makes no project");
        await board.Post(url, new { decision = "propose", rationale = "Likevel et prosjekt" }).ExpectProblem(HttpStatusCode.Conflict, "idea-answered");
        (await api.As("ola").GetAsync($"/api/v1/ideas/{sent.Str("id")}").Expect(HttpStatusCode.OK)).Str("rationale").Should().Be("Løses i driften av teknisk etat");
    }

    [ProviderFact]
    public async Task A_portal_lists_only_the_ideas_it_sent_and_finds_one_by_its_own_reference()
    {
        using var own = api.Another();
        var portal = own.As("innbyggerportal", GlobalRoles.Integrator);
        var otherPortal = own.As("skoleportal", GlobalRoles.Integrator);
        var first = await portal.Post("/api/v1/ideas", Idea("citizen", "SAK-2026-0042")).Expect(HttpStatusCode.Created);
        var second = await portal.Post("/api/v1/ideas", Idea("citizen", "SAK-2026-0043")).Expect(HttpStatusCode.Created);
        var others = await otherPortal.Post("/api/v1/ideas", Idea("citizen", "SAK-2026-0042")).Expect(HttpStatusCode.Created);
        await own.As("ola").Post("/api/v1/ideas", Idea()).Expect(HttpStatusCode.Created);

        var sent = await portal.GetAsync("/api/v1/ideas").Expect(HttpStatusCode.OK);
        var found = await portal.GetAsync("/api/v1/ideas?externalReference=SAK-2026-0042").Expect(HttpStatusCode.OK);
        var office = await own.As("bjorn", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/ideas?externalReference=SAK-2026-0042").Expect(HttpStatusCode.OK);

        sent.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).Should().Equal(first.Str("id"), second.Str("id"));
        found.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).Should().Equal(first.Str("id"));
        office.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).Should().Equal(first.Str("id"), others.Str("id"));
    }

    [ProviderFact]
    public async Task Only_the_project_office_lists_and_answers_ideas_and_only_the_sender_and_the_office_read_one()
    {
        using var own = api.Another();
        var board = own.As("bjorn", GlobalRoles.PortfolioBoard);
        var first = await own.As("ola").Post("/api/v1/ideas", Idea()).Expect(HttpStatusCode.Created);
        var second = await own.As("kari").Post("/api/v1/ideas", Idea("politician")).Expect(HttpStatusCode.Created);
        await board.Post($"/api/v1/ideas/{second.Str("id")}/triage", new { decision = "park", rationale = "Vurderes ved neste rullering" }).Expect(HttpStatusCode.OK);

        var received = await board.GetAsync("/api/v1/ideas?status=received").Expect(HttpStatusCode.OK);
        received.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).Should().Equal(first.Str("id"));
        var all = await board.GetAsync("/api/v1/ideas?limit=1").Expect(HttpStatusCode.OK);
        all.GetProperty("items").GetArrayLength().Should().Be(1);
        var next = await board.GetAsync($"/api/v1/ideas?limit=1&cursor={all.Str("nextCursor")}").Expect(HttpStatusCode.OK);
        next.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).Should().Equal(second.Str("id"));
        await board.GetAsync("/api/v1/ideas?status=maybe").ExpectProblem(HttpStatusCode.BadRequest, "validation");

        await own.As("ola").GetAsync("/api/v1/ideas").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await own.As("ola").Post($"/api/v1/ideas/{first.Str("id")}/triage", new { decision = "propose", rationale = "Jeg vil gjerne" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await own.As("kari").GetAsync($"/api/v1/ideas/{first.Str("id")}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
        await board.GetAsync($"/api/v1/ideas/{first.Str("id")}").Expect(HttpStatusCode.OK);
        await board.Post($"/api/v1/ideas/{Guid.NewGuid()}/triage", new { decision = "park", rationale = "Vurderes ved neste rullering" })
            .ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task The_portfolio_counts_per_origin_the_ideas_received_proposed_and_approved_at_bp1()
    {
        using var own = api.Another();
        var board = own.As("bjorn", GlobalRoles.PortfolioBoard);
        var portal = own.As("innbyggerportal", GlobalRoles.Integrator);
        var approved = await portal.Post("/api/v1/ideas", Idea("citizen")).Expect(HttpStatusCode.Created);
        var declined = await portal.Post("/api/v1/ideas", Idea("citizen")).Expect(HttpStatusCode.Created);
        var proposedOnly = await own.As("ola").Post("/api/v1/ideas", Idea("employee")).Expect(HttpStatusCode.Created);
        await own.As("kari").Post("/api/v1/ideas", new { title = "Lekeplass", description = "Ny lekeplass", origin = "politician", sector = "kultur" }).Expect(HttpStatusCode.Created);
        var project = (await board.Post($"/api/v1/ideas/{approved.Str("id")}/triage", new { decision = "propose", rationale = "Trafikksikkerhet er prioritert" })
            .Expect(HttpStatusCode.OK)).Str("projectId");
        await board.Post($"/api/v1/ideas/{declined.Str("id")}/triage", new { decision = "decline", rationale = "Løses i driften" }).Expect(HttpStatusCode.OK);
        await board.Post($"/api/v1/ideas/{proposedOnly.Str("id")}/triage", new { decision = "propose", rationale = "Verdt et forslag" }).Expect(HttpStatusCode.OK);

        // The proposal made from the citizen's idea is approved at BP1: Eva, its Executive, asks; the board decides.
        var scenario = new Scenario(own).Of(Guid.Parse(project));
        await board.Put($"{scenario.Url}/mandate", new { purpose = "Tryggere skolevei", background = "Meldt fra innbyggerportalen" }).Expect(HttpStatusCode.OK);
        await scenario.Assign(board, "executive", "eva");
        await scenario.CompleteChecklist(board, "bp1");
        await scenario.Decide(scenario.Executive, board, "Godt begrunnet");

        var portfolio = await board.GetAsync("/api/v1/portfolio").Expect(HttpStatusCode.OK);
        var funnel = portfolio.GetProperty("ideas").EnumerateArray()
            .ToDictionary(i => i.Str("origin"), i => (i.GetProperty("received").GetInt32(), i.GetProperty("proposed").GetInt32(), i.GetProperty("approvedAtBp1").GetInt32()));
        funnel.Should().Equal(new Dictionary<string, (int, int, int)>
        {
            ["employee"] = (1, 1, 0), ["citizen"] = (2, 1, 1), ["organisation"] = (0, 0, 0), ["politician"] = (1, 0, 0),
        });
        var culture = await board.GetAsync("/api/v1/portfolio?sector=kultur").Expect(HttpStatusCode.OK);
        culture.GetProperty("ideas").EnumerateArray().Sum(i => i.GetProperty("received").GetInt32()).Should().Be(1, "the sector filters the ideas too");
    }

    [ProviderFact]
    public async Task An_idea_without_what_it_needs_is_refused_naming_every_field_and_nothing_is_written()
    {
        using var own = api.Another();
        var board = own.As("bjorn", GlobalRoles.PortfolioBoard);

        var refused = await own.As("ola").Post("/api/v1/ideas", new { title = "", origin = "martian", sector = "Helse og velferd" })
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");
        refused.Str("detail").Should().Contain("origin");
        var invalid = await own.As("ola").Post("/api/v1/ideas", new { title = "", sector = "Helse og velferd", externalReference = new string('x', 201) })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["title", "description", "origin", "sector", "externalReference"]);
        (await board.GetAsync("/api/v1/ideas").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
    }
}

public sealed class IdeasTestsOnSqlite(SqliteApi api) : IdeasTests(api), IClassFixture<SqliteApi>;

public sealed class IdeasTestsOnPostgres(PostgresApi api) : IdeasTests(api), IClassFixture<PostgresApi>;

public sealed class IdeasTestsOnSqlServer(SqlServerApi api) : IdeasTests(api), IClassFixture<SqlServerApi>;
