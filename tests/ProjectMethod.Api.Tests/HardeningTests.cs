using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public abstract class HardeningTests(ApiFactory api)
{
    [ProviderFact]
    public async Task A_body_over_the_limit_is_413()
    {
        var huge = new string('x', 1024 * 1024 + 1);

        await api.As("pia").Post("/api/v1/projects", new { name = "x", sector = "helse", description = huge })
            .ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [ProviderFact]
    public async Task Too_many_requests_from_one_user_are_429_with_retry_after_while_others_go_on()
    {
        using var limited = api.Another().With("Limits:RequestsPerMinute", "5");
        var eager = limited.As("eager");
        for (var i = 0; i < 5; i++)
        {
            await eager.GetAsync("/api/v1/projects").Expect(HttpStatusCode.OK);
        }

        using var refused = await eager.GetAsync("/api/v1/projects");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("urn:projectmethod:problem:rate-limited");
        await limited.As("patient").GetAsync("/api/v1/projects").Expect(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task Responses_carry_security_headers()
    {
        using var response = await api.As("ola").GetAsync("/api/v1/projects");

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
        response.Headers.Contains("Server").Should().BeFalse();
    }

    [ProviderFact]
    public async Task An_unexpected_fault_is_a_500_problem_without_internals()
    {
        using var broken = api.Another();
        broken.CreateClient().Dispose();
        using (var connection = broken.OpenDatabase())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE lessons";
            command.ExecuteNonQuery();
        }

        var problem = await broken.As("ola").GetAsync("/api/v1/lessons").ExpectProblem(HttpStatusCode.InternalServerError, "internal");

        problem.Str("detail").Should().Contain("trace id").And.NotContain("lessons").And.NotContain("Exception");
    }
}

public sealed class HardeningTestsOnSqlite(SqliteApi api) : HardeningTests(api), IClassFixture<SqliteApi>;

public sealed class HardeningTestsOnPostgres(PostgresApi api) : HardeningTests(api), IClassFixture<PostgresApi>;

public sealed class HardeningTestsOnSqlServer(SqlServerApi api) : HardeningTests(api), IClassFixture<SqlServerApi>;
