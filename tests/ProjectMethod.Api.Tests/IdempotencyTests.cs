using System.Net;
using System.Net.Http.Json;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public abstract class IdempotencyTests(ApiFactory api)
{
    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static object Proposal(string sector) => new { name = "Ny barnehage", sector, description = "Flere plasser" };

    private async Task<int> ProjectsIn(string sector) =>
        (await api.As("ola").GetAsync($"/api/v1/projects?sector={sector}").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();

    private Task<string> Sector() => api.NewSectorAsync();

    [ProviderFact]
    public async Task The_same_key_and_body_replay_the_first_response_without_a_second_write()
    {
        var client = api.As("pia");
        var (sector, key) = (await Sector(), Guid.NewGuid().ToString());

        using var first = await client.SendAsync(Post("/api/v1/projects", Proposal(sector), key));
        using var second = await client.SendAsync(Post("/api/v1/projects", Proposal(sector), key));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.Location.Should().Be(first.Headers.Location);
        second.Headers.ETag.Should().Be(first.Headers.ETag);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await ProjectsIn(sector)).Should().Be(1);
    }

    [ProviderFact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var client = api.As("pia");
        var key = Guid.NewGuid().ToString();
        var sector = await Sector();
        await client.SendAsync(Post("/api/v1/projects", Proposal(sector), key)).Expect(HttpStatusCode.Created);

        await client.SendAsync(Post("/api/v1/projects", Proposal(await Sector()), key)).ExpectProblem(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        (await ProjectsIn(sector)).Should().Be(1);
    }

    [ProviderFact]
    public async Task A_key_whose_first_request_is_still_running_is_409()
    {
        var key = Guid.NewGuid().ToString();
        api.CreateClient().Dispose(); // the service is up and its migrations applied
        using (var connection = api.OpenDatabase())
        {
            // The first request's record, written when it started and not yet completed.
            await connection.ExecuteAsync(
                "INSERT INTO idempotency_keys (user_id, idempotency_key, method, path, request_hash, created_at) VALUES ('pia', @key, 'POST', '/api/v1/projects', 'x', @at)",
                new { key, at = api.Clock.GetCurrentInstant() });
        }

        await api.As("pia").SendAsync(Post("/api/v1/projects", Proposal(await Sector()), key))
            .ExpectProblem(HttpStatusCode.Conflict, "idempotency-key-in-flight");
    }

    [ProviderFact]
    public async Task Keys_belong_to_their_user_and_expire_after_24_hours()
    {
        var key = Guid.NewGuid().ToString();
        var sector = await Sector();
        await api.As("pia").SendAsync(Post("/api/v1/projects", Proposal(sector), key)).Expect(HttpStatusCode.Created);
        await api.As("ola").SendAsync(Post("/api/v1/projects", Proposal(sector), key)).Expect(HttpStatusCode.Created);
        (await ProjectsIn(sector)).Should().Be(2);

        api.Clock.Advance(Duration.FromHours(24) + Duration.FromMinutes(1));

        var again = await api.As("pia").SendAsync(Post("/api/v1/projects", Proposal(await Sector()), key)).Expect(HttpStatusCode.Created);
        again.Str("sector").Should().NotBe(sector);
    }

    [ProviderFact]
    public async Task A_refused_request_is_replayed_as_refused_and_wrote_nothing()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        var key = Guid.NewGuid().ToString();
        var before = (await project.Project()).GetProperty("version").GetInt64();

        await project.Board.SendAsync(Post($"{project.Url}/gate/decisions", new { decision = "approve" }, key))
            .ExpectProblem(HttpStatusCode.Conflict, "no-open-request");
        await project.Board.SendAsync(Post($"{project.Url}/gate/decisions", new { decision = "approve" }, key))
            .ExpectProblem(HttpStatusCode.Conflict, "no-open-request");

        (await project.Project()).GetProperty("version").GetInt64().Should().Be(before);
    }

    [ProviderFact]
    public async Task Concurrent_retries_with_one_key_decide_once()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            api.As("bjorn", "portfolio-board").SendAsync(Post($"{project.Url}/gate/decisions", new { decision = "approve" }, key))));

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        responses.Should().Contain(r => r.StatusCode == HttpStatusCode.Created);
        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        log.GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [ProviderFact]
    public async Task An_invalid_key_is_400() =>
        await api.As("pia").SendAsync(Post("/api/v1/projects", Proposal(await Sector()), new string('k', 256)))
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid-idempotency-key");
}

public sealed class IdempotencyTestsOnSqlite(SqliteApi api) : IdempotencyTests(api), IClassFixture<SqliteApi>;

public sealed class IdempotencyTestsOnPostgres(PostgresApi api) : IdempotencyTests(api), IClassFixture<PostgresApi>;

public sealed class IdempotencyTestsOnSqlServer(SqlServerApi api) : IdempotencyTests(api), IClassFixture<SqlServerApi>;
