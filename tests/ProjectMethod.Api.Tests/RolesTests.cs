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

        await project.Executive.DeleteAsync($"{project.Url}/roles/{first.Str("id")}").Expect(HttpStatusCode.NoContent);
        await project.Assign(project.Executive, "projectManager", "pål");

        var roles = await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK);
        roles.GetProperty("items").EnumerateArray().Select(r => (r.Str("role"), r.Str("userId")))
            .Should().BeEquivalentTo([("executive", "eva"), ("projectManager", "pål")]);
        await project.Executive.DeleteAsync($"{project.Url}/roles/{first.Str("id")}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task Only_the_board_removes_the_executive()
    {
        var project = await new Scenario(api).InConceptAsync();
        var executive = (await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single(r => r.Str("role") == "executive");

        await project.Executive.DeleteAsync($"{project.Url}/roles/{executive.Str("id")}").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Board.DeleteAsync($"{project.Url}/roles/{executive.Str("id")}").Expect(HttpStatusCode.NoContent);
    }
}

public sealed class RolesTestsOnSqlite(SqliteApi api) : RolesTests(api), IClassFixture<SqliteApi>;

public sealed class RolesTestsOnPostgres(PostgresApi api) : RolesTests(api), IClassFixture<PostgresApi>;

public sealed class RolesTestsOnSqlServer(SqlServerApi api) : RolesTests(api), IClassFixture<SqlServerApi>;
