using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>A highlight report's narrative: kept with the figures, read back in the history, checked like any field.</summary>
public abstract class HighlightReportTests(ApiFactory api)
{
    private static object Values => new { time = "2027-03-31", cost = 800000, quality = 0, scope = 0, benefit = 500000 };

    [ProviderFact]
    public async Task The_narrative_is_kept_with_the_report_and_read_back_in_its_history()
    {
        var project = await new Scenario(api).InExecutionAsync();

        var report = await project.ProjectManager.Post($"{project.Url}/forecasts", new
        {
            stage = 1,
            values = Values,
            narrative = new
            {
                achieved = "  Piloten i sone nord er i drift  ",
                next = "Utvide til sone sør",
                issuesAndRisks = "Leverandøren er forsinket",
                dimensionComments = new Dictionary<string, string> { ["cost"] = "Innenfor rammen", ["time"] = "" },
            },
        }).Expect(HttpStatusCode.Created);

        report.GetProperty("narrative").Str("achieved").Should().Be("Piloten i sone nord er i drift");
        var history = await project.Outsider.GetAsync($"{project.Url}/forecasts").Expect(HttpStatusCode.OK);
        var kept = history.GetProperty("items").EnumerateArray().Single(f => f.Str("id") == report.Str("id")).GetProperty("narrative");
        kept.Str("next").Should().Be("Utvide til sone sør");
        kept.Str("issuesAndRisks").Should().Be("Leverandøren er forsinket");
        kept.GetProperty("dimensionComments").EnumerateObject().Select(c => (c.Name, c.Value.GetString()))
            .Should().Equal([("cost", "Innenfor rammen")], "an empty comment is none");
    }

    [ProviderFact]
    public async Task A_report_without_a_narrative_has_none_and_a_comment_on_an_inactive_dimension_is_refused_writing_nothing()
    {
        var project = await new Scenario(api).InExecutionAsync();

        var plain = await project.ProjectManager.Post($"{project.Url}/forecasts", new { stage = 1, values = Values }).Expect(HttpStatusCode.Created);
        plain.GetProperty("narrative").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        var problem = await project.ProjectManager.Post($"{project.Url}/forecasts", new
        {
            stage = 1, values = Values, narrative = new { achieved = "Noe", dimensionComments = new Dictionary<string, string> { ["sustainability"] = "Grønt" } },
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty("narrative.dimensionComments.sustainability", out _).Should().BeTrue();

        var tooLong = await project.ProjectManager.Post($"{project.Url}/forecasts", new { stage = 1, values = Values, narrative = new { next = new string('x', 4001) } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        tooLong.GetProperty("errors").TryGetProperty("narrative.next", out _).Should().BeTrue();
        var history = await project.Outsider.GetAsync($"{project.Url}/forecasts").Expect(HttpStatusCode.OK);
        history.GetProperty("items").GetArrayLength().Should().Be(1, "only the plain report was kept");
    }
}

public sealed class HighlightReportTestsOnSqlite(SqliteApi api) : HighlightReportTests(api), IClassFixture<SqliteApi>;

public sealed class HighlightReportTestsOnPostgres(PostgresApi api) : HighlightReportTests(api), IClassFixture<PostgresApi>;
