using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Api.Web;

namespace ProjectMethod.Api.Tests;

/// <summary>The follow-up of decisions: actions a decision carries, who owns them, by when, and what an overdue one stops.</summary>
public abstract class ActionTests(ApiFactory api)
{
    private static JsonElement Criterion(JsonElement gate, string id) => gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == id);

    private async Task<IReadOnlyList<Inbox.WaitingStep>> StepsOf(string userId, Guid project)
    {
        using var scope = api.Services.CreateScope();
        var contents = await scope.ServiceProvider.GetRequiredService<Inbox>().ReadAsync(Web.Web.Principal(userId, TestPeople.NameOf(userId), []), default);
        return [.. contents.Steps.Where(s => s.Project?.Id == project)];
    }

    [ProviderFact]
    public async Task A_decision_carries_actions_its_owner_sees_and_alone_marks_done_once()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var bp3 = (await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(d => d.Str("decisionPoint") == "bp3").Str("id");
        var today = api.Clock.GetCurrentInstant().InUtc().Date;
        var action = new { what = "Avklar driftsavtalen med leverandøren", ownerUserId = "bo", dueOn = today.PlusDays(10).ToString("yyyy-MM-dd", null), decisionId = bp3 };

        await project.ProjectManager.Post($"{project.Url}/actions", action).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Post($"{project.Url}/actions", action with { ownerUserId = "ingen-slik" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Executive.Post($"{project.Url}/actions", action with { dueOn = today.PlusDays(-1).ToString("yyyy-MM-dd", null) }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Executive.Post($"{project.Url}/actions", action with { decisionId = Guid.NewGuid().ToString() }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        var added = await project.Executive.Post($"{project.Url}/actions", action).Expect(HttpStatusCode.Created);
        (added.Str("state"), added.GetProperty("overdue").GetBoolean(), added.Str("decisionId")).Should().Be(("open", false, bp3));
        added.Person("owner").Should().Be(("bo", TestPeople.NameOf("bo")));
        await project.Board.Post($"{project.Url}/actions", new { what = "Orienter formannskapet", ownerUserId = "eva", dueOn = today.PlusDays(60).ToString("yyyy-MM-dd", null) })
            .Expect(HttpStatusCode.Created);

        (await StepsOf("bo", project.Id)).Should().ContainSingle(s => s.Kind == Inbox.StepKind.Action)
            .Which.Due.Should().Be(today.PlusDays(10));
        (await StepsOf("eva", project.Id)).Should().NotContain(s => s.Kind == Inbox.StepKind.Action, "hers falls due more than two weeks on");
        var told = (await project.BenefitOwner.GetAsync("/api/v1/me/notifications").Expect(HttpStatusCode.OK)).GetProperty("waiting").EnumerateArray()
            .Single(n => n.Str("topic") == "actionAssigned");
        (told.Str("reason"), told.Str("subject"), told.Str("dueOn"), told.Str("link"))
            .Should().Be(("actionOwner", "Avklar driftsavtalen med leverandøren", today.PlusDays(10).ToString("yyyy-MM-dd", null), $"/prosjekter/{project.Id}#oppfolging"));
        (await project.Executive.GetAsync("/api/v1/me/notifications").Expect(HttpStatusCode.OK)).GetProperty("waiting").EnumerateArray()
            .Should().Contain(n => n.Str("topic") == "actionAssigned", "the board gave Eva hers");

        var url = $"{project.Url}/actions/{added.Str("id")}/done";
        await project.Executive.Post(url, new { note = "Gjort" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.BenefitOwner.Post(url, new { }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        var done = await project.BenefitOwner.Post(url, new { note = "Avtalen er signert" }).Expect(HttpStatusCode.OK);
        (done.Str("state"), done.Str("note")).Should().Be(("done", "Avtalen er signert"));
        await project.BenefitOwner.Post(url, new { note = "Igjen" }).ExpectProblem(HttpStatusCode.Conflict, "action-done");
        await project.BenefitOwner.Post($"{project.Url}/actions/{Guid.NewGuid()}/done", new { note = "?" }).ExpectProblem(HttpStatusCode.NotFound, "not-found");

        var list = await project.Outsider.GetAsync($"{project.Url}/actions").Expect(HttpStatusCode.OK);
        (list.GetProperty("open").GetInt32(), list.GetProperty("overdue").GetInt32()).Should().Be((1, 0));
        list.GetProperty("items").EnumerateArray().Select(a => a.Str("state")).Should().Equal("open", "done");
        (await StepsOf("bo", project.Id)).Should().NotContain(s => s.Kind == Inbox.StepKind.Action, "it is done");
        var events = await project.Board.GetAsync($"/api/v1/events?projectId={project.Id}&type=actionAdded&type=actionDone").Expect(HttpStatusCode.OK);
        events.GetProperty("items").EnumerateArray().Select(e => e.Str("type")).Should()
            .Equal("no.projectmethod.actionAdded", "no.projectmethod.actionAdded", "no.projectmethod.actionDone");
    }

    [ProviderFact]
    public async Task A_large_projects_overdue_action_holds_back_bp4_and_a_medium_projects_does_not()
    {
        var large = await new Scenario(api) { MandateCategory = ProjectCategoryTests.LargeFacts }.ReadyForBp3Async();
        await large.ProjectManager.Post($"{large.Url}/political-decisions",
            new { body = "kommunestyre", meetingDate = "2026-02-26", caseNumber = "2026/13", outcome = "adopted", summary = "Vedtatt" }).Expect(HttpStatusCode.Created);
        await large.Executive.Post($"{large.Url}/independent-assurances", new
        {
            decisionPoint = "bp3", assessor = "Kari Kvalitet", organisation = "Ekstern KS AS", concludedOn = "2026-03-01", recommendation = "proceed", conclusion = "Godt planlagt",
        }).Expect(HttpStatusCode.Created);
        await large.Decide(large.ProjectManager, large.Executive, "Klar");
        var medium = await new Scenario(api).InExecutionAsync();
        var due = api.Clock.GetCurrentInstant().InUtc().Date.PlusDays(3).ToString("yyyy-MM-dd", null);
        foreach (var project in new[] { large, medium })
        {
            await project.Executive.Post($"{project.Url}/actions", new { what = "Lever risikovurdering", ownerUserId = "per", dueOn = due }).Expect(HttpStatusCode.Created);
        }

        Criterion(await large.Executive.GetAsync($"{large.Url}/gate?decisionPoint=bp4").Expect(HttpStatusCode.OK), "actions-on-time")
            .GetProperty("met").GetBoolean().Should().BeTrue("not yet due");
        api.Clock.Advance(Duration.FromDays(5));
        var held = Criterion(await large.Executive.GetAsync($"{large.Url}/gate?decisionPoint=bp4").Expect(HttpStatusCode.OK), "actions-on-time");
        (held.GetProperty("met").GetBoolean(), held.Str("source")).Should().Be((false, "profile"));
        (await medium.Executive.GetAsync($"{medium.Url}/gate?decisionPoint=bp4").Expect(HttpStatusCode.OK)).GetProperty("criteria").EnumerateArray()
            .Should().NotContain(c => c.Str("id") == "actions-on-time", "a medium project's profile does not ask for it");
        (await large.Outsider.GetAsync($"{large.Url}/actions").Expect(HttpStatusCode.OK)).GetProperty("overdue").GetInt32().Should().Be(1);

        var action = (await large.Outsider.GetAsync($"{large.Url}/actions").Expect(HttpStatusCode.OK)).GetProperty("items")[0].Str("id");
        await large.ProjectManager.Post($"{large.Url}/actions/{action}/done", new { note = "Levert til styringsgruppen" }).Expect(HttpStatusCode.OK);
        Criterion(await large.Executive.GetAsync($"{large.Url}/gate?decisionPoint=bp4").Expect(HttpStatusCode.OK), "actions-on-time")
            .GetProperty("met").GetBoolean().Should().BeTrue();
    }
}

public sealed class ActionTestsOnSqlite(SqliteApi api) : ActionTests(api), IClassFixture<SqliteApi>;

public sealed class ActionTestsOnPostgres(PostgresApi api) : ActionTests(api), IClassFixture<PostgresApi>;
