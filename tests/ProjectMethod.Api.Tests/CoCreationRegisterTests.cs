using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// The co-creation register: which groups a project involves, how it planned to, what was held, what they said and what
/// the project answered; and, where a sector's handbook asks for it, the plan before BP2 and the account before BP4.
/// </summary>
public abstract class CoCreationRegisterTests(ApiFactory api)
{
    private static string Register(Scenario project) => $"{project.Url}/co-creation";

    private static async Task<string> AddGroup(Scenario project, string name, string kind, bool hardToReach = false) =>
        (await project.ProjectManager.Post($"{Register(project)}/groups", new { name, kind, hardToReach, notes = "Kontakt via frivilligsentralen" })
            .Expect(HttpStatusCode.Created)).Str("id");

    private static Task<JsonElement> Plan(Scenario project, params object[] entries) =>
        project.ProjectManager.Put($"{Register(project)}/plan", new { entries }).Expect(HttpStatusCode.OK);

    private static object Entry(string groupId, string phase, string level, string purpose = "efficiency") => new { groupId, phase, level, purpose };

    private static async Task<string> Hold(HttpClient who, Scenario project, string phase, string level, string date, params (string GroupId, int Participants)[] groups) =>
        (await who.Post($"{Register(project)}/activities", new
        {
            date, kind = "workshop", phase, level, summary = "Verksted om ny hjemmetjeneste",
            groups = groups.Select(g => new { groupId = g.GroupId, participants = g.Participants }),
        }).Expect(HttpStatusCode.Created)).Str("id");

    private static async Task<string> Said(HttpClient who, Scenario project, string activityId, string groupId, string text) =>
        (await who.Post($"{Register(project)}/activities/{activityId}/inputs", new { text, groupId }).Expect(HttpStatusCode.Created)).Str("id");

    private static JsonElement Criterion(JsonElement gate, string id) => gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == id);

    [ProviderFact]
    public async Task The_register_keeps_groups_plan_activities_and_inputs_and_sums_up_who_was_reached_and_what_was_answered()
    {
        var project = await new Scenario(api).ReadyForBp2Async();
        await project.Assign(project.Executive, "teamManager", "tom");
        var teamManager = api.As("tom");
        var users = await AddGroup(project, "Brukere av hjemmetjenesten", "serviceUsers");
        var minorities = await AddGroup(project, "Minoritetsspråklige eldre", "citizens", hardToReach: true);
        var staff = await AddGroup(project, "Ansatte i hjemmetjenesten", "employees");
        await Plan(project, Entry(users, "concept", "involve"), Entry(minorities, "concept", "consult", "democraticEmpowerment"), Entry(staff, "planning", "collaborate", "innovation"));

        var workshop = await Hold(project.ProjectManager, project, "concept", "collaborate", "2026-01-10", (users, 9), (minorities, 0));
        var survey = await Hold(teamManager, project, "concept", "consult", "2026-02-25", (users, 120), (staff, 14));
        var wantsAlarm = await Said(teamManager, project, workshop, users, "Vi vil ha trygghetsalarm som virker ute");
        var tooFast = await Said(project.ProjectManager, project, survey, staff, "Innføringen går for fort");
        await Said(project.ProjectManager, project, workshop, users, "Tolk på alle møter");
        var answered = await project.ProjectManager.Post($"{Register(project)}/inputs/{wantsAlarm}/response",
            new { outcome = "adopted", explanation = "Alarmen med GPS er tatt inn i kravspesifikasjonen" }).Expect(HttpStatusCode.OK);
        answered.GetProperty("response").Str("outcome").Should().Be("adopted");
        answered.GetProperty("response").Who("respondedBy").Should().Be("per");
        await project.ProjectManager.Post($"{Register(project)}/inputs/{tooFast}/response",
            new { outcome = "later", explanation = "Vi vurderer tempoet når pilotresultatene kommer" }).Expect(HttpStatusCode.OK);

        var register = await project.Outsider.GetAsync(Register(project)).Expect(HttpStatusCode.OK);

        register.GetProperty("groups").EnumerateArray().Select(g => (g.Str("name"), g.GetProperty("hardToReach").GetBoolean())).Should().Equal(
            ("Brukere av hjemmetjenesten", false), ("Minoritetsspråklige eldre", true), ("Ansatte i hjemmetjenesten", false));
        register.GetProperty("activities").EnumerateArray().Select(a => a.Who("recordedBy")).Should().Equal("per", "tom");
        register.GetProperty("activities")[0].GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("participants").GetInt32()).Should().Equal(9, 0);
        register.GetProperty("inputs").EnumerateArray().Select(i => i.Str("received")).Should().Equal("2026-01-10", "2026-02-25", "2026-01-10");
        register.GetProperty("inputs")[0].Str("answerBy").Should().Be("2026-02-09");
        var summary = register.GetProperty("summary");
        (summary.GetProperty("groupsReached").GetInt32(), summary.GetProperty("hardToReachGroups").GetInt32(), summary.GetProperty("hardToReachReached").GetInt32())
            .Should().Be((2, 1, 0), "the minority group was invited, but nobody came");
        (summary.GetProperty("inputs").GetInt32(), summary.GetProperty("inputsAnswered").GetInt32(), summary.GetProperty("inputsOverdue").GetInt32())
            .Should().Be((3, 2, 1), "'later' is an answer; the interpreter input is more than 30 days old and unanswered");
        summary.GetProperty("plan").EnumerateArray().Select(p => (p.Str("groupId"), p.Str("planned"), p.GetProperty("achieved").ToString(), p.GetProperty("met").GetBoolean()))
            .Should().BeEquivalentTo([(users, "involve", "collaborate", true), (minorities, "consult", "", false), (staff, "collaborate", "", false)]);
        summary.GetProperty("highestLevels").EnumerateArray().Select(r => (r.Str("groupId"), r.Str("phase"), r.Str("level")))
            .Should().BeEquivalentTo([(users, "concept", "collaborate"), (staff, "concept", "consult")]);

        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Select(e => e.Str("type")).Where(t => t.StartsWith("coCreation", StringComparison.Ordinal)).Should().Equal(
            "coCreationGroupAdded", "coCreationGroupAdded", "coCreationGroupAdded", "coCreationPlanSet", "coCreationActivityRecorded", "coCreationActivityRecorded",
            "coCreationInputRecorded", "coCreationInputRecorded", "coCreationInputRecorded", "coCreationInputAnswered", "coCreationInputAnswered");
    }

    [ProviderFact]
    public async Task Only_the_right_people_keep_the_register_and_it_opens_at_concept()
    {
        var proposed = await new Scenario(api).ProposedAsync();
        await proposed.Board.Post($"{Register(proposed)}/groups", new { name = "Brukere", kind = "serviceUsers", hardToReach = false })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");

        var project = await new Scenario(api).ReadyForBp2Async();
        var users = await AddGroup(project, "Brukere", "serviceUsers");
        var activity = await Hold(project.ProjectManager, project, "concept", "consult", "2026-02-01", (users, 4));
        var input = await Said(project.ProjectManager, project, activity, users, "Mer åpningstid");

        foreach (var who in new[] { project.Executive, project.BenefitOwner, project.Outsider })
        {
            await who.Post($"{Register(project)}/groups", new { name = "Frivillige", kind = "volunteers", hardToReach = false }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
            await who.Put($"{Register(project)}/plan", new { entries = new[] { Entry(users, "planning", "involve") } }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
            await who.Post($"{Register(project)}/activities", new { date = "2026-02-01", kind = "survey", phase = "concept", level = "consult", summary = "Undersøkelse", groups = new[] { new { groupId = users, participants = 3 } } })
                .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
            await who.Post($"{Register(project)}/inputs/{input}/response", new { outcome = "adopted", explanation = "Tatt inn i planen" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        var register = await project.Outsider.GetAsync(Register(project)).Expect(HttpStatusCode.OK);
        (register.GetProperty("groups").GetArrayLength(), register.GetProperty("plan").GetArrayLength(), register.GetProperty("activities").GetArrayLength())
            .Should().Be((1, 0, 1), "a refused write writes nothing");
        register.GetProperty("inputs")[0].GetProperty("response").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [ProviderFact]
    public async Task An_activity_is_held_before_it_is_recorded_an_input_comes_from_a_group_that_took_part_and_an_answer_is_final_unless_later()
    {
        var project = await new Scenario(api).ReadyForBp2Async();
        var other = await new Scenario(api).ReadyForBp3Async();
        var users = await AddGroup(project, "Brukere", "serviceUsers");
        var kin = await AddGroup(project, "Pårørende", "nextOfKin");
        var url = $"{Register(project)}/activities";
        await project.ProjectManager.Post($"{Register(project)}/groups", new { name = " brukere ", kind = "citizens", hardToReach = true })
            .ExpectProblem(HttpStatusCode.Conflict, "group-exists");
        var today = api.Clock.GetCurrentInstant().InUtc().Date;

        var future = await project.ProjectManager.Post(url, new { date = today.PlusDays(2).ToString("yyyy-MM-dd", null), kind = "workshop", phase = "concept", level = "consult", summary = "Planlagt", groups = new[] { new { groupId = users, participants = 5 } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        future.GetProperty("errors").TryGetProperty("date", out _).Should().BeTrue();
        await project.ProjectManager.Post(url, new { date = "2026-02-01", kind = "pilot", phase = "execution", level = "involve", summary = "Pilot", groups = new[] { new { groupId = users, participants = 5 } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "co-creation-phase-ahead");
        var unknown = await project.ProjectManager.Post(url, new { date = "2026-02-01", kind = "survey", phase = "concept", level = "consult", summary = "Undersøkelse", groups = new[] { new { groupId = Guid.NewGuid(), participants = 5 } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        unknown.GetProperty("errors").TryGetProperty("groups", out _).Should().BeTrue();
        var invalid = await project.ProjectManager.Post(url, new { groups = new[] { new { groupId = users, participants = -1 }, new { groupId = users, participants = 2 } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["date", "kind", "phase", "level", "groups", "summary"]);

        var activity = await Hold(project.ProjectManager, project, "concept", "consult", "2026-02-01", (users, 5), (kin, 0));
        (await project.ProjectManager.Post($"{url}/{activity}/inputs", new { text = "Ingen kom", groupId = kin }).ExpectProblem(HttpStatusCode.BadRequest, "validation"))
            .GetProperty("errors").TryGetProperty("groupId", out _).Should().BeTrue("nobody of the next of kin took part");
        await project.ProjectManager.Post($"{Register(project)}/activities/{Guid.NewGuid()}/inputs", new { text = "Hei", groupId = users }).ExpectProblem(HttpStatusCode.NotFound, "not-found");
        var input = await Said(project.ProjectManager, project, activity, users, "Mer åpningstid");
        var answer = $"{Register(project)}/inputs/{input}/response";

        (await project.ProjectManager.Post(answer, new { outcome = "adopted", explanation = "Tatt inn", productId = other.ProductId }).ExpectProblem(HttpStatusCode.BadRequest, "validation"))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["explanation"]);
        (await project.ProjectManager.Post(answer, new { outcome = "adopted", explanation = "Tatt inn i planen", productId = other.ProductId, decisionId = Guid.NewGuid() })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation"))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["productId", "decisionId"], "another project's product is not this project's");
        var decision = (await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK)).GetProperty("items")[0].Str("id");
        await project.ProjectManager.Post(answer, new { outcome = "later", explanation = "Vurderes når budsjettet er klart" }).Expect(HttpStatusCode.OK);
        var final = await project.ProjectManager.Post(answer, new { outcome = "adapted", explanation = "Utvidet åpningstid to kvelder i uken", decisionId = decision })
            .Expect(HttpStatusCode.OK);
        final.GetProperty("response").Str("decisionId").Should().Be(decision);
        await project.ProjectManager.Post(answer, new { outcome = "notAdopted", explanation = "Likevel ikke likevel" }).ExpectProblem(HttpStatusCode.Conflict, "input-answered");
        (await project.Outsider.GetAsync(Register(project)).Expect(HttpStatusCode.OK)).GetProperty("inputs")[0].GetProperty("response").Str("outcome").Should().Be("adapted");
    }

    [ProviderFact]
    public async Task The_plan_for_a_phase_left_is_kept_and_a_gap_is_explained_instead()
    {
        var project = await new Scenario(api).ReadyForBp2Async();
        var users = await AddGroup(project, "Brukere", "serviceUsers");
        var staff = await AddGroup(project, "Ansatte", "employees");
        var concept = Entry(users, "concept", "collaborate");
        await Plan(project, concept, Entry(staff, "planning", "involve"));
        await project.Decide(project.ProjectManager, project.Board, "Konseptet er klart");

        await project.ProjectManager.Put($"{Register(project)}/plan", new { entries = new[] { Entry(users, "concept", "consult") } })
            .ExpectProblem(HttpStatusCode.Conflict, "co-creation-phase-passed");
        await project.ProjectManager.Put($"{Register(project)}/plan", new { entries = new[] { concept, Entry(staff, "concept", "inform") } })
            .ExpectProblem(HttpStatusCode.Conflict, "co-creation-phase-passed");
        var changed = await Plan(project, concept, Entry(staff, "planning", "consult"), Entry(users, "execution", "involve"));
        changed.GetProperty("entries").GetArrayLength().Should().Be(3, "what is planned from the current phase on may change");
        (await project.ProjectManager.Put($"{Register(project)}/plan", new { entries = new[] { concept, concept } }).ExpectProblem(HttpStatusCode.BadRequest, "validation"))
            .GetProperty("errors").TryGetProperty("entries", out _).Should().BeTrue();
        await project.ProjectManager.Put($"{Register(project)}/plan", new { entries = new[] { concept, Entry(Guid.NewGuid().ToString(), "planning", "inform") } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        var gap = $"{Register(project)}/plan/gaps";
        await project.ProjectManager.Post(gap, new { groupId = users, phase = "concept", explanation = "Kort" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.ProjectManager.Post(gap, new { groupId = staff, phase = "concept", explanation = "Ikke planlagt i konseptfasen" }).ExpectProblem(HttpStatusCode.NotFound, "not-found");
        var explained = await project.ProjectManager.Post(gap, new { groupId = users, phase = "concept", explanation = "Konseptfasen ble forkortet etter politisk vedtak" })
            .Expect(HttpStatusCode.OK);
        explained.Str("gapExplanation").Should().StartWith("Konseptfasen");
        await project.ProjectManager.Post(gap, new { groupId = users, phase = "execution", explanation = "Vi rekker det neppe i gjennomføringen" })
            .ExpectProblem(HttpStatusCode.Conflict, "co-creation-not-yet");
        await Plan(project, concept, Entry(staff, "planning", "consult"));
        var register = await project.Outsider.GetAsync(Register(project)).Expect(HttpStatusCode.OK);
        register.GetProperty("summary").GetProperty("plan").EnumerateArray().Single(p => p.Str("phase") == "concept").GetProperty("accounted").GetBoolean()
            .Should().BeTrue("a new plan keeps the explanation of a passed phase");

        await Hold(project.ProjectManager, project, "planning", "involve", "2026-02-20", (staff, 6));
        await project.ProjectManager.Post(gap, new { groupId = staff, phase = "planning", explanation = "Vi nådde mer enn planlagt likevel" })
            .ExpectProblem(HttpStatusCode.Conflict, "co-creation-met");
    }

    [ProviderFact]
    public async Task Where_the_handbook_asks_BP2_needs_the_user_groups_planned_and_BP4_the_plan_accounted_for_and_every_input_answered()
    {
        using var own = api.Another();
        var office = own.As("bjorn", GlobalRoles.PortfolioBoard);
        await office.Post("/api/v1/handbooks/helse-og-velferd/drafts", new { }).Expect(HttpStatusCode.Created);
        var draft = await office.GetAsync("/api/v1/handbooks/helse-og-velferd/drafts/current").Expect(HttpStatusCode.OK);
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(draft.GetRawText())!;
        body["name"] = JsonSerializer.SerializeToElement("Helse og velferd");
        body["dimensions"] = JsonSerializer.SerializeToElement(new[] { "time", "cost", "quality", "scope", "risk", "benefit" });
        body["extraCriteria"] = JsonSerializer.SerializeToElement(new[] { "co-creation-plan" });
        await office.Put("/api/v1/handbooks/helse-og-velferd/drafts/current", body).Expect(HttpStatusCode.OK);
        await office.Post("/api/v1/handbooks/helse-og-velferd/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);

        string? users = null, input = null;
        var project = await new Scenario(own, "helse-og-velferd")
        {
            BeforeBp2 = async p =>
            {
                Criterion(await p.Outsider.GetAsync($"{p.Url}/gate").Expect(HttpStatusCode.OK), "co-creation-planned").Str("detail").Should().Contain("No user group");
                users = await AddGroup(p, "Brukere av hjemmetjenesten", "serviceUsers");
                var kin = await AddGroup(p, "Pårørende", "nextOfKin", hardToReach: true);
                await Plan(p, Entry(users, "concept", "consult"));
                var unplanned = Criterion(await p.Outsider.GetAsync($"{p.Url}/gate").Expect(HttpStatusCode.OK), "co-creation-planned");
                (unplanned.GetProperty("met").GetBoolean(), unplanned.Str("detail")).Should().Be((false, "The plan does not involve: Pårørende."));
                await Plan(p, Entry(users, "concept", "consult"), Entry(kin, "execution", "involve", "democraticEmpowerment"));
                var activity = await Hold(p.ProjectManager, p, "concept", "consult", "2026-02-26", (users, 11));
                input = await Said(p.ProjectManager, p, activity, users, "Sensorene må kunne slås av om natten");
            },
            BeforeBp4 = async p =>
            {
                var gate = Criterion(await p.Outsider.GetAsync($"{p.Url}/gate").Expect(HttpStatusCode.OK), "co-creation-accounted");
                gate.GetProperty("met").GetBoolean().Should().BeFalse();
                gate.Str("detail").Should().Be("Planned involvement neither held nor explained: Pårørende in execution. 1 input(s) without a response.");
                await p.ProjectManager.Post($"{Register(p)}/plan/gaps", new { groupId = Kin(p), phase = "execution", explanation = "Pårørendeforeningen ble lagt ned; vi intervjuer pårørende i gevinstrealiseringen" })
                    .Expect(HttpStatusCode.OK);
                await p.ProjectManager.Post($"{Register(p)}/inputs/{input}/response", new { outcome = "adopted", explanation = "Nattmodus er tatt inn i leveransen", productId = p.ProductId })
                    .Expect(HttpStatusCode.OK);
                Criterion(await p.Outsider.GetAsync($"{p.Url}/gate").Expect(HttpStatusCode.OK), "co-creation-accounted").GetProperty("met").GetBoolean().Should().BeTrue();
            },
        }.InClosureAsync();

        (await project.Project()).Str("phase").Should().Be("closure");
        var standard = await new Scenario(own).ReadyForBp2Async();
        (await standard.Outsider.GetAsync($"{standard.Url}/gate").Expect(HttpStatusCode.OK)).GetProperty("criteria").EnumerateArray()
            .Should().NotContain(c => c.Str("id") == "co-creation-planned", "the standard handbook leaves co-creation to the project");
    }

    [ProviderFact]
    public async Task The_end_and_lessons_reports_cite_the_projects_activities_and_inputs_and_a_lesson_tagged_samskaping_is_found()
    {
        var elsewhere = await new Scenario(api).ReadyForBp2Async();
        var strangers = await AddGroup(elsewhere, "Brukere", "serviceUsers");
        var strangeActivity = await Hold(elsewhere.ProjectManager, elsewhere, "concept", "inform", "2026-02-01", (strangers, 30));
        string? activity = null, input = null;
        var project = await new Scenario(api)
        {
            BeforeBp2 = async p =>
            {
                var users = await AddGroup(p, "Brukere av hjemmetjenesten", "serviceUsers");
                activity = await Hold(p.ProjectManager, p, "concept", "involve", "2026-02-10", (users, 14));
                input = await Said(p.ProjectManager, p, activity, users, "Opplæring hjemme, ikke på kontoret");
            },
        }.InClosureAsync();

        var refused = await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Levert innenfor rammene", activityIds = new[] { activity, strangeActivity }, inputIds = new[] { Guid.NewGuid().ToString() } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["activityIds", "inputIds"], "a report cites only its own project's register");
        var end = await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Levert innenfor rammene", activityIds = new[] { activity }, inputIds = new[] { input } })
            .Expect(HttpStatusCode.Created);
        end.GetProperty("inputIds").EnumerateArray().Select(i => i.GetString()).Should().Equal(input);
        await project.ProjectManager.Post($"{project.Url}/lessons", new
        {
            title = "Brukerne hjemme lærer best hjemme", description = "Verkstedet viste at opplæring på kontoret nådde få.", recommendation = "Legg opplæringen hjem til brukeren.",
            tags = new[] { "samskaping", "opplæring" },
        }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Involver brukerne tidligere", activityIds = new[] { activity } }).Expect(HttpStatusCode.Created);

        var reports = await project.Outsider.GetAsync($"{project.Url}/reports").Expect(HttpStatusCode.OK);
        reports.GetProperty("items").EnumerateArray().Select(r => (r.Str("kind"), r.GetProperty("activityIds").GetArrayLength(), r.GetProperty("inputIds").GetArrayLength()))
            .Should().Equal(("endReport", 1, 1), ("lessonsReport", 1, 0));
        var found = await project.Outsider.GetAsync("/api/v1/lessons?tag=samskaping").Expect(HttpStatusCode.OK);
        found.GetProperty("items").EnumerateArray().Select(l => l.Str("title")).Should().Contain("Brukerne hjemme lærer best hjemme", "the lessons report published it");
    }

    [ProviderFact]
    public async Task The_portfolio_counts_co_creation_in_total_and_per_sector()
    {
        using var own = api.Another();
        var health = await new Scenario(own, "helse").ReadyForBp2Async();
        var minorities = await AddGroup(health, "Minoritetsspråklige eldre", "citizens", hardToReach: true);
        var staff = await AddGroup(health, "Ansatte", "employees");
        await Plan(health, Entry(minorities, "concept", "involve"));
        var dialogue = await Hold(health.ProjectManager, health, "concept", "collaborate", "2026-02-12", (minorities, 7), (staff, 3));
        await Hold(health.ProjectManager, health, "concept", "empower", "2026-02-13", (minorities, 0));
        var first = await Said(health.ProjectManager, health, dialogue, minorities, "Informasjon på flere språk");
        await Said(health.ProjectManager, health, dialogue, staff, "Flere tolketimer");
        await health.ProjectManager.Post($"{Register(health)}/inputs/{first}/response", new { outcome = "adopted", explanation = "Brosjyrene oversettes til seks språk" }).Expect(HttpStatusCode.OK);
        var school = await new Scenario(own, "oppvekst").ReadyForBp2Async();
        var pupils = await AddGroup(school, "Elever med funksjonsnedsettelser", "serviceUsers", hardToReach: true);
        await Hold(school.ProjectManager, school, "concept", "consult", "2026-02-14", (pupils, 0));
        await new Scenario(own, "oppvekst").ProposedAsync();

        var portfolio = await own.As("nils").GetAsync("/api/v1/portfolio").Expect(HttpStatusCode.OK);

        var total = portfolio.GetProperty("coCreation").GetProperty("total");
        Figures(total).Should().Be((3, 2, 1, "collaborate", 1, 0.5m, 2, 1), "nobody came to the empowering meeting, so it reached no level");
        portfolio.GetProperty("coCreation").GetProperty("sectors").EnumerateArray().Select(s => (s.Str("sector"), Figures(s.GetProperty("figures")))).Should().Equal(
            ("helse", (1, 1, 1, "collaborate", 1, 1m, 2, 1)),
            ("oppvekst", (2, 1, 0, "", 0, 0m, 0, 0)));
        var filtered = await own.As("nils").GetAsync("/api/v1/portfolio?sector=oppvekst").Expect(HttpStatusCode.OK);
        Figures(filtered.GetProperty("coCreation").GetProperty("total")).Should().Be((2, 1, 0, "", 0, 0m, 0, 0));
        filtered.GetProperty("coCreation").GetProperty("sectors").GetArrayLength().Should().Be(1);
    }

    private static (int, int, int, string, int, decimal?, int, int) Figures(JsonElement f) =>
        (f.GetProperty("projects").GetInt32(), f.GetProperty("projectsWithRegister").GetInt32(), f.GetProperty("projectsWithPlan").GetInt32(),
            f.GetProperty("highestLevelReached").ValueKind == JsonValueKind.Null ? "" : f.Str("highestLevelReached"), f.GetProperty("projectsReachingHardToReach").GetInt32(),
            f.GetProperty("hardToReachShare").ValueKind == JsonValueKind.Null ? null : f.GetProperty("hardToReachShare").GetDecimal(),
            f.GetProperty("inputs").GetInt32(), f.GetProperty("inputsAnswered").GetInt32());

    private static string Kin(Scenario project) =>
        project.Outsider.GetAsync(Register(project)).Expect(HttpStatusCode.OK).Result.GetProperty("groups").EnumerateArray().Single(g => g.Str("kind") == "nextOfKin").Str("id");
}

public sealed class CoCreationRegisterTestsOnSqlite(SqliteApi api) : CoCreationRegisterTests(api), IClassFixture<SqliteApi>;

public sealed class CoCreationRegisterTestsOnPostgres(PostgresApi api) : CoCreationRegisterTests(api), IClassFixture<PostgresApi>;

public sealed class CoCreationRegisterTestsOnSqlServer(SqlServerApi api) : CoCreationRegisterTests(api), IClassFixture<SqlServerApi>;
