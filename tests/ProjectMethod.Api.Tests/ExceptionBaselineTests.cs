using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>An exception decision lays its new baseline over the current one: whatever it leaves out keeps its value.</summary>
public abstract class ExceptionBaselineTests(ApiFactory api)
{
    private static readonly object Report = new
    {
        cause = "Leverandøren er forsinket",
        consequences = "Fasen blir dyrere",
        options = new[] { new { title = "Utvid budsjettet", effect = "Kostnadstoleransen må økes" } },
        recommendation = "Godkjenn unntaksplan",
    };

    /// <summary>A stage exception on cost, reported and waiting for the Executive; the answer is its decision URL.</summary>
    private static async Task<string> ReportedStageException(Scenario project)
    {
        var raised = (await project.Forecast(1, cost: 880000)).GetProperty("raisedExceptions").EnumerateArray().Single();
        var url = $"{project.Url}/exceptions/{raised.Str("id")}";
        await project.ProjectManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK);
        return url;
    }

    private static async Task<(Dictionary<string, string> Tolerances, JsonElement Plan)> StageBaseline(Scenario project)
    {
        var stage = (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0];
        return (Bands(stage.GetProperty("tolerances").GetProperty("tolerances")), stage.GetProperty("plan"));
    }

    private static Dictionary<string, string> Bands(JsonElement tolerances) =>
        tolerances.EnumerateArray().ToDictionary(t => t.Str("dimension")!, t => t.ToString());

    /// <summary>Each dimension changed alone, as the decision's only tolerance; its new band and the new plan value are what the request says.</summary>
    public static TheoryData<string, string> OneDimension => new()
    {
        { "time", """{"time": {"plan": "2027-04-30", "lower": 7, "upper": 14}}""" },
        { "cost", """{"cost": {"plan": 880000, "lower": 50000, "upper": 50000}}""" },
        { "quality", """{"quality": {"plan": 0, "upper": 1}}""" },
        { "scope", """{"scope": {"plan": 0, "upper": 0}}""" },
        { "risk", """{"risk": {"plan": 0, "upper": 25}}""" },
        { "benefit", """{"benefit": {"plan": 480000, "lower": 10000}}""" },
    };

    [ProviderTheory]
    [MemberData(nameof(OneDimension))]
    public async Task An_exception_plan_changing_one_dimension_keeps_every_other_dimension_and_the_stage_plan(string dimension, string tolerances)
    {
        var project = await new Scenario(api).InExecutionAsync();
        var url = await ReportedStageException(project);
        var (before, planBefore) = await StageBaseline(project);

        await project.Executive.PostRaw($"{url}/decision",
            $$"""{"decision": "approveExceptionPlan", "rationale": "Ny plan for én dimensjon", "plan": {}, "tolerances": {{tolerances}}}""")
            .Expect(HttpStatusCode.OK);

        var (after, planAfter) = await StageBaseline(project);
        after.Keys.Should().BeEquivalentTo(before.Keys, "no dimension is dropped by leaving it out");
        after.Where(b => b.Key != dimension).Should().BeEquivalentTo(before.Where(b => b.Key != dimension));
        after[dimension].Should().NotBe(before[dimension]);
        planAfter.GetProperty("productsInScope").GetInt32().Should().Be(planBefore.GetProperty("productsInScope").GetInt32());
        planAfter.Str("description").Should().Be(planBefore.Str("description"));
        var products = await project.Outsider.GetAsync($"{project.Url}/products").Expect(HttpStatusCode.OK);
        products.GetProperty("items").EnumerateArray().Should().ContainSingle(p => p.GetProperty("stage").GetInt32() == 1);
    }

    [ProviderFact]
    public async Task A_plan_field_left_out_keeps_its_value_and_the_time_and_cost_plans_follow_the_plan()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var url = await ReportedStageException(project);

        await project.Executive.Post($"{url}/decision", new { decision = "approveExceptionPlan", rationale = "Større budsjett", plan = new { budget = 880000 } })
            .Expect(HttpStatusCode.OK);

        var (tolerances, plan) = await StageBaseline(project);
        plan.GetProperty("budget").GetDecimal().Should().Be(880000);
        plan.Str("plannedEnd").Should().Be("2027-03-31");
        plan.GetProperty("productsInScope").GetInt32().Should().Be(4);
        plan.Str("description").Should().Be("Fase 1");
        tolerances.Should().HaveCount(6);
        tolerances["cost"].Should().Contain("880000").And.Contain("50000");
    }

    [ProviderFact]
    public async Task Adjusted_tolerances_change_only_the_side_of_the_band_given()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var url = await ReportedStageException(project);
        var (before, _) = await StageBaseline(project);

        var decided = await project.Executive.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Mer rom oppover", tolerances = new { cost = new { upper = 90000 } } })
            .Expect(HttpStatusCode.OK);

        var (after, plan) = await StageBaseline(project);
        var cost = JsonDocument.Parse(after["cost"]).RootElement;
        cost.GetProperty("plan").GetDecimal().Should().Be(800000);
        cost.GetProperty("lower").GetDecimal().Should().Be(50000);
        cost.GetProperty("upper").GetDecimal().Should().Be(90000);
        after.Where(b => b.Key != "cost").Should().BeEquivalentTo(before.Where(b => b.Key != "cost"));
        plan.GetProperty("budget").GetDecimal().Should().Be(800000);
        decided.GetProperty("rejudged").GetProperty("evaluation").GetProperty("stage").EnumerateArray()
            .Single(d => d.Str("dimension") == "cost").Str("status").Should().NotBe("exceeded");
    }

    [ProviderFact]
    public async Task A_project_exception_decided_by_the_board_keeps_the_project_dimensions_it_leaves_out()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var raised = (await project.Forecast(1, projectValues: new { time = "2027-07-20", cost = 2000000, quality = 0, scope = 0, benefit = 500000 }))
            .GetProperty("raisedExceptions").EnumerateArray().Single();
        var url = $"{project.Url}/exceptions/{raised.Str("id")}";
        await project.ProjectManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK);
        var before = Bands((await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("project"));
        var (stageBefore, planBefore) = await StageBaseline(project);

        await project.Board.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Tre uker mer", tolerances = new { time = new { upper = 21 } } })
            .Expect(HttpStatusCode.OK);

        var after = Bands((await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("project"));
        after.Keys.Should().BeEquivalentTo(before.Keys);
        after.Where(b => b.Key != "time").Should().BeEquivalentTo(before.Where(b => b.Key != "time"));
        JsonDocument.Parse(after["time"]).RootElement.GetProperty("upper").GetDecimal().Should().Be(21);
        var (stageAfter, planAfter) = await StageBaseline(project);
        stageAfter.Should().BeEquivalentTo(stageBefore);
        planAfter.ToString().Should().Be(planBefore.ToString());
    }

    [ProviderFact]
    public async Task A_new_dimension_without_its_plan_value_is_refused_and_nothing_is_written()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var url = await ReportedStageException(project);
        var (before, planBefore) = await StageBaseline(project);
        await project.Executive.Put($"{project.Url}/stages/1/tolerances", new { time = new { plan = "2027-03-31", lower = 7, upper = 7 }, cost = new { plan = 800000, lower = 50000, upper = 50000 } })
            .Expect(HttpStatusCode.OK);

        var refused = await project.Executive.Post($"{url}/decision", new { decision = "adjustTolerances", rationale = "Kvalitet igjen", tolerances = new { quality = new { upper = 1 } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        refused.GetProperty("errors").GetProperty("tolerances.quality.plan")[0].GetString().Should().Contain("no quality tolerance yet");
        var (after, _) = await StageBaseline(project);
        after.Keys.Should().BeEquivalentTo(["time", "cost"]);
        before.Should().HaveCount(6);
        planBefore.GetProperty("budget").GetDecimal().Should().Be(800000);
        (await project.Outsider.GetAsync(url).Expect(HttpStatusCode.OK)).Str("state").Should().Be("reported");
    }
}

public sealed class ExceptionBaselineTestsOnSqlite(SqliteApi api) : ExceptionBaselineTests(api), IClassFixture<SqliteApi>;

public sealed class ExceptionBaselineTestsOnPostgres(PostgresApi api) : ExceptionBaselineTests(api), IClassFixture<PostgresApi>;
