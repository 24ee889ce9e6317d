using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The portfolio is filtered, paged and counted in the database.</summary>
public abstract class PortfolioTests(ApiFactory api)
{
    private static IEnumerable<string> Ids(JsonElement portfolio) => portfolio.GetProperty("projects").EnumerateArray().Select(p => p.Str("id"));

    [ProviderFact]
    public async Task The_board_filters_pages_and_counts_the_portfolio_by_phase_rag_and_open_exceptions()
    {
        using var fresh = api.Another();
        var red = await new Scenario(fresh).InExecutionAsync();
        await red.Forecast(1, cost: 900000);
        var green = await new Scenario(fresh).InExecutionAsync();
        await green.Forecast(1);
        var proposed = await new Scenario(fresh, "kultur").ProposedAsync();
        var board = fresh.As("bjorn", Domain.Roles.GlobalRoles.PortfolioBoard);

        var all = await board.GetAsync("/api/v1/portfolio").Expect(HttpStatusCode.OK);
        Ids(all).Should().Equal(red.Id.ToString(), green.Id.ToString(), proposed.Id.ToString());
        all.GetProperty("phases").EnumerateArray().Where(p => p.GetProperty("count").GetInt32() > 0)
            .Select(p => (p.Str("phase"), p.GetProperty("count").GetInt32())).Should().Equal(("proposed", 1), ("execution", 2));
        all.GetProperty("rags").EnumerateArray().Select(r => (r.ValueKind == JsonValueKind.Null ? null : r.GetProperty("rag").GetString(), r.GetProperty("count").GetInt32()))
            .Should().BeEquivalentTo([((string?)null, 1), ("green", 1), ("red", 1)]);
        all.GetProperty("openExceptions").GetInt32().Should().Be(1);
        all.GetProperty("projects").EnumerateArray().Single(p => p.Str("id") == red.Id.ToString()).Str("rag").Should().Be("red");

        Ids(await board.GetAsync("/api/v1/portfolio?rag=red").Expect(HttpStatusCode.OK)).Should().Equal(red.Id.ToString());
        Ids(await board.GetAsync("/api/v1/portfolio?hasOpenExceptions=true").Expect(HttpStatusCode.OK)).Should().Equal(red.Id.ToString());
        Ids(await board.GetAsync("/api/v1/portfolio?hasOpenExceptions=false&phase=execution").Expect(HttpStatusCode.OK)).Should().Equal(green.Id.ToString());
        var culture = await board.GetAsync("/api/v1/portfolio?sector=kultur").Expect(HttpStatusCode.OK);
        Ids(culture).Should().Equal(proposed.Id.ToString());
        culture.GetProperty("openExceptions").GetInt32().Should().Be(0, "the sector filters the counts too");

        var seen = (await board.AllPagesAsync("/api/v1/portfolio?limit=1", collection: "projects")).Select(p => p.Str("id")).ToList();
        seen.Should().Equal(Ids(all));

        await board.GetAsync("/api/v1/portfolio?rag=purple").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await board.GetAsync("/api/v1/portfolio?limit=0").ExpectProblem(HttpStatusCode.BadRequest, "validation");
    }
}

public sealed class PortfolioTestsOnSqlite(SqliteApi api) : PortfolioTests(api), IClassFixture<SqliteApi>;

public sealed class PortfolioTestsOnPostgres(PostgresApi api) : PortfolioTests(api), IClassFixture<PostgresApi>;

public sealed class PortfolioTestsOnSqlServer(SqlServerApi api) : PortfolioTests(api), IClassFixture<SqlServerApi>;
