using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>Every resource that can be created can be read on its own, and its history read back.</summary>
public abstract class ReadBackTests(ApiFactory api)
{
    [ProviderFact]
    public async Task A_benefit_an_exception_and_a_risk_are_read_one_by_one()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var raised = (await project.Forecast(1, cost: 880000)).GetProperty("raisedExceptions")[0];
        var risk = await project.ProjectManager.Post($"{project.Url}/risks", new { kind = "risk", title = "Leverandøren leverer sent", probability = 3, consequence = 4, ownerUserId = "per" })
            .Expect(HttpStatusCode.Created);

        (await project.Outsider.GetAsync($"{project.Url}/benefits/{project.BenefitId}").Expect(HttpStatusCode.OK)).Str("title")
            .Should().Be("Færre timer til manuell oppfølging");
        var exception = await project.Outsider.GetAsync($"{project.Url}/exceptions/{raised.Str("id")}").Expect(HttpStatusCode.OK);
        exception.Str("dimension").Should().Be("cost");
        exception.Str("state").Should().Be("raised");
        var read = await project.Outsider.GetAsync($"{project.Url}/risks/{risk.Str("id")}").Expect(HttpStatusCode.OK);
        read.GetProperty("exposure").GetInt32().Should().Be(12);

        var unknown = Guid.NewGuid();
        await project.Outsider.GetAsync($"{project.Url}/benefits/{unknown}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
        await project.Outsider.GetAsync($"{project.Url}/exceptions/{unknown}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
        await project.Outsider.GetAsync($"{project.Url}/risks/{unknown}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task The_forecasts_are_a_paged_history_with_dates_as_dates()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Forecast(1, cost: 810000);
        await project.Forecast(1, time: "2027-04-04", cost: 820000);
        await project.Forecast(1, cost: 830000);

        var first = await project.Outsider.GetAsync($"{project.Url}/forecasts?limit=2").Expect(HttpStatusCode.OK);
        first.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("values").GetProperty("cost").GetDecimal()).Should().Equal(810000m, 820000m);
        first.GetProperty("items")[1].GetProperty("values").Str("time").Should().Be("2027-04-04");
        first.GetProperty("items")[0].Str("level").Should().Be("stage");
        var rest = await project.Outsider.GetAsync($"{project.Url}/forecasts?limit=2&cursor={first.Str("nextCursor")}").Expect(HttpStatusCode.OK);
        rest.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("values").GetProperty("cost").GetDecimal()).Should().Equal(830000m);
        rest.GetProperty("nextCursor").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [ProviderFact]
    public async Task Every_version_of_the_business_case_stays_readable()
    {
        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");
        await project.WriteBusinessCase();
        await project.ProjectManager.Put($"{project.Url}/business-case", new
        {
            reasons = "Brukerne trenger tettere oppfølging", options = "Sensorer", expectedBenefits = "Færre innleggelser", expectedCosts = "2,5 MNOK",
            timescale = "24 måneder", majorRisks = "Personvern",
        }).Expect(HttpStatusCode.OK);

        var versions = await project.Outsider.GetAsync($"{project.Url}/business-case/versions").Expect(HttpStatusCode.OK);
        versions.GetProperty("items").EnumerateArray().Select(v => v.Str("expectedCosts")).Should().Equal("2 MNOK", "2,5 MNOK");
        (await project.Outsider.GetAsync($"{project.Url}/business-case/versions/1").Expect(HttpStatusCode.OK)).Str("timescale").Should().Be("18 måneder");
        await project.Outsider.GetAsync($"{project.Url}/business-case/versions/3").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }
}

public sealed class ReadBackTestsOnSqlite(SqliteApi api) : ReadBackTests(api), IClassFixture<SqliteApi>;

public sealed class ReadBackTestsOnPostgres(PostgresApi api) : ReadBackTests(api), IClassFixture<PostgresApi>;

public sealed class ReadBackTestsOnSqlServer(SqlServerApi api) : ReadBackTests(api), IClassFixture<SqlServerApi>;
