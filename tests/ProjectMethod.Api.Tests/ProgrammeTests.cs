using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>Programmes: one level more between projects and the portfolio — tolerances, escalations and a roll-up.</summary>
public abstract class ProgrammeTests(ApiFactory api)
{
    /// <summary>Balanse' 24: the projects end by 2028-01-31 at the latest (2027-12-31 + 31 days) and cost 4 200 000 together at most.</summary>
    private static object Balanse(string owner = "ella") => new
    {
        name = "Balanse' 24",
        description = "Omstilling i helse og oppvekst for å balansere budsjettet",
        ownerUserId = owner,
        boardUserIds = new[] { "anne" },
        sectors = new[] { "helse", "oppvekst" },
        tolerances = new { time = new { plan = "2027-12-31", lower = 365, upper = 31 }, cost = new { plan = 4000000, lower = 400000, upper = 200000 } },
    };

    private static List<JsonElement> Items(JsonElement list) => list.GetProperty("items").EnumerateArray().ToList();

    private async Task<(JsonElement Programme, Scenario First, Scenario Second)> BalanseWithTwoProjects()
    {
        var first = await new Scenario(api).InExecutionAsync();
        var second = await new Scenario(api).InExecutionAsync();
        var programme = await first.Board.Post("/api/v1/programmes", Balanse()).Expect(HttpStatusCode.Created);
        var url = $"/api/v1/programmes/{programme.Str("id")}";
        await first.Board.Post($"{url}/projects", new { projectId = first.Id }).Expect(HttpStatusCode.OK);
        programme = await api.As("ella").Post($"{url}/projects", new { projectId = second.Id }).Expect(HttpStatusCode.OK);
        return (programme, first, second);
    }

    [ProviderFact]
    public async Task The_portfolio_board_creates_a_programme_and_its_owner_or_the_board_adds_projects_once_and_inside_its_tolerances()
    {
        var board = api.As("bjorn", "portfolio-board");
        await api.As("ella").Post("/api/v1/programmes", Balanse()).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await board.Post("/api/v1/programmes", Balanse(owner: "ingen-slik")).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await board.Post("/api/v1/programmes", new { name = "Uten toleranser", description = "?", ownerUserId = "ella", sectors = new[] { "helse" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        var (programme, first, second) = await BalanseWithTwoProjects();
        var url = $"/api/v1/programmes/{programme.Str("id")}";
        programme.Person("owner").Should().Be(("ella", TestPeople.NameOf("ella")));
        programme.GetProperty("board").EnumerateArray().Select(p => p.Str("id")).Should().Equal("anne");
        Items(await first.Outsider.GetAsync("/api/v1/programmes").Expect(HttpStatusCode.OK)).Should().Contain(p => p.Str("name") == "Balanse' 24");
        (await first.Project()).Str("programmeId").Should().Be(programme.Str("id"));

        var third = await new Scenario(api).InExecutionAsync();
        await api.As("anne").Post($"{url}/projects", new { projectId = third.Id }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await board.Post($"{url}/projects", new { projectId = Guid.NewGuid() }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await board.Post($"{url}/projects", new { projectId = first.Id }).ExpectProblem(HttpStatusCode.Conflict, "project-in-programme");
        var outside = await board.Post($"{url}/projects", new { projectId = third.Id }).ExpectProblem(HttpStatusCode.Conflict, "outside-programme-tolerance");
        outside.Str("limit").Should().Contain("6300000");
        (await third.Project()).GetProperty("programmeId").ValueKind.Should().Be(JsonValueKind.Null);

        await board.Put($"{url}/tolerances", new { time = new { plan = "2027-12-31", lower = 0, upper = 0 }, cost = new { plan = 3000000, lower = 0, upper = 500000 } })
            .ExpectProblem(HttpStatusCode.Conflict, "outside-programme-tolerance");
        var decisions = (await first.Outsider.GetAsync(url).Expect(HttpStatusCode.OK)).GetProperty("decisions").EnumerateArray().Select(d => d.Str("kind")).ToList();
        decisions.Should().Equal("projectAdded", "projectAdded", "created");
        var events = await board.GetAsync($"/api/v1/events?projectId={second.Id}&type=programmeProjectAdded").Expect(HttpStatusCode.OK);
        Items(events).Should().ContainSingle().Which.Str("actor").Should().Be("ella");
    }

    [ProviderFact]
    public async Task The_programme_board_sets_its_projects_tolerances_inside_the_programmes_and_decides_their_project_exceptions()
    {
        var (programme, first, second) = await BalanseWithTwoProjects();
        var url = $"/api/v1/programmes/{programme.Str("id")}";
        var anne = api.As("anne");
        object Tolerances(decimal plan, decimal upper) => new
        {
            time = new { plan = "2027-06-30", lower = 30, upper = 14 }, cost = new { plan, lower = 200000, upper }, quality = new { plan = 0, upper = 3 },
            scope = new { plan = 0, upper = 2 }, risk = new { plan = 0, upper = 40 }, benefit = new { plan = 500000, lower = 50000 },
        };

        await first.Board.Put($"{first.Url}/tolerances/project", Tolerances(1900000, 100000)).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await anne.Put($"{first.Url}/tolerances/project", Tolerances(2000000, 300000)).ExpectProblem(HttpStatusCode.Conflict, "outside-programme-tolerance");
        await anne.Put($"{first.Url}/tolerances/project", Tolerances(1900000, 100000)).Expect(HttpStatusCode.OK);

        var raised = (await first.Forecast(1, projectValues: new { time = "2027-07-20", cost = 1900000, quality = 0, scope = 0, benefit = 500000 }))
            .GetProperty("raisedExceptions").EnumerateArray().Single();
        (raised.Str("level"), raised.Str("owner")).Should().Be(("project", "programmeBoard"));
        Items(await first.Board.GetAsync("/api/v1/escalations").Expect(HttpStatusCode.OK)).Should().NotContain(e => e.Str("id") == raised.Str("id"));
        var exception = $"{first.Url}/exceptions/{raised.Str("id")}";
        await first.ProjectManager.Post($"{exception}/report", new
        {
            cause = "Leverandøren er forsinket", consequences = "Prosjektet blir tre uker senere",
            options = new[] { new { title = "Flytt sluttdatoen", effect = "Innenfor programmets ramme" } }, recommendation = "Juster toleransen",
        }).Expect(HttpStatusCode.OK);
        var adjusted = new { time = new { plan = "2027-07-31", lower = 30, upper = 14 } };
        await first.Board.Post($"{exception}/decision", new { decision = "adjustTolerances", rationale = "Vi", tolerances = adjusted }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await anne.Post($"{exception}/decision", new { decision = "adjustTolerances", rationale = "Programmet tåler tre uker", tolerances = adjusted })
            .Expect(HttpStatusCode.OK)).GetProperty("exception").Str("state").Should().Be("decided");

        var rolled = await first.Outsider.GetAsync(url).Expect(HttpStatusCode.OK);
        rolled.GetProperty("decisions").EnumerateArray().Select(d => d.Str("kind")).Should().StartWith(["projectExceptionDecided", "projectTolerancesSet", "projectTolerancesSet"]);
        rolled.GetProperty("exceptions").EnumerateArray().Should().ContainSingle(e => e.Str("id") == raised.Str("id") && !e.GetProperty("open").GetBoolean());
    }

    [ProviderFact]
    public async Task The_programme_rolls_up_its_projects_and_a_breach_of_its_own_tolerance_goes_to_the_portfolio_board()
    {
        var (programme, first, second) = await BalanseWithTwoProjects();
        var url = $"/api/v1/programmes/{programme.Str("id")}";
        await first.Forecast(1, projectValues: new { time = "2027-06-30", cost = 2080000, quality = 0, scope = 0, benefit = 500000 });
        var forecast = await second.Forecast(1, projectValues: new { time = "2027-06-30", cost = 2090000, quality = 0, scope = 0, benefit = 500000 });
        forecast.GetProperty("raisedExceptions").EnumerateArray().Should().BeEmpty("each project is inside its own tolerance");

        var rolled = await first.Outsider.GetAsync(url).Expect(HttpStatusCode.OK);
        var totals = rolled.GetProperty("totals");
        (totals.GetProperty("budget").GetDecimal(), totals.GetProperty("forecastCost").GetDecimal(), totals.Str("forecastEnd"), totals.GetProperty("benefitsPlanned").GetInt32())
            .Should().Be((4000000m, 4170000m, "2027-06-30", 2));
        var projects = rolled.GetProperty("projects").EnumerateArray().ToList();
        projects.Select(p => p.Str("phase")).Should().Equal("execution", "execution");
        projects.Single(p => p.Str("id") == first.Id.ToString()).GetProperty("forecastCost").GetDecimal().Should().Be(2080000m);
        rolled.GetProperty("exceptions").EnumerateArray().Should().BeEmpty("4 170 000 is inside the programme's 4 200 000");
        rolled.GetProperty("beneficiaries").EnumerateArray().Sum(b => b.GetProperty("planned").GetInt32()).Should().Be(2);

        // The first project passes its own tolerance, and with it the programme's: its board and the portfolio board each get theirs.
        var raised = (await first.Forecast(1, projectValues: new { time = "2027-06-30", cost = 2200000, quality = 0, scope = 0, benefit = 500000 }))
            .GetProperty("raisedExceptions").EnumerateArray().Single();
        raised.Str("owner").Should().Be("programmeBoard");
        var exceptions = (await first.Outsider.GetAsync(url).Expect(HttpStatusCode.OK)).GetProperty("exceptions").EnumerateArray().ToList();
        exceptions.Should().HaveCount(2);
        var breach = exceptions.Single(e => e.Str("level") == "programme");
        (breach.Str("dimension"), breach.Str("decider"), breach.GetProperty("forecastValue").GetDecimal(), breach.GetProperty("open").GetBoolean())
            .Should().Be(("cost", "portfolioBoard", 4290000m, true));
        await second.Forecast(1, projectValues: new { time = "2027-06-30", cost = 2095000, quality = 0, scope = 0, benefit = 500000 });
        (await first.Outsider.GetAsync(url).Expect(HttpStatusCode.OK)).GetProperty("exceptions").EnumerateArray().Count(e => e.Str("level") == "programme")
            .Should().Be(1, "one open breach per dimension");
        Items(await first.Outsider.GetAsync("/api/v1/programmes").Expect(HttpStatusCode.OK)).Single(p => p.Str("id") == programme.Str("id"))
            .GetProperty("openExceptions").GetInt32().Should().Be(2);

        var decision = $"{url}/exceptions/{breach.Str("id")}/decision";
        await api.As("ella").Post(decision, new { rationale = "Ja" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var decided = await first.Board.Post(decision, new
        {
            rationale = "Programmet får 300 000 mer", tolerances = new { time = new { plan = "2027-12-31", lower = 365, upper = 31 }, cost = new { plan = 4300000, lower = 400000, upper = 200000 } },
        }).Expect(HttpStatusCode.OK);
        decided.GetProperty("exceptions").EnumerateArray().Single(e => e.Str("level") == "programme").GetProperty("open").GetBoolean().Should().BeFalse();
        decided.GetProperty("tolerances").EnumerateArray().Single(t => t.Str("dimension") == "cost").GetProperty("plan").GetDecimal().Should().Be(4300000m);
        await first.Board.Post(decision, new { rationale = "Igjen" }).ExpectProblem(HttpStatusCode.Conflict, "programme-exception-decided");
    }

    [ProviderFact]
    public async Task A_project_names_the_sectors_it_involves_and_the_portfolio_counts_it_under_each()
    {
        var project = await new Scenario(api).InPlanningAsync();
        await project.ProjectManager.Put($"{project.Url}/sectors", new { sectors = new[] { "oppvekst" } }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Put($"{project.Url}/sectors", new { sectors = new[] { "ingen-slik" } }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        (await project.Executive.Put($"{project.Url}/sectors", new { sectors = new[] { "oppvekst", "helse" } }).Expect(HttpStatusCode.OK))
            .GetProperty("sectors").EnumerateArray().Select(s => s.GetString()).Should().Equal("oppvekst");
        (await project.Project()).GetProperty("participatingSectors").EnumerateArray().Select(s => s.GetString()).Should().Equal("oppvekst");

        var underOppvekst = await project.Board.GetAsync("/api/v1/portfolio?sector=oppvekst&limit=200").Expect(HttpStatusCode.OK);
        underOppvekst.GetProperty("projects").EnumerateArray().Should().Contain(p => p.Str("id") == project.Id.ToString());
        var underKultur = await project.Board.GetAsync("/api/v1/portfolio?sector=kultur&limit=200").Expect(HttpStatusCode.OK);
        underKultur.GetProperty("projects").EnumerateArray().Should().NotContain(p => p.Str("id") == project.Id.ToString());
    }
}

public sealed class ProgrammeTestsOnSqlite(SqliteApi api) : ProgrammeTests(api), IClassFixture<SqliteApi>;

public sealed class ProgrammeTestsOnPostgres(PostgresApi api) : ProgrammeTests(api), IClassFixture<PostgresApi>;
