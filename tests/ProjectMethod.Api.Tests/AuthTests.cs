using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public abstract class AuthTests(ApiFactory api)
{
    private static readonly Instant Now = SystemClock.Instance.GetCurrentInstant();

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", Auth.CreateDevelopmentToken(ApiFactory.Auth, "ola", "Ola", [], Now - Duration.FromHours(3), Duration.FromHours(1)) },
        { "wrongly signed", Auth.CreateDevelopmentToken(ApiFactory.Auth with { SigningKey = "another-key-that-is-also-long-enough-987654321" }, "ola", "Ola", [], Now, Duration.FromHours(1)) },
        { "wrong issuer", Auth.CreateDevelopmentToken(ApiFactory.Auth with { Issuer = "someone-else" }, "ola", "Ola", [], Now, Duration.FromHours(1)) },
        { "wrong audience", Auth.CreateDevelopmentToken(ApiFactory.Auth with { Audience = "another-api" }, "ola", "Ola", [], Now, Duration.FromHours(1)) },
        { "alg none", Unsigned() },
        { "garbage", "not.a.token" },
        { "no subject", Auth.CreateDevelopmentToken(ApiFactory.Auth, "", "Ola", [], Now, Duration.FromHours(1)) },
    };

    [ProviderFact]
    public async Task A_request_without_a_token_is_401_problem()
    {
        var problem = await api.CreateClient().GetAsync("/api/v1/projects").ExpectProblem(HttpStatusCode.Unauthorized, "unauthenticated");

        problem.Str("detail").Should().Contain("bearer token");
    }

    [ProviderTheory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401(string kind, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/v1/projects");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, kind);
    }

    [ProviderFact]
    public async Task A_valid_token_reads()
    {
        await api.As("ola").GetAsync("/api/v1/projects").Expect(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task A_user_without_a_role_on_the_project_may_read_it_but_not_change_it()
    {
        var project = await new Scenario(api).InConceptAsync();

        await project.Outsider.GetAsync(project.Url).Expect(HttpStatusCode.OK);
        await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK);
        await project.Outsider.Post($"{project.Url}/roles", new { role = "seniorUser", userId = "nils", displayName = "Nils" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Outsider.Put($"{project.Url}/business-case", new
        {
            reasons = "r", options = "o", expectedBenefits = "b", expectedCosts = "c", timescale = "t", majorRisks = "m",
        }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Outsider.Post($"{project.Url}/lessons", new { title = "t", description = "d", recommendation = "r" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Outsider.Post($"{project.Url}/gate/requests", new { recommendation = "Videre" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Outsider.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Jeg bestemmer" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await project.Project()).Str("phase").Should().Be("concept");
    }

    [ProviderFact]
    public async Task Health_and_the_openapi_document_need_no_token()
    {
        var client = api.CreateClient();

        await client.GetAsync("/health/live").Expect(HttpStatusCode.OK);
        await client.GetAsync("/health/ready").Expect(HttpStatusCode.OK);
        await client.GetAsync("/openapi/v1.json").Expect(HttpStatusCode.OK);
    }

    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var expires = (Now + Duration.FromHours(1)).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
               Part($$"""{"sub":"ola","name":"Ola","roles":["portfolio-board"],"iss":"{{ApiFactory.Auth.Issuer}}","aud":"{{ApiFactory.Auth.Audience}}","exp":{{expires}}}""") + ".";
    }

    [ProviderFact]
    public void The_unsigned_token_is_well_formed_so_the_401_is_about_the_signature() =>
        new JsonWebTokenHandler().CanReadToken(Unsigned()).Should().BeTrue();

    [ProviderFact]
    public async Task A_caller_who_may_not_do_an_operation_is_refused_before_the_body_is_read()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var outsider = api.SendingInvalidBodiesAs("nils");
        var version = (await project.Project()).GetProperty("version").GetInt64();
        var requests = new (HttpMethod Method, string Path, string Body)[]
        {
            (HttpMethod.Put, "mandate", "{}"),
            (HttpMethod.Post, "roles", """{"role": "king"}"""),
            (HttpMethod.Post, "forecasts", """{"stage": """),
            (HttpMethod.Put, "stages/1/tolerances", """{"unknown": 1}"""),
            (HttpMethod.Put, "stages/1/plan", """{"plannedEnd": "2027-02-30"}"""),
            (HttpMethod.Post, "gate/decisions", "{}"),
            (HttpMethod.Post, "gate/requests", "[]"),
            (HttpMethod.Put, "checklist/bp4-handover", """{"status": "maybe"}"""),
            (HttpMethod.Post, $"benefits/{project.BenefitId}/measurements", """{"date": "no date"}"""),
            (HttpMethod.Post, "risks", "{}"),
            (HttpMethod.Post, "lessons/reviews", "{}"),
            (HttpMethod.Post, "products", """{"stage": "one"}"""),
            (HttpMethod.Put, $"products/{project.ProductId}", "{}"),
            (HttpMethod.Post, $"products/{project.ProductId}/approve", "[]"),
            (HttpMethod.Post, $"products/{project.ProductId}/submit", "[]"),
            (HttpMethod.Post, $"products/{project.ProductId}/accept", "{}"),
            (HttpMethod.Post, $"products/{project.ProductId}/reject", "{}"),
            (HttpMethod.Post, $"products/{project.ProductId}/remove", "{}"),
            (HttpMethod.Put, $"products/{project.ProductId}/quality-responsible", "{}"),
            (HttpMethod.Put, $"products/{project.ProductId}/receiving-line-unit", "{}"),
            (HttpMethod.Post, "handbook", """{"version": "two"}"""),
        };

        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, $"{project.Url}/{path}") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            var problem = await outsider.SendAsync(request).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
            problem.Str("detail").Should().StartWith("Only", $"{method} {path} names who may");
        }

        (await project.Project()).GetProperty("version").GetInt64().Should().Be(version, "nothing was written");
        await project.ProjectManager.PutRaw($"{project.Url}/stages/1/plan", """{"plannedEnd": "2027-02-30"}""").ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");
    }
}

public sealed class AuthTestsOnSqlite(SqliteApi api) : AuthTests(api), IClassFixture<SqliteApi>;

public sealed class AuthTestsOnPostgres(PostgresApi api) : AuthTests(api), IClassFixture<PostgresApi>;

public sealed class AuthTestsOnSqlServer(SqlServerApi api) : AuthTests(api), IClassFixture<SqlServerApi>;
