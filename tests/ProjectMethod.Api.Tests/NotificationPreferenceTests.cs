using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// Each person's choices of how they are told, their calendar feed behind a secret address, and what happens where no
/// mail server is configured (the embedded default): notifications are recorded and shown, nothing is sent.
/// </summary>
public abstract class NotificationPreferenceTests(ApiFactory api)
{
    private const string Preferences = "/api/v1/me/notification-preferences";
    private const string BaseUrl = "https://prosjekt.kommune.example";

    private static Dictionary<string, string> Kinds(JsonElement preferences) =>
        preferences.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.Str("kind"), k => k.Str("delivery"));

    [ProviderFact]
    public async Task Preferences_default_to_decisions_at_once_and_the_rest_in_the_digest_and_a_bad_choice_changes_nothing()
    {
        using var host = api.Another();
        var per = host.As("per");

        var defaults = await per.GetAsync(Preferences).Expect(HttpStatusCode.OK);
        Kinds(defaults).Should().HaveCount(10).And.Contain("decisionWaiting", "immediate").And.Contain("actionAssigned", "digest");
        Kinds(defaults).Where(k => k.Key != "decisionWaiting").Should().OnlyContain(k => k.Value == "digest");
        defaults.Str("language").Should().Be("nb");
        defaults.GetProperty("digestHour").GetInt32().Should().Be(7);
        defaults.GetProperty("mailConfigured").GetBoolean().Should().BeFalse();
        defaults.GetProperty("calendarFeed").GetBoolean().Should().BeFalse();

        var twice = new { kinds = new[] { new { kind = "reportDue", delivery = "none" }, new { kind = "reportDue", delivery = "immediate" } } };
        (await per.Put(Preferences, twice).ExpectProblem(HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("kinds", out _).Should().BeTrue();
        (await per.Put(Preferences, new { language = "de" }).ExpectProblem(HttpStatusCode.BadRequest, "validation"))
            .GetProperty("errors").TryGetProperty("language", out _).Should().BeTrue();
        await per.Put(Preferences, new { }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await host.SendingInvalidBodiesAs("per").Put(Preferences, new { kinds = new[] { new { kind = "everything", delivery = "immediate" } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");
        Kinds(await per.GetAsync(Preferences).Expect(HttpStatusCode.OK)).Should().Equal(Kinds(defaults), "a refused choice changes nothing");

        var chosen = await per.Put(Preferences, new { kinds = new[] { new { kind = "reportDue", delivery = "immediate" }, new { kind = "decisionWaiting", delivery = "digest" } }, language = "en" })
            .Expect(HttpStatusCode.OK);
        Kinds(chosen).Should().Contain("reportDue", "immediate").And.Contain("decisionWaiting", "digest").And.Contain("measurementDue", "digest");
        chosen.Str("language").Should().Be("en");
        Kinds(await host.As("eva").GetAsync(Preferences).Expect(HttpStatusCode.OK)).Should().Equal(Kinds(defaults), "each person chooses for themselves");
    }

    [ProviderFact]
    public async Task Without_a_mail_server_notifications_are_recorded_and_shown_and_nothing_is_sent()
    {
        using var host = api.Another();
        var project = await new Scenario(host).ReadyForBp1Async();

        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Behovet er godt beskrevet" }).Expect(HttpStatusCode.Created);
        await Task.Delay(500);

        var mine = await project.Board.GetAsync("/api/v1/me/notifications").Expect(HttpStatusCode.OK);
        var waiting = mine.GetProperty("waiting").EnumerateArray().Single();
        waiting.Str("topic").Should().Be("gateDecision");
        waiting.Str("reason").Should().Be("portfolioBoard");
        waiting.Str("subject").Should().Be("bp1");
        waiting.Str("link").Should().Be($"/prosjekter/{project.Id}");
        waiting.Str("state").Should().Be("queued");
        waiting.GetProperty("attempts").GetInt32().Should().Be(0, "nothing tries to send without a mail server");
        mine.GetProperty("sent").EnumerateArray().Should().BeEmpty();
        (await project.Proposer.GetAsync("/api/v1/me/notifications").Expect(HttpStatusCode.OK)).GetProperty("waiting").EnumerateArray()
            .Should().BeEmpty("who asked is not told of their own request");
    }

    [ProviderFact]
    public async Task The_calendar_feed_behind_a_secret_address_holds_stage_ends_and_due_dates_and_parses_as_rfc_5545()
    {
        using var host = api.Another().With("Notifications:PublicBaseUrl", BaseUrl);
        var project = await new Scenario(host).InExecutionAsync();

        var feed = await project.ProjectManager.Post("/api/v1/me/calendar-feed", new { }).Expect(HttpStatusCode.Created);
        var url = new Uri(feed.Str("url"));
        url.GetLeftPart(UriPartial.Authority).Should().Be(BaseUrl);
        url.AbsolutePath.Should().MatchRegex("^/kalender/[A-Za-z0-9_-]{43}\\.ics$");
        (await project.ProjectManager.GetAsync("/api/v1/me/notification-preferences").Expect(HttpStatusCode.OK)).GetProperty("calendarFeed").GetBoolean().Should().BeTrue();

        using var calendarProgram = host.CreateClient();
        using var response = await calendarProgram.GetAsync(url.AbsolutePath);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "a calendar program signs in to nothing: the secret is the key");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n");
        text.Split("\r\n").Should().OnlyContain(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75 || line.StartsWith(' '), "RFC 5545 folds lines at 75 octets");

        var calendar = Ical.Net.Calendar.Load(text)!;
        calendar.Events.Should().OnlyContain(e => !string.IsNullOrEmpty(e.Uid) && e.DtStamp != null && e.Start!.HasTime == false && e.Url!.ToString().StartsWith(BaseUrl));
        var stageEnd = calendar.Events.Single(e => e.Summary == "Planlagt slutt på fase 1: «Digital hjemmetjeneste»");
        (stageEnd.Start!.Year, stageEnd.Start.Month, stageEnd.Start.Day).Should().Be((2027, 3, 31));
        stageEnd.Url!.ToString().Should().Be($"{BaseUrl}/prosjekter/{project.Id}");
        var report = calendar.Events.Single(e => e.Summary!.StartsWith("Statusrapport forfaller", StringComparison.Ordinal));
        (report.Start!.Year, report.Start.Month, report.Start.Day).Should().Be((2026, 4, 1), "the stage began on 2 March, and reports come every 30 days");
        report.Url!.ToString().Should().Be($"{BaseUrl}/prosjekter/{project.Id}/status");
        calendar.Events.Should().NotContain(e => e.Summary!.StartsWith("Gevinstmåling", StringComparison.Ordinal), "Per owns no benefit");

        var renewed = await project.ProjectManager.Post("/api/v1/me/calendar-feed", new { }).Expect(HttpStatusCode.Created);
        renewed.Str("url").Should().NotBe(feed.Str("url"));
        (await calendarProgram.GetAsync(url.AbsolutePath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a new address stops the old");
        (await calendarProgram.GetAsync(new Uri(renewed.Str("url")).AbsolutePath)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await calendarProgram.GetAsync("/kalender/gjetting.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var bo = await project.BenefitOwner.Post("/api/v1/me/calendar-feed", new { }).Expect(HttpStatusCode.Created);
        var hers = Ical.Net.Calendar.Load(await calendarProgram.GetStringAsync(new Uri(bo.Str("url")).AbsolutePath))!;
        hers.Events.Should().Contain(e => e.Summary!.StartsWith("Gevinstmåling forfaller", StringComparison.Ordinal) && e.Summary.EndsWith("«Færre timer til manuell oppfølging»"));
        hers.Events.Should().NotContain(e => e.Summary!.StartsWith("Statusrapport", StringComparison.Ordinal), "Bo is no Project Manager");
    }
}

public sealed class NotificationPreferenceTestsOnSqlite(SqliteApi api) : NotificationPreferenceTests(api), IClassFixture<SqliteApi>;

public sealed class NotificationPreferenceTestsOnPostgres(PostgresApi api) : NotificationPreferenceTests(api), IClassFixture<PostgresApi>;
