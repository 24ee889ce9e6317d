using System.Net;
using Dapper;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>Each test tampers with the audit trail of a database of its own.</summary>
public abstract class AuditTests(ApiFactory fixture)
{
    private async Task<(ApiFactory Api, HttpClient Verifier)> WithHistoryAsync()
    {
        var api = fixture.Another();
        await new Scenario(api).InConceptAsync();
        return (api, api.As("bjorn", GlobalRoles.PortfolioBoard));
    }

    private static async Task<System.Text.Json.JsonElement> Verify(HttpClient verifier) =>
        await verifier.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);

    [ProviderFact]
    public async Task An_untouched_chain_verifies()
    {
        var (api, verifier) = await WithHistoryAsync();
        using var _ = api;

        var result = await Verify(verifier);

        result.GetProperty("ok").GetBoolean().Should().BeTrue();
        result.GetProperty("events").GetInt64().Should().BeGreaterThan(5);
        result.Str("head").Should().MatchRegex("^[0-9a-f]{64}$");
        result.GetProperty("firstBrokenSequence").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [ProviderFact]
    public async Task An_edited_event_is_detected()
    {
        var (api, verifier) = await WithHistoryAsync();
        using var _ = api;
        using (var connection = api.OpenDatabase())
        {
            await connection.ExecuteAsync("UPDATE audit_events SET actor = 'mallory' WHERE sequence = 3");
        }

        var result = await Verify(verifier);

        result.GetProperty("ok").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBrokenSequence").GetInt64().Should().Be(3);
    }

    [ProviderFact]
    public async Task A_deleted_event_is_detected()
    {
        var (api, verifier) = await WithHistoryAsync();
        using var _ = api;
        using (var connection = api.OpenDatabase())
        {
            await connection.ExecuteAsync("DELETE FROM audit_events WHERE sequence = 4");
        }

        var result = await Verify(verifier);

        result.GetProperty("ok").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBrokenSequence").GetInt64().Should().Be(4);
    }

    [ProviderFact]
    public async Task Reordered_events_are_detected()
    {
        var (api, verifier) = await WithHistoryAsync();
        using var _ = api;
        using (var connection = api.OpenDatabase())
        {
            await connection.ExecuteAsync("UPDATE audit_events SET sequence = -5 WHERE sequence = 5");
            await connection.ExecuteAsync("UPDATE audit_events SET sequence = 5 WHERE sequence = 6");
            await connection.ExecuteAsync("UPDATE audit_events SET sequence = 6 WHERE sequence = -5");
        }

        var result = await Verify(verifier);

        result.GetProperty("ok").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBrokenSequence").GetInt64().Should().Be(5);
    }

    [ProviderFact]
    public async Task Losing_the_newest_events_is_detected()
    {
        var (api, verifier) = await WithHistoryAsync();
        using var _ = api;
        long events;
        using (var connection = api.OpenDatabase())
        {
            events = await connection.ExecuteScalarAsync<long>("SELECT MAX(sequence) FROM audit_events");
            // The newest transaction lost whole: its event, and the archive entry it queued with it.
            await connection.ExecuteAsync("DELETE FROM archive_records WHERE event_sequence = @events", new { events });
            await connection.ExecuteAsync("DELETE FROM audit_events WHERE sequence = @events", new { events });
        }

        var result = await Verify(verifier);

        result.GetProperty("ok").GetBoolean().Should().BeFalse();
        result.GetProperty("firstBrokenSequence").GetInt64().Should().Be(events);
    }

    [ProviderFact]
    public async Task Only_the_portfolio_board_and_admins_verify()
    {
        await fixture.As("ola").GetAsync("/api/v1/audit/verify").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await fixture.As("ola", GlobalRoles.Integrator).GetAsync("/api/v1/audit/verify").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await fixture.As("ada", GlobalRoles.Admin).GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
    }
}

public sealed class AuditTestsOnSqlite(SqliteApi api) : AuditTests(api), IClassFixture<SqliteApi>;

public sealed class AuditTestsOnPostgres(PostgresApi api) : AuditTests(api), IClassFixture<PostgresApi>;

public sealed class AuditTestsOnSqlServer(SqlServerApi api) : AuditTests(api), IClassFixture<SqlServerApi>;
