using System.Net;
using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>What a BI tool and the archive read across every project: decisions, forecasts and benefits, paged, by sector and since.</summary>
public abstract class PortfolioReadsTests(ApiFactory api)
{
    private static List<string> ProjectsOf(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.Str("projectId")).ToList();

    [ProviderFact]
    public async Task Decisions_forecasts_and_benefits_read_across_projects_by_sector_and_by_what_changed_since()
    {
        using var fresh = api.Another();
        var before = await new Scenario(fresh).InExecutionAsync();
        await before.Forecast(1);
        fresh.Clock.Advance(Duration.FromDays(2));
        var since = fresh.Clock.GetCurrentInstant();
        var after = await new Scenario(fresh, "kultur").InExecutionAsync();
        await after.Forecast(1);
        var reader = fresh.As("nils");

        var decisions = await reader.GetAsync("/api/v1/portfolio/decisions?limit=200").Expect(HttpStatusCode.OK);
        var newDecisions = await reader.GetAsync($"/api/v1/portfolio/decisions?updatedSince={since}").Expect(HttpStatusCode.OK);
        var forecasts = await reader.GetAsync("/api/v1/portfolio/forecasts").Expect(HttpStatusCode.OK);
        var cultureForecasts = await reader.GetAsync("/api/v1/portfolio/forecasts?sector=kultur").Expect(HttpStatusCode.OK);
        var benefits = await reader.GetAsync("/api/v1/portfolio/benefits").Expect(HttpStatusCode.OK);
        var newBenefits = await reader.GetAsync($"/api/v1/portfolio/benefits?updatedSince={since}").Expect(HttpStatusCode.OK);
        var changedProjects = await reader.GetAsync($"/api/v1/projects?updatedSince={since}").Expect(HttpStatusCode.OK);

        ProjectsOf(decisions).Should().Equal(Enumerable.Repeat(before.Id.ToString(), 3).Concat(Enumerable.Repeat(after.Id.ToString(), 3)));
        decisions.GetProperty("items").EnumerateArray().Select(d => d.Str("decisionPoint")).Should().Equal("bp1", "bp2", "bp3", "bp1", "bp2", "bp3");
        ProjectsOf(newDecisions).Should().Equal(Enumerable.Repeat(after.Id.ToString(), 3));
        ProjectsOf(forecasts).Should().Equal(before.Id.ToString(), after.Id.ToString());
        forecasts.GetProperty("items")[0].Str("projectName").Should().Be("Digital hjemmetjeneste");
        forecasts.GetProperty("items")[0].GetProperty("item").Str("level").Should().Be("stage");
        ProjectsOf(cultureForecasts).Should().Equal(after.Id.ToString());
        ProjectsOf(benefits).Should().Equal(before.Id.ToString(), after.Id.ToString());
        benefits.GetProperty("items")[1].GetProperty("item").Str("title").Should().NotBeNullOrEmpty();
        ProjectsOf(newBenefits).Should().Equal(after.Id.ToString());
        changedProjects.GetProperty("items").EnumerateArray().Select(p => p.Str("id")).Should().Equal(after.Id.ToString());
    }

    [ProviderFact]
    public async Task The_portfolio_reads_page_with_a_cursor_and_refuse_a_time_they_cannot_read()
    {
        using var fresh = api.Another();
        await new Scenario(fresh).InConceptAsync();
        await new Scenario(fresh).InConceptAsync();
        var reader = fresh.As("nils");

        var first = await reader.GetAsync("/api/v1/portfolio/decisions?limit=1").Expect(HttpStatusCode.OK);
        var second = await reader.GetAsync($"/api/v1/portfolio/decisions?limit=1&cursor={first.Str("nextCursor")}").Expect(HttpStatusCode.OK);

        second.GetProperty("items")[0].Str("id").Should().NotBe(first.GetProperty("items")[0].Str("id"));
        second.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
        var problem = await reader.GetAsync("/api/v1/portfolio/benefits?updatedSince=i%20går").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").GetProperty("updatedSince")[0].GetString().Should().Contain("2026-03-02T08:00:00Z");
    }
}

public sealed class PortfolioReadsTestsOnSqlite(SqliteApi api) : PortfolioReadsTests(api), IClassFixture<SqliteApi>;

public sealed class PortfolioReadsTestsOnPostgres(PostgresApi api) : PortfolioReadsTests(api), IClassFixture<PostgresApi>;

public sealed class PortfolioReadsTestsOnSqlServer(SqlServerApi api) : PortfolioReadsTests(api), IClassFixture<SqlServerApi>;
