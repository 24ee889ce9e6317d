using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The API answers its problems in bokmål to whoever prefers Norwegian, and in English to everyone else.</summary>
public abstract class ProblemLanguageTests(ApiFactory api)
{
    private static HttpRequestMessage In(string? language, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return request;
    }

    [ProviderTheory]
    [InlineData("nb")]
    [InlineData("nb-NO, en;q=0.8")]
    [InlineData("nn")]
    [InlineData("en;q=0.5, no;q=0.9")]
    public async Task Field_messages_title_and_detail_are_bokmal_to_whoever_prefers_norwegian(string language)
    {
        using var response = await api.As("pia").SendAsync(In(language, HttpMethod.Post, "/api/v1/projects", new { sector = "ingen-slik" }));
        var problem = await Task.FromResult(response).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.Str("title").Should().Be("Noen felt er ikke fylt ut riktig");
        problem.Str("detail").Should().StartWith("Noen felt er ikke fylt ut riktig: errors");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("name")[0].GetString().Should().Be("Må fylles ut.");
        response.Headers.Vary.Should().Contain("Accept-Language");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        var sector = await api.As("pia").SendAsync(In(language, HttpMethod.Post, "/api/v1/projects", new { name = "Nytt", sector = "ingen-slik", description = "Et nytt prosjekt" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        sector.GetProperty("errors").GetProperty("sector")[0].GetString().Should().StartWith("«ingen-slik» er ikke en av kommunens sektorer. Sektorene er: ")
            .And.Contain("helse-og-velferd");
    }

    [ProviderTheory]
    [InlineData(null)]
    [InlineData("en")]
    [InlineData("en-GB, nb;q=0.7")]
    [InlineData("de")]
    public async Task English_stays_the_default_of_the_api(string? language)
    {
        using var response = await api.As("pia").SendAsync(In(language, HttpMethod.Post, "/api/v1/projects", new { sector = "ingen-slik" }));
        var problem = await Task.FromResult(response).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.Str("title").Should().Be("Invalid request");
        problem.GetProperty("errors").GetProperty("name")[0].GetString().Should().Be("name is required.");
    }

    [ProviderFact]
    public async Task Unmet_criteria_say_what_and_why_in_bokmal_and_keep_their_ids()
    {
        var project = await new Scenario(api).ProposedAsync();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Klar" }).Expect(HttpStatusCode.Created);

        using var response = await project.Board.SendAsync(In("nb", HttpMethod.Post, $"{project.Url}/gate/decisions", new { decision = "approve" }));
        var problem = await Task.FromResult(response).ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");

        problem.Str("title").Should().Be("Kriteriene for beslutningspunktet er ikke oppfylt");
        var unmet = problem.GetProperty("unmetCriteria").EnumerateArray().ToList();
        unmet.Select(c => c.Str("id")).Should().Contain("executive-named");
        var executive = unmet.Single(c => c.Str("id") == "executive-named");
        executive.Str("description").Should().Be("En prosjekteier er utpekt.");
        executive.Str("detail").Should().NotContain("Executive").And.NotBeEmpty();
        problem.GetRawText().Should().NotContain("is named").And.NotContain("has not been");
    }

    [ProviderFact]
    public async Task A_stale_version_and_a_missing_token_are_told_in_bokmal_with_their_facts()
    {
        var project = await new Scenario(api).ProposedAsync();
        var stale = In("nb", HttpMethod.Put, $"{project.Url}/mandate", new { purpose = "Formål", background = "Bakgrunn" });
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        var problem = await project.Proposer.SendAsync(stale).ExpectProblem(HttpStatusCode.PreconditionFailed, "precondition-failed");
        problem.Str("detail").Should().StartWith("Prosjektet er endret siden du leste det");
        problem.GetProperty("currentVersion").GetInt64().Should().Be(1);

        var anonymous = await api.CreateClient().SendAsync(In("nb", HttpMethod.Get, "/api/v1/projects")).ExpectProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        anonymous.Str("detail").Should().Be("Et gyldig bearer-token kreves.");
    }

    [ProviderFact]
    public async Task A_successful_answer_passes_through_untouched_in_either_language()
    {
        var english = await api.As("nils").GetAsync("/api/v1/sectors").Expect(HttpStatusCode.OK);
        using var response = await api.As("nils").SendAsync(In("nb", HttpMethod.Get, "/api/v1/sectors"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetRawText().Should().Be(english.GetRawText());
    }
}

public sealed class ProblemLanguageTestsOnSqlite(SqliteApi api) : ProblemLanguageTests(api), IClassFixture<SqliteApi>;

public sealed class ProblemLanguageTestsOnPostgres(PostgresApi api) : ProblemLanguageTests(api), IClassFixture<PostgresApi>;
