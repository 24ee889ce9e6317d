using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The organisation around the board: reference groups, working groups and union representatives observing the board without a vote.</summary>
public abstract class GroupTests(ApiFactory api)
{
    [ProviderFact]
    public async Task Reference_and_working_groups_have_a_mandate_and_members_and_the_boards_observers_never_vote_on_it()
    {
        var project = await new Scenario(api).InPlanningAsync();
        var url = $"{project.Url}/groups";
        var reference = new { kind = "referenceGroup", name = "Brukerrådet", mandate = "Gi råd om løsningen sett fra brukerne", memberUserIds = new[] { "olga", "bente" } };
        await project.Outsider.Post(url, reference).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Post(url, reference with { memberUserIds = new[] { "ingen-slik" } }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.ProjectManager.Post(url, reference with { memberUserIds = Array.Empty<string>() }).ExpectProblem(HttpStatusCode.BadRequest, "group-empty");
        var created = await project.ProjectManager.Post(url, reference).Expect(HttpStatusCode.Created);
        created.GetProperty("members").EnumerateArray().Select(m => (m.Str("id"), m.Str("name"))).Should()
            .Equal(("olga", TestPeople.NameOf("olga")), ("bente", TestPeople.NameOf("bente")));

        var citizens = (await project.ProjectManager.Post($"{project.Url}/co-creation/groups", new { name = "Pårørende", kind = "citizens", hardToReach = false })
            .Expect(HttpStatusCode.Created)).Str("id");
        var working = new { kind = "workingGroup", name = "Arbeidsgruppe rutiner", mandate = "Skriv nye rutiner for nattjenesten", memberUserIds = new[] { "sara" },
            stakeholderGroupIds = new[] { citizens } };
        await project.ProjectManager.Post(url, working with { stakeholderGroupIds = new[] { Guid.NewGuid().ToString() } }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        (await project.ProjectManager.Post(url, working).Expect(HttpStatusCode.Created)).GetProperty("stakeholderGroupIds")[0].GetString().Should().Be(citizens);

        var observers = new { kind = "boardObservers", name = "Tillitsvalgte", mandate = "Følge styringsgruppens arbeid for de ansatte", memberUserIds = new[] { "ola" } };
        await project.ProjectManager.Post(url, observers).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var voting = await project.Executive.Post(url, observers with { memberUserIds = new[] { "ola", "eva" } }).ExpectProblem(HttpStatusCode.Conflict, "observer-on-board");
        voting.Str("detail").Should().Contain("eva");
        await project.Executive.Post(url, new { observers.kind, observers.name, observers.mandate, memberUserIds = new[] { "ola" }, stakeholderGroupIds = new[] { citizens } })
            .ExpectProblem(HttpStatusCode.BadRequest, "observers-are-people");
        await project.Executive.Post(url, observers).Expect(HttpStatusCode.Created);

        var changed = await project.ProjectManager.Put($"{url}/{created.Str("id")}", reference with { mandate = "Gi råd om løsningen og om opplæringen" }).Expect(HttpStatusCode.OK);
        changed.Str("mandate").Should().Be("Gi råd om løsningen og om opplæringen");
        await project.ProjectManager.Put($"{url}/{Guid.NewGuid()}", reference).ExpectProblem(HttpStatusCode.NotFound, "not-found");
        var groups = (await project.Outsider.GetAsync(url).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        groups.Select(g => (g.Str("kind"), g.Str("name"))).Should().Equal(("referenceGroup", "Brukerrådet"), ("workingGroup", "Arbeidsgruppe rutiner"), ("boardObservers", "Tillitsvalgte"));
    }
}

public sealed class GroupTestsOnSqlite(SqliteApi api) : GroupTests(api), IClassFixture<SqliteApi>;

public sealed class GroupTestsOnPostgres(PostgresApi api) : GroupTests(api), IClassFixture<PostgresApi>;
