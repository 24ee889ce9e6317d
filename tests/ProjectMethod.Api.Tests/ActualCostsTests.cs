using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>The finance system books actual costs per stage and month beside the Project Manager's forecast, never over it.</summary>
public abstract class ActualCostsTests(ApiFactory api)
{
    [ProviderFact]
    public async Task The_finance_system_books_a_month_once_replaces_it_on_correction_and_the_stage_shows_budget_forecast_and_actual()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Forecast(1, cost: 820000);
        var erp = api.As("okonomi", GlobalRoles.Integrator);
        var march = $"{project.Url}/actuals/1/2026-03";

        var booked = await erp.Put(march, new { amount = 120000, reference = "BILAG-4711" }).Expect(HttpStatusCode.Created);
        var version = (await project.Project()).GetProperty("version").GetInt64();
        var again = await erp.Put(march, new { amount = 120000, reference = "BILAG-4711" }).Expect(HttpStatusCode.OK);
        var unchanged = (await project.Project()).GetProperty("version").GetInt64();
        var corrected = await erp.Put(march, new { amount = 125000, reference = "BILAG-4712" }).Expect(HttpStatusCode.OK);
        await erp.Put($"{project.Url}/actuals/1/2026-04", new { amount = 80000 }).Expect(HttpStatusCode.Created);

        booked.Person("bookedBy").Id.Should().Be("okonomi");
        again.Str("bookedAt").Should().Be(booked.Str("bookedAt"), "the same posting again changes nothing");
        unchanged.Should().Be(version);
        corrected.GetProperty("amount").GetDecimal().Should().Be(125000);
        var costs = await project.Outsider.GetAsync($"{project.Url}/actuals").Expect(HttpStatusCode.OK);
        costs.GetProperty("items").EnumerateArray().Select(i => (i.Str("period"), i.GetProperty("amount").GetDecimal()))
            .Should().Equal(("2026-03", 125000m), ("2026-04", 80000m));
        var stage = costs.GetProperty("stages").EnumerateArray().Single();
        (stage.GetProperty("stage").GetInt32(), stage.GetProperty("budget").GetDecimal(), stage.GetProperty("forecast").GetDecimal(), stage.GetProperty("actual").GetDecimal())
            .Should().Be((1, 800000m, 820000m, 205000m));
        var forecasts = await project.Outsider.GetAsync($"{project.Url}/forecasts").Expect(HttpStatusCode.OK);
        forecasts.GetProperty("items").EnumerateArray().Last().GetProperty("values").GetProperty("cost").GetDecimal()
            .Should().Be(820000, "booked costs stand beside the forecast and never replace it");
        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Count(e => e.Str("type") == "actualCostBooked").Should().Be(3, "a posting that changes nothing is not recorded");
    }

    [ProviderFact]
    public async Task Only_the_finance_system_books_to_a_planned_stage_and_a_month_it_can_read()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var erp = api.As("okonomi", GlobalRoles.Integrator);

        await project.ProjectManager.Put($"{project.Url}/actuals/1/2026-03", new { amount = 1000 }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await erp.Put($"{project.Url}/actuals/2/2026-03", new { amount = 1000 }).ExpectProblem(HttpStatusCode.Conflict, "stage-not-planned");
        var month = await erp.Put($"{project.Url}/actuals/1/mars", new { amount = 1000 }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        month.GetProperty("errors").GetProperty("period")[0].GetString().Should().Contain("yyyy-MM");
        var amount = await erp.Put($"{project.Url}/actuals/1/2026-13", new { reference = "x" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        amount.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("amount", "period");
        (await project.Outsider.GetAsync($"{project.Url}/actuals").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
    }
}

public sealed class ActualCostsTestsOnSqlite(SqliteApi api) : ActualCostsTests(api), IClassFixture<SqliteApi>;

public sealed class ActualCostsTestsOnPostgres(PostgresApi api) : ActualCostsTests(api), IClassFixture<PostgresApi>;

public sealed class ActualCostsTestsOnSqlServer(SqlServerApi api) : ActualCostsTests(api), IClassFixture<SqlServerApi>;
