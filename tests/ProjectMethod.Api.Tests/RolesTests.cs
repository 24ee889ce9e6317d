using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public abstract class RolesTests(ApiFactory api)
{
    [ProviderFact]
    public async Task Only_the_portfolio_board_appoints_the_executive()
    {
        var project = await new Scenario(api).ProposedAsync();

        await project.Proposer.Post($"{project.Url}/roles", new { role = "executive", userId = "pia", displayName = "Pia" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Assign(project.Board, "executive", "eva");
    }

    [ProviderFact]
    public async Task The_executive_appoints_the_other_roles_and_the_project_manager_does_not()
    {
        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");

        await project.ProjectManager.Post($"{project.Url}/roles", new { role = "teamManager", userId = "tom", displayName = "Tom" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Post($"{project.Url}/roles", new { role = "executive", userId = "erik", displayName = "Erik" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Assign(project.Executive, "teamManager", "tom");
    }

    [ProviderTheory]
    [InlineData("seniorUser", "per", "project-manager-not-on-board")]
    [InlineData("projectAssurance", "per", "assurance-independent")]
    [InlineData("seniorSupplier", "eva", "business-and-supplier-apart")]
    [InlineData("projectManager", "pål", "single-project-manager")]
    public async Task An_assignment_that_breaks_a_combination_rule_is_409_naming_the_rule(string role, string userId, string rule)
    {
        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");

        var problem = await project.Executive.Post($"{project.Url}/roles", new { role, userId, displayName = userId })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken");

        problem.Str("rule").Should().Be(rule);
    }

    [ProviderFact]
    public async Task The_executive_cannot_be_made_project_manager()
    {
        var project = await new Scenario(api).InConceptAsync();

        var problem = await project.Executive.Post($"{project.Url}/roles", new { role = "projectManager", userId = "eva", displayName = "Eva" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken");

        problem.Str("rule").Should().Be("executive-not-project-manager");
        problem.Str("detail").Should().Contain("Executive cannot also be the Project Manager");
    }

    [ProviderFact]
    public async Task The_executive_may_also_be_senior_user_and_benefit_owner()
    {
        var project = await new Scenario(api).InConceptAsync();

        await project.Assign(project.Executive, "seniorUser", "eva");
        await project.Assign(project.Executive, "benefitOwner", "eva");
    }

    [ProviderFact]
    public async Task A_removed_role_is_gone_and_can_be_given_to_someone_else()
    {
        var project = await new Scenario(api).InConceptAsync();
        var first = await project.Assign(project.Executive, "projectManager", "per");

        await project.Executive.Post($"{project.Url}/roles/{first.Str("id")}/removal", new { rationale = "Per går over i annen stilling" }).Expect(HttpStatusCode.NoContent);
        await project.Assign(project.Executive, "projectManager", "pål");

        var roles = await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK);
        roles.GetProperty("items").EnumerateArray().Select(r => (r.Str("role"), r.Str("userId")))
            .Should().BeEquivalentTo([("executive", "eva"), ("projectManager", "pål")]);
        await project.Executive.Post($"{project.Url}/roles/{first.Str("id")}/removal", new { rationale = "En gang til" }).ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task Only_the_board_removes_the_executive_and_only_before_bp1_needs_one()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        var executive = (await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single(r => r.Str("role") == "executive");

        await project.Executive.Post($"{project.Url}/roles/{executive.Str("id")}/removal", new { rationale = "Jeg trekker meg" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Board.Post($"{project.Url}/roles/{executive.Str("id")}/removal", new { rationale = "Feil person" }).Expect(HttpStatusCode.NoContent);
    }

    private static async Task<string> AssignmentOf(Scenario project, string role) =>
        (await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
        .Single(r => r.Str("role") == role).Str("id")!;

    [ProviderFact]
    public async Task A_wrongly_chosen_executive_is_replaced_by_the_board_and_the_rightful_one_then_acts()
    {
        var project = await new Scenario(api).ProposedAsync();
        await project.Board.Post($"{project.Url}/roles", new { role = "executive", userId = "Eva" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Assign(project.Board, "executive", "ella");
        await project.Executive.Put($"{project.Url}/mandate", new { purpose = "Bedre oppfølging", background = "Manuelle rutiner" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await project.Board.Post($"{project.Url}/roles", new { role = "executive", userId = "eva" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken")).Str("rule").Should().Be("single-executive");
        var wrong = await AssignmentOf(project, "executive");

        await api.As("ella").Post($"{project.Url}/roles/{wrong}/replacement", new { userId = "eva", rationale = "Feil person valgt" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var replaced = await project.Board.Post($"{project.Url}/roles/{wrong}/replacement", new { userId = "eva", rationale = "Feil person valgt" })
            .Expect(HttpStatusCode.Created);

        replaced.Str("userId").Should().Be("eva");
        replaced.Str("displayName").Should().Be("Eva Eier", "the name is the register's");
        replaced.Str("role").Should().Be("executive");
        var roles = (await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        roles.Select(r => (r.Str("role"), r.Str("userId"))).Should().Equal(("executive", "eva"));
        await project.Executive.Put($"{project.Url}/mandate", new { purpose = "Bedre oppfølging", background = "Manuelle rutiner" }).Expect(HttpStatusCode.OK);
        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        var audited = history.GetProperty("items").EnumerateArray().Single(e => e.Str("type") == "roleReplaced");
        audited.GetProperty("payload").Str("rationale").Should().Be("Feil person valgt");
        audited.GetProperty("payload").Str("fromUserId").Should().Be("ella");
        audited.GetProperty("payload").Str("toUserId").Should().Be("eva");
    }

    [ProviderFact]
    public async Task A_replacement_is_held_to_the_combination_rules_and_a_refused_one_changes_nothing()
    {
        var project = await new Scenario(api).InPlanningAsync();
        var executive = await AssignmentOf(project, "executive");
        var before = await project.Project();

        (await project.Board.Post($"{project.Url}/roles/{executive}/replacement", new { userId = "per", rationale = "Per tar over" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken")).Str("rule").Should().Be("executive-not-project-manager");
        (await project.Board.Post($"{project.Url}/roles/{executive}/replacement", new { userId = "eva", rationale = "Samme person" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken")).Str("rule").Should().Be("same-holder");
        (await project.Board.Post($"{project.Url}/roles/{executive}/replacement", new { userId = "erik" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("rationale", out _).Should().BeTrue();
        await project.Board.Post($"{project.Url}/roles/{Guid.NewGuid()}/replacement", new { userId = "erik", displayName = "Erik", rationale = "Finnes ikke" })
            .ExpectProblem(HttpStatusCode.NotFound, "not-found");

        (await project.Project()).GetProperty("version").GetInt64().Should().Be(before.GetProperty("version").GetInt64());
        (await AssignmentOf(project, "executive")).Should().Be(executive);
    }

    [ProviderFact]
    public async Task A_role_a_passed_decision_point_needs_is_replaced_not_removed()
    {
        var project = await new Scenario(api).InPlanningAsync();
        var manager = await AssignmentOf(project, "projectManager");

        var refused = await project.Executive.Post($"{project.Url}/roles/{manager}/removal", new { rationale = "Per slutter" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken");
        refused.Str("rule").Should().Be("role-required");
        await project.Executive.Post($"{project.Url}/roles/{manager}/removal", new { }).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        await project.Executive.Post($"{project.Url}/roles/{manager}/replacement", new { userId = "pål", displayName = "Pål", rationale = "Per slutter" })
            .Expect(HttpStatusCode.Created);
        var roles = (await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray();
        roles.Where(r => r.Str("role") == "projectManager").Select(r => r.Str("userId")).Should().Equal("pål");
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Videre" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await api.As("pål").Post($"{project.Url}/gate/requests", new { recommendation = "Videre" }).Expect(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task Products_waiting_for_a_replaced_senior_user_or_supplier_wait_for_the_new_one()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var product = project.ProductId!;
        await project.ProjectManager.Post($"{project.Url}/products/{product}/submit", new { comment = "Klar for kontroll" }).Expect(HttpStatusCode.OK);

        await project.Executive.Post($"{project.Url}/roles/{await AssignmentOf(project, "seniorSupplier")}/replacement",
            new { userId = "stein", displayName = "Stein Leverandør", rationale = "Sven har byttet arbeidsgiver" }).Expect(HttpStatusCode.Created);
        await project.Executive.Post($"{project.Url}/roles/{await AssignmentOf(project, "seniorUser")}/replacement",
            new { userId = "sara", displayName = "Sara Bruker", rationale = "Siri har permisjon" }).Expect(HttpStatusCode.Created);

        var moved = await project.Outsider.GetAsync($"{project.Url}/products/{product}").Expect(HttpStatusCode.OK);
        moved.Who("qualityResponsible").Should().Be("stein");
        moved.Who("acceptor").Should().Be("sara");
        var review = new { result = "passed", method = "Pilot i to soner", reviewers = new[] { "stein" } };
        await project.SeniorSupplier.Post($"{project.Url}/products/{product}/review", review).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await api.As("stein").Post($"{project.Url}/products/{product}/review", review).Expect(HttpStatusCode.OK);
        await project.SeniorUser.Post($"{project.Url}/products/{product}/accept", new { comment = "Ja" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await api.As("sara").Post($"{project.Url}/products/{product}/accept", new { comment = "Ja" }).Expect(HttpStatusCode.OK)).Str("state").Should().Be("accepted");
    }
}

public sealed class RolesTestsOnSqlite(SqliteApi api) : RolesTests(api), IClassFixture<SqliteApi>;

public sealed class RolesTestsOnPostgres(PostgresApi api) : RolesTests(api), IClassFixture<PostgresApi>;

public sealed class RolesTestsOnSqlServer(SqlServerApi api) : RolesTests(api), IClassFixture<SqlServerApi>;
