using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public abstract class LessonsTests(ApiFactory api)
{
    [ProviderFact]
    public async Task A_lessons_review_names_lessons_of_earlier_projects_and_they_can_be_found_by_search()
    {
        var earlier = await new Scenario(api).InConceptAsync();
        var word = $"ord{Guid.NewGuid():N}"[..12];
        var lesson = await earlier.Executive.Post($"{earlier.Url}/lessons", new
        {
            title = $"Involver brukerne tidlig {word}", description = "Brukerne ble involvert for sent", recommendation = "Brukerpanel fra konseptfasen",
            tags = new[] { "brukermedvirkning" },
        }).Expect(HttpStatusCode.Created);
        lesson.Str("phase").Should().Be("concept");
        (await api.As("nils").GetAsync($"/api/v1/lessons?q={word}").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength()
            .Should().Be(0, "a lesson is searchable once it is published");
        await earlier.Assign(earlier.Executive, "projectManager", "per");
        await earlier.ProjectManager.Post($"{earlier.Url}/lessons/{lesson.Str("id")}/publish", new { }).Expect(HttpStatusCode.OK);

        var found = await api.As("nils").GetAsync($"/api/v1/lessons?q={word}&sector=helse").Expect(HttpStatusCode.OK);
        found.GetProperty("items").EnumerateArray().Select(l => l.Str("id")).Should().Equal(lesson.Str("id"));
        var otherSector = await api.As("nils").GetAsync($"/api/v1/lessons?q={word}&sector=kultur").Expect(HttpStatusCode.OK);
        otherSector.GetProperty("items").GetArrayLength().Should().Be(0);

        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");
        await project.ProjectManager.Post($"{project.Url}/lessons/reviews", new { lessonIds = new[] { lesson.Str("id") } }).Expect(HttpStatusCode.Created);
        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == "lessons-reviewed").GetProperty("met").GetBoolean().Should().BeTrue();
    }

    [ProviderFact]
    public async Task Search_matches_every_word_in_any_order_without_regard_to_case_or_accents_best_match_first()
    {
        using var own = api.Another();
        var project = await new Scenario(own).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");
        async Task<string> Lesson(string title, string description, string recommendation, params string[] tags) =>
            (await project.ProjectManager.Post($"{project.Url}/lessons", new { title, description, recommendation, tags }).Expect(HttpStatusCode.Created)).Str("id");
        var economy = await Lesson("ØKONOMI i anskaffelser", "Rammeavtalen ble dyr", "Sjekk prisene tidlig", "anskaffelse");
        var idea = await Lesson("Samarbeid med leverandøren", "En idé fra brukerne om økonomi ble fanget opp sent", "Lytt til brukerne", "samskaping");
        var unrelated = await Lesson("Brukerpanel", "Panelet møttes for sjelden", "Møt panelet månedlig");
        foreach (var id in new[] { economy, idea, unrelated })
        {
            await project.ProjectManager.Post($"{project.Url}/lessons/{id}/publish", new { }).Expect(HttpStatusCode.OK);
        }

        await project.ProjectManager.Post($"{project.Url}/lessons/{economy}/publish", new { }).ExpectProblem(HttpStatusCode.Conflict, "lesson-published");
        async Task<List<string>> Search(string query) =>
            (await project.Outsider.GetAsync($"/api/v1/lessons?{query}").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(l => l.Str("id")).ToList();

        (await Search("q=økonomi")).Should().Equal(economy, idea);
        (await Search("q=brukerne idE")).Should().Equal(idea);
        (await Search("q=ide brukerne")).Should().Equal(idea);
        (await Search("q=Møt PANELET")).Should().Equal(unrelated);
        (await Search("q=økonomi&tag=samskaping")).Should().Equal(idea);
        (await Search("q=økonomi panel")).Should().BeEmpty();

        var page = await project.Outsider.GetAsync("/api/v1/lessons?q=økonomi&limit=1").Expect(HttpStatusCode.OK);
        page.GetProperty("items").EnumerateArray().Select(l => l.Str("id")).Should().Equal(economy);
        var next = await project.Outsider.GetAsync($"/api/v1/lessons?q=økonomi&limit=1&cursor={page.Str("nextCursor")}").Expect(HttpStatusCode.OK);
        next.GetProperty("items").EnumerateArray().Select(l => l.Str("id")).Should().Equal(idea);
    }

    [ProviderFact]
    public async Task Writing_the_lessons_report_publishes_the_projects_lessons()
    {
        var project = await new Scenario(api).InClosureAsync();
        var word = $"ord{Guid.NewGuid():N}"[..12];
        await project.ProjectManager.Post($"{project.Url}/lessons", new { title = $"Planlegg overleveringen {word}", description = "Linjen var ikke klar", recommendation = "Start tidlig" })
            .Expect(HttpStatusCode.Created);
        (await project.Outsider.GetAsync($"/api/v1/lessons?q={word}").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);

        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Overleveringen tok tid" }).Expect(HttpStatusCode.Created);

        (await project.Outsider.GetAsync($"/api/v1/lessons?q={word}").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [ProviderFact]
    public async Task A_lessons_review_needs_known_lessons_or_a_reason_and_the_project_manager()
    {
        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");

        await project.ProjectManager.Post($"{project.Url}/lessons/reviews", new { }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.ProjectManager.Post($"{project.Url}/lessons/reviews", new { noneRelevantReason = "kort" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.ProjectManager.Post($"{project.Url}/lessons/reviews", new { lessonIds = new[] { Guid.NewGuid() } })
            .ExpectProblem(HttpStatusCode.BadRequest, "unknown-lessons");
        await project.Executive.Post($"{project.Url}/lessons/reviews", new { noneRelevantReason = "Ingen relevante erfaringer" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [ProviderFact]
    public async Task Reports_are_written_by_the_project_manager_in_closure_only()
    {
        var project = await new Scenario(api).InPlanningAsync();

        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "For tidlig til dette" }).ExpectProblem(HttpStatusCode.Conflict, "not-in-closure");
        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Stoppes" }).Expect(HttpStatusCode.Created);
        await project.Executive.Post($"{project.Url}/end-report", new { summary = "Eieren skriver ikke" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Stoppet i planleggingen" }).Expect(HttpStatusCode.Created);
    }
}

public sealed class LessonsTestsOnSqlite(SqliteApi api) : LessonsTests(api), IClassFixture<SqliteApi>;

public sealed class LessonsTestsOnPostgres(PostgresApi api) : LessonsTests(api), IClassFixture<PostgresApi>;

public sealed class LessonsTestsOnSqlServer(SqlServerApi api) : LessonsTests(api), IClassFixture<SqlServerApi>;
