using System.Net;
using System.Text.Json;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

public abstract class EventsTests(ApiFactory api)
{
    private static Task<List<JsonElement>> ReadFeed(HttpClient reader) => reader.AllPagesAsync("/api/v1/events?limit=200");

    [ProviderFact]
    public async Task Concurrent_writers_leave_a_feed_in_commit_order_without_gaps_or_duplicates()
    {
        using var own = api.Another();
        var projects = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new Scenario(own).ReadyForBp1Async()));

        var events = await ReadFeed(own.As("ivar", GlobalRoles.Integrator));

        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        sequences.Should().Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i));
        events.Select(e => e.Str("id")).Should().OnlyHaveUniqueItems();
        foreach (var project in projects)
        {
            events.Count(e => e.Str("subject") == project.Id.ToString()).Should().BeGreaterThan(3);
        }
    }

    [ProviderFact]
    public async Task Each_event_is_a_cloud_event()
    {
        var project = await new Scenario(api).ProposedAsync();

        var events = await ReadFeed(api.As("bjorn", GlobalRoles.PortfolioBoard));
        var proposed = events.Single(e => e.Str("subject") == project.Id.ToString());

        proposed.Str("specversion").Should().Be("1.0");
        proposed.Str("type").Should().Be("no.projectmethod.projectProposed");
        proposed.Str("source").Should().Be($"/projectmethod/projects/{project.Id}");
        proposed.Str("datacontenttype").Should().Be("application/json");
        proposed.Str("time").Should().Be("2026-03-02T08:00:00Z");
        proposed.GetProperty("data").Str("name").Should().Be("Digital hjemmetjeneste");
    }

    [ProviderFact]
    public async Task The_cursor_is_the_last_sequence_seen_and_returns_only_what_came_later()
    {
        var reader = api.As("ivar", GlobalRoles.Integrator);
        await new Scenario(api).ProposedAsync();
        var last = (await ReadFeed(reader))[^1].GetProperty("sequence").GetInt64();

        var project = await new Scenario(api).ProposedAsync();
        var later = await reader.GetAsync($"/api/v1/events?cursor={last}").Expect(HttpStatusCode.OK);

        later.GetProperty("items").EnumerateArray().Select(e => e.Str("subject")).Should().Equal(project.Id.ToString());
        var first = await reader.GetAsync($"/api/v1/events?limit=1&cursor={last - 1}").Expect(HttpStatusCode.OK);
        first.GetProperty("items")[0].GetProperty("sequence").GetInt64().Should().Be(last);
        first.GetProperty("nextCursor").GetString().Should().Be(first.GetProperty("items")[0].GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var problem = await reader.GetAsync($"/api/v1/events?after={last}").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").GetProperty("after")[0].GetString().Should().Contain("cursor", "the feed has one cursor, and says which");
        await reader.GetAsync("/api/v1/events?cursor=-1").ExpectProblem(HttpStatusCode.BadRequest, "validation");
    }

    [ProviderFact]
    public async Task The_feed_keeps_one_projects_events_of_the_types_asked_for()
    {
        var reader = api.As("ivar", GlobalRoles.Integrator);
        var project = await new Scenario(api).InConceptAsync();
        await new Scenario(api).InConceptAsync();

        var decisions = await reader.GetAsync($"/api/v1/events?limit=200&projectId={project.Id}&type=no.projectmethod.decisionMade&type=decisionRequested")
            .Expect(HttpStatusCode.OK);
        var ofProject = await reader.GetAsync($"/api/v1/events?limit=200&projectId={project.Id}").Expect(HttpStatusCode.OK);

        decisions.GetProperty("items").EnumerateArray().Select(e => e.Str("type"))
            .Should().Equal("no.projectmethod.decisionRequested", "no.projectmethod.decisionMade");
        decisions.GetProperty("items").EnumerateArray().Should().OnlyContain(e => e.Str("subject") == project.Id.ToString());
        ofProject.GetProperty("items").EnumerateArray().Should().HaveCountGreaterThan(2).And.OnlyContain(e => e.Str("subject") == project.Id.ToString());
        var everyProjects = await reader.GetAsync("/api/v1/events?limit=200&type=decisionMade").Expect(HttpStatusCode.OK);
        everyProjects.GetProperty("items").EnumerateArray().Should().OnlyContain(e => e.Str("type") == "no.projectmethod.decisionMade")
            .And.Contain(e => e.Str("subject") != project.Id.ToString(), "without projectId, the types asked for of every project");
        var unknown = await reader.GetAsync("/api/v1/events?type=no.projectmethod.projectDeleted").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        unknown.GetProperty("errors").GetProperty("type")[0].GetString().Should().Contain("projectDeleted");
    }

    [ProviderFact]
    public async Task Only_integrators_and_the_portfolio_board_read_the_feed() =>
        await api.As("ola").GetAsync("/api/v1/events").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
}

public sealed class EventsTestsOnSqlite(SqliteApi api) : EventsTests(api), IClassFixture<SqliteApi>;

public sealed class EventsTestsOnPostgres(PostgresApi api) : EventsTests(api), IClassFixture<PostgresApi>;

public sealed class EventsTestsOnSqlServer(SqlServerApi api) : EventsTests(api), IClassFixture<SqlServerApi>;

public abstract class WebhookTests(ApiFactory api)
{
    private HttpClient Admin => api.As("ada", GlobalRoles.Admin);

    private async Task<string> Subscribe(WebhookListener listener, params string[] eventTypes)
    {
        var subscription = await Admin.Post("/api/v1/webhooks", new { url = listener.Url.ToString(), eventTypes }).Expect(HttpStatusCode.Created);
        subscription.Str("secret").Should().MatchRegex("^[0-9a-f]{64}$");
        return subscription.Str("secret");
    }

    [ProviderFact]
    public async Task A_decision_is_delivered_signed_to_the_subscriber()
    {
        await using var listener = await WebhookListener.StartAsync();
        var secret = await Subscribe(listener, "decisionMade");
        var project = await new Scenario(api).InConceptAsync();

        var delivery = await listener.WaitForAsync(d => d.Body.Contains(project.Id.ToString(), StringComparison.Ordinal));

        var body = JsonDocument.Parse(delivery.Body).RootElement;
        body.Str("type").Should().Be("no.projectmethod.decisionMade");
        body.GetProperty("data").Str("toPhase").Should().Be("concept");
        delivery.Headers["Content-Type"].Should().StartWith("application/cloudevents+json");
        var timestamp = delivery.Headers["X-ProjectMethod-Timestamp"];
        delivery.Headers["X-ProjectMethod-Signature"].Should().Be("sha256=" + WebhookSender.Sign(secret, timestamp, delivery.Body));
        Verify(secret, timestamp, delivery.Headers["X-ProjectMethod-Signature"], delivery.Body).Should().BeTrue("a receiver verifies as the README shows");
        Verify(secret, timestamp, delivery.Headers["X-ProjectMethod-Signature"], delivery.Body.Replace("concept", "planning", StringComparison.Ordinal))
            .Should().BeFalse("an altered body fails");
        delivery.Headers["X-ProjectMethod-Delivery"].Should().MatchRegex("^[0-9a-f-]{36}$");
        listener.Received.Should().OnlyContain(d => d.Body.Contains("no.projectmethod.decisionMade", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task A_failing_receiver_is_retried_at_once_and_later_from_the_outbox()
    {
        await using var listener = await WebhookListener.StartAsync();
        await Subscribe(listener, "projectProposed");
        // Three failures: the first try and both immediate retries fail; the outbox tries again later.
        foreach (var status in new[] { 500, 503, 502 })
        {
            listener.Answers.Enqueue(status);
        }

        var project = await new Scenario(api).ProposedAsync();
        await WaitUntil(() => listener.Received.Count >= 3);
        await Task.Delay(300);
        listener.Received.Should().HaveCount(3, "the outbox waits for the back-off before trying again");
        using (var connection = api.OpenDatabase())
        {
            var attempts = await connection.ExecuteScalarAsync<long>("SELECT MAX(attempts) FROM webhook_deliveries WHERE status = 'pending'");
            attempts.Should().Be(1);
        }

        api.Clock.Advance(Duration.FromMinutes(1));

        var delivered = await listener.WaitForAsync(d => d.Body.Contains(project.Id.ToString(), StringComparison.Ordinal) && listener.Received.Count >= 4);
        delivered.Headers["X-ProjectMethod-Delivery"].Should().Be(listener.Received.First().Headers["X-ProjectMethod-Delivery"]);
    }

    [ProviderFact]
    public async Task Pending_deliveries_survive_a_restart()
    {
        using var database = api.Another();
        await using var listener = await WebhookListener.StartAsync();
        using (var first = database.SameDatabase())
        {
            // Nothing listens on this port: every try fails while the first instance runs.
            await first.As("ada", GlobalRoles.Admin).Post("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "projectProposed" } })
                .Expect(HttpStatusCode.Created);
            await new Scenario(first).ProposedAsync();
            await WaitUntil(() => Attempts(first) >= 1);
        }

        using (var connection = database.OpenDatabase())
        {
            await connection.ExecuteAsync("UPDATE webhook_subscriptions SET url = @url", new { url = listener.Url.ToString() });
        }

        using var restarted = database.SameDatabase();
        restarted.Clock.Advance(Duration.FromDays(1));
        restarted.CreateClient().Dispose();

        await listener.WaitForAsync(d => d.Body.Contains("no.projectmethod.projectProposed", StringComparison.Ordinal));
        await WaitUntil(() => Delivered(restarted) == 1);
    }

    private static long Attempts(ApiFactory host)
    {
        using var connection = host.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT COALESCE(MAX(attempts), 0) FROM webhook_deliveries");
    }

    private static long Delivered(ApiFactory host)
    {
        using var connection = host.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'");
    }

    [ProviderFact]
    public async Task Only_allowed_hosts_and_known_event_types_may_be_subscribed()
    {
        var problem = await Admin.Post("/api/v1/webhooks", new { url = "http://10.0.0.8/hook", eventTypes = new[] { "decisionMade" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty("url", out _).Should().BeTrue();

        problem = await Admin.Post("/api/v1/webhooks", new { url = "http://127.0.0.1:1/hook", eventTypes = new[] { "everything" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty("eventTypes", out _).Should().BeTrue();
    }

    [ProviderFact]
    public async Task Admins_manage_every_webhook_and_an_integrator_only_its_own()
    {
        using var own = api.Another();
        var admin = own.As("ada", GlobalRoles.Admin);
        var portal = own.As("innbyggerportal", GlobalRoles.Integrator);
        var erp = own.As("okonomi", GlobalRoles.Integrator);
        await own.As("bjorn", GlobalRoles.PortfolioBoard).Post("/api/v1/webhooks", new { url = "http://127.0.0.1:1/hook", eventTypes = new[] { "*" } })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await own.As("bjorn", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/webhooks").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var byAdmin = await admin.Post("/api/v1/webhooks", new { url = "http://127.0.0.1:1/hook", eventTypes = new[] { "*" } }).Expect(HttpStatusCode.Created);
        var byPortal = await portal.Post("/api/v1/webhooks", new { url = "http://127.0.0.1:1/portal", eventTypes = new[] { "ideaTriaged" } }).Expect(HttpStatusCode.Created);
        var byErp = await erp.Post("/api/v1/webhooks", new { url = "http://127.0.0.1:1/erp", eventTypes = new[] { "decisionMade" } }).Expect(HttpStatusCode.Created);

        var all = await admin.GetAsync("/api/v1/webhooks").Expect(HttpStatusCode.OK);
        var portals = await portal.GetAsync("/api/v1/webhooks").Expect(HttpStatusCode.OK);

        all.GetProperty("items").EnumerateArray().Select(s => s.Str("id")).Should().Equal(byAdmin.Str("id"), byPortal.Str("id"), byErp.Str("id"));
        all.GetProperty("items").EnumerateArray().Should().OnlyContain(s => s.GetProperty("secret").ValueKind == JsonValueKind.Null, "a secret is shown once");
        portals.GetProperty("items").EnumerateArray().Select(s => s.Str("id")).Should().Equal(byPortal.Str("id"));
        await portal.DeleteAsync($"/api/v1/webhooks/{byErp.Str("id")}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
        await portal.DeleteAsync($"/api/v1/webhooks/{byPortal.Str("id")}").Expect(HttpStatusCode.NoContent);
        await admin.DeleteAsync($"/api/v1/webhooks/{byErp.Str("id")}").Expect(HttpStatusCode.NoContent);
        await admin.DeleteAsync($"/api/v1/webhooks/{byErp.Str("id")}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
        (await admin.GetAsync("/api/v1/webhooks").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(s => s.Str("id"))
            .Should().Equal(byAdmin.Str("id"));
    }

    /// <summary>The receiver's check as the README's webhook section shows it, written apart from the service's own signing.</summary>
    private static bool Verify(string secret, string timestamp, string signatureHeader, string body)
    {
        var key = System.Text.Encoding.UTF8.GetBytes(secret);
        var expected = System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return signatureHeader.StartsWith("sha256=", StringComparison.Ordinal)
               && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signatureHeader["sha256=".Length..]));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(50);
        }
    }
}

public sealed class WebhookTestsOnSqlite(SqliteApi api) : WebhookTests(api), IClassFixture<SqliteApi>;

public sealed class WebhookTestsOnPostgres(PostgresApi api) : WebhookTests(api), IClassFixture<PostgresApi>;

public sealed class WebhookTestsOnSqlServer(SqlServerApi api) : WebhookTests(api), IClassFixture<SqlServerApi>;
