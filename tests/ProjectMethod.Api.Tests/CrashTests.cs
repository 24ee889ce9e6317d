using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>Durability: the service is killed during a burst of writes; every write it acknowledged must be there after a restart.</summary>
public abstract class CrashTests(ApiFactory api)
{
    internal sealed record Acknowledged(Guid ProjectId, long Version);

    [ProviderFact]
    public async Task Every_acknowledged_write_survives_a_kill_during_a_burst_and_the_audit_chain_holds()
    {
        using var database = api.Another();
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var decided = new ConcurrentBag<Guid>();
        using (var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 6).Select(i => WriteUntilStopped(service.As($"writer{i}"), acknowledged, stop.Token))
                .Append(DecideUntilStopped(service, decided, stop.Token)).ToList();
            await WaitUntil(() => acknowledged.Count >= 30 && !decided.IsEmpty, TimeSpan.FromSeconds(90));

            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        using var restarted = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString);
        var reader = restarted.As("auditor", GlobalRoles.PortfolioBoard);
        foreach (var write in acknowledged)
        {
            var project = await reader.GetAsync($"/api/v1/projects/{write.ProjectId}").Expect(HttpStatusCode.OK);
            project.GetProperty("version").GetInt64().Should().BeGreaterThanOrEqualTo(write.Version);
        }

        // A decision is never half-written: a project is in concept exactly when its BP1 approval is in its log.
        var everyProject = (await reader.AllPagesAsync("/api/v1/projects?limit=200")).Select(p => p.GetProperty("id").GetGuid()).ToList();

        foreach (var id in everyProject)
        {
            var phase = (await reader.GetAsync($"/api/v1/projects/{id}").Expect(HttpStatusCode.OK)).GetProperty("phase").GetString();
            var log = await reader.GetAsync($"/api/v1/projects/{id}/decisions").Expect(HttpStatusCode.OK);
            var approved = log.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("decision").GetString() == "approve");
            (phase == "concept").Should().Be(approved, $"project {id} is in {phase} with{(approved ? "" : "out")} an approval in its log");
        }

        decided.Should().OnlyContain(id => everyProject.Contains(id));
        var audit = await reader.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK);
        audit.GetProperty("ok").GetBoolean().Should().BeTrue(audit.ToString());
        audit.GetProperty("events").GetInt64().Should().BeGreaterThanOrEqualTo(acknowledged.Count);
    }

    /// <summary>Takes projects through BP1 until stopped: the proposer prepares and asks, the board decides.</summary>
    private static async Task DecideUntilStopped(ServiceProcess service, ConcurrentBag<Guid> decided, CancellationToken stop)
    {
        var (proposer, board) = (service.As("pia"), service.As("bjorn", GlobalRoles.PortfolioBoard));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var proposed = await proposer.PostAsJsonAsync("/api/v1/projects", new { name = "Besluttes", sector = "helse", description = "BP1" }, stop);
                var id = JsonDocument.Parse(await proposed.Content.ReadAsStringAsync(stop)).RootElement.GetProperty("id").GetGuid();
                var url = $"/api/v1/projects/{id}";
                (await proposer.PutAsJsonAsync($"{url}/mandate", new { purpose = "Formål", background = "Bakgrunn" }, stop)).Dispose();
                (await board.PostAsJsonAsync($"{url}/roles", new { role = "executive", userId = "eva", displayName = "Eva" }, stop)).Dispose();
                foreach (var item in new[] { "bp1-need", "bp1-strategy", "bp1-line-task" })
                {
                    (await proposer.PutAsJsonAsync($"{url}/checklist/{item}", new { status = "done" }, stop)).Dispose();
                }

                (await proposer.PostAsJsonAsync($"{url}/gate/requests", new { recommendation = "Ja" }, stop)).Dispose();
                using var decision = await board.PostAsJsonAsync($"{url}/gate/decisions", new { decision = "approve", rationale = "Ja" }, stop);
                if (decision.StatusCode == HttpStatusCode.Created)
                {
                    decided.Add(id);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException
                or KeyNotFoundException or JsonException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    /// <summary>Proposes projects and rewrites their mandates until stopped; records each write the service acknowledged.</summary>
    internal static async Task WriteUntilStopped(HttpClient client, ConcurrentBag<Acknowledged> acknowledged, CancellationToken stop)
    {
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var proposed = await client.PostAsJsonAsync("/api/v1/projects", new { name = $"P{round++}", sector = "helse", description = "Burst" }, stop);
                if (proposed.StatusCode != HttpStatusCode.Created)
                {
                    continue;
                }

                var project = JsonDocument.Parse(await proposed.Content.ReadAsStringAsync(stop)).RootElement;
                var id = project.GetProperty("id").GetGuid();
                acknowledged.Add(new Acknowledged(id, 1));
                using var mandate = await client.PutAsJsonAsync($"/api/v1/projects/{id}/mandate", new { purpose = $"Formål {round}", background = "Bakgrunn" }, stop);
                if (mandate.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(new Acknowledged(id, long.Parse(mandate.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
            {
                // Not acknowledged: the process died under it. Nothing is promised about this one.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    internal static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        condition().Should().BeTrue("the burst should reach its size in time");
    }
}

public sealed class CrashTestsOnSqlite(SqliteApi api) : CrashTests(api), IClassFixture<SqliteApi>;

public sealed class CrashTestsOnPostgres(PostgresApi api) : CrashTests(api), IClassFixture<PostgresApi>;

public sealed class CrashTestsOnSqlServer(SqlServerApi api) : CrashTests(api), IClassFixture<SqlServerApi>;
