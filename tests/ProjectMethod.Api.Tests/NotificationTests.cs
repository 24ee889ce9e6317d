using System.Net;
using System.Text.Json;
using Dapper;
using MimeKit;
using NodaTime;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// People are told when it is their turn, through a real mail server (aiosmtpd as its own process): the right people, once
/// each, in their language, with links to where they act; at once or in the day's digest as each chose; a server that
/// refuses or goes away delays mail without losing it or holding up the API; a crash between commit and send sends once.
/// </summary>
[UsesMailServer]
public abstract class NotificationTests(ApiFactory api)
{
    private const string BaseUrl = "https://prosjekt.kommune.example";

    private static ApiFactory Mailed(SmtpSink sink, ApiFactory host) => host
        .With("Notifications:Smtp:Host", "127.0.0.1").With("Notifications:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Notifications:Smtp:Security", "none").With("Notifications:Smtp:From", "Prosjektkontoret <prosjekt@kommune.example>")
        .With("Notifications:PublicBaseUrl", BaseUrl).With("Notifications:PollInterval", "00:00:00.050").With("Notifications:ReminderInterval", "00:00:00.100")
        .With("Web:DevelopmentSignIn", "true");

    private static async Task<List<JsonElement>> Mine(HttpClient who, string list = "waiting") =>
        (await who.GetAsync("/api/v1/me/notifications").Expect(HttpStatusCode.OK)).GetProperty(list).EnumerateArray().ToList();

    private static async Task Choose(HttpClient who, string kind, string delivery) =>
        await who.Put("/api/v1/me/notification-preferences", new { kinds = new[] { new { kind, delivery } } }).Expect(HttpStatusCode.OK);

    /// <summary>Waits until the person's notifications hold one in this state (and of this topic where given, tried at least this often).</summary>
    private static async Task<JsonElement> Until(HttpClient who, string state, string? topic = null, int attempts = 0)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var all = (await Mine(who)).Concat(await Mine(who, "sent")).ToList();
            if (all.FirstOrDefault(n => n.Str("state") == state && (topic is null || n.Str("topic") == topic) && n.GetProperty("attempts").GetInt32() >= attempts)
                is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No notification {topic} is {state}: {string.Join(", ", all.Select(n => $"{n.Str("topic")} {n.Str("state")}"))}.");
            }

            await Task.Delay(50);
        }
    }

    private static string Text(MimeMessage message) => (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Waits a while longer, and says whether anything more arrived: what is sent is sent once.</summary>
    private static async Task NothingMoreAsync(SmtpSink sink, int count)
    {
        await Task.Delay(1500);
        sink.Received().Should().HaveCount(count, "each notification is sent once");
    }

    [ProviderFact]
    public async Task A_request_for_a_decision_reaches_the_decider_at_once_in_norwegian_once_with_a_link_to_where_they_decide()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = Mailed(sink, api.Another());
        var project = await new Scenario(host).ReadyForBp1Async();

        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Behovet er godt beskrevet" }).Expect(HttpStatusCode.Created);

        var (to, message) = (await sink.WaitForAsync(1)).Single();
        to.Should().Be("bjorn@kommune.example", "the portfolio board decides BP1, and Bjørn signed in as its member");
        message.To.Mailboxes.Single().Name.Should().Be(TestPeople.NameOf("bjorn"));
        message.From.Mailboxes.Single().Address.Should().Be("prosjekt@kommune.example");
        message.Subject.Should().Be("Til beslutning: BP1 i «Digital hjemmetjeneste»");
        message.Body!.Headers[HeaderId.ContentLanguage].Should().Be("nb");
        var text = Text(message);
        text.Should().Contain($"Hei, {TestPeople.NameOf("bjorn")}!")
            .And.Contain("Prosjektet «Digital hjemmetjeneste» ber om beslutning ved BP1, og beslutningen er din.")
            .And.Contain("Du får dette fordi du er medlem av porteføljestyret")
            .And.Contain($"{BaseUrl}/prosjekter/{project.Id}").And.Contain($"{BaseUrl}/varsler");
        message.HtmlBody.Should().Contain($"href=\"{BaseUrl}/prosjekter/{project.Id}\"").And.Contain("lang=\"nb\"");

        var sent = await Until(project.Board, "sent", "gateDecision");
        message.MessageId.Should().Be($"{Guid.Parse(sent.Str("id")):N}@kommune.example", "the Message-Id is the notification's own, the same on every try");
        sent.Str("kind").Should().Be("decisionWaiting");
        sent.Str("delivery").Should().Be("immediate");
        sent.GetProperty("projectName").GetString().Should().Be("Digital hjemmetjeneste");

        // The link opens the page where Bjørn decides.
        using var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var signIn = await browser.GetStringAsync("/logg-inn");
        var token = System.Text.RegularExpressions.Regex.Match(signIn, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        (await browser.PostAsync("/logg-inn", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("userId", "bjorn")]))).EnsureSuccessStatusCode();
        var page = await browser.GetAsync(new Uri(Text(message).Split(BaseUrl)[1].Split('\n')[0].Trim(), UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Digital hjemmetjeneste");

        await NothingMoreAsync(sink, 1);
    }

    private const string Preferences = "/api/v1/me/notification-preferences";

    private static readonly string[] EveryKind =
        ["decisionWaiting", "exceptionRaised", "exceptionReportDue", "productWaiting", "reportDue", "measurementDue", "inputsWaiting", "decisionMade", "ideaAnswered",
            "actionAssigned"];

    private static object Report => new
    {
        cause = "Leverandøren er forsinket",
        consequences = "Fasen blir forsinket",
        options = new[] { new { title = "Forskyv fasen", effect = "Prosjektbegrunnelsen holder; tidstoleransen må økes" } },
        recommendation = "Godkjenn unntaksplan",
    };

    private static object Idea(string title) => new { title, description = "Fortau langs Skoleveien", origin = "employee", sector = "samfunn" };

    private static long Queued(ApiFactory host)
    {
        using var connection = host.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM notifications WHERE state = 'queued' AND delivery = 'immediate'");
    }

    /// <summary>Waits until nothing is left to send at once (the digest's items wait for their hour).</summary>
    private static async Task DrainedAsync(ApiFactory host)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Queued(host) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Queued(host)} notifications are still queued.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the condition holds and then until the mail server has taken nothing more for a while.</summary>
    private static async Task SettledAsync(SmtpSink sink, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The mail server never took what was awaited: "
                    + string.Join("; ", sink.Received().Select(r => $"{r.EnvelopeTo}: {r.Message.Subject}")));
            }

            await Task.Delay(50);
        }

        var count = -1;
        while (count != sink.Received().Count)
        {
            count = sink.Received().Count;
            await Task.Delay(1500);
        }
    }

    private static List<string> Subjects(SmtpSink sink, string userId) => sink.To($"{userId}@kommune.example").Select(m => m.Subject ?? "").ToList();

    [ProviderFact]
    public async Task Each_kind_reaches_the_right_person_once_as_they_chose_and_in_their_language()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = Mailed(sink, api.Another());
        var project = new Scenario(host);
        foreach (var who in new[] { project.Board, project.Executive, project.ProjectManager, project.SeniorUser, project.SeniorSupplier, project.Outsider, project.Proposer })
        {
            await who.Put(Preferences, new { kinds = EveryKind.Select(kind => new { kind, delivery = "immediate" }) }).Expect(HttpStatusCode.OK);
        }

        await project.Executive.Put(Preferences, new { language = "en" }).Expect(HttpStatusCode.OK);
        await Choose(project.SeniorUser, "decisionMade", "none");
        await project.InExecutionAsync();
        var exception = (await project.Forecast(1, time: "2027-04-10")).GetProperty("raisedExceptions").EnumerateArray().Single();
        var url = $"{project.Url}/exceptions/{exception.Str("id")}";
        await project.ProjectManager.Post($"{url}/report", Report).Expect(HttpStatusCode.OK);
        await project.Executive.Post($"{url}/decision", new { decision = "escalate", rationale = "Utenfor min myndighet" }).Expect(HttpStatusCode.OK);
        var idea = await project.Outsider.Post("/api/v1/ideas", Idea("Tryggere skolevei")).Expect(HttpStatusCode.Created);
        await project.Board.Post($"/api/v1/ideas/{idea.Str("id")}/triage", new { decision = "decline", rationale = "Allerede i kommuneplanen" }).Expect(HttpStatusCode.OK);
        await project.Executive.Post($"{project.Url}/actions", new { what = "Avklar driftsavtalen", ownerUserId = "per", dueOn = "2026-06-30" }).Expect(HttpStatusCode.Created);
        await DrainedAsync(host);

        var received = sink.Received();
        received.Select(r => r.Message.MessageId).Should().OnlyHaveUniqueItems();
        received.GroupBy(r => (r.EnvelopeTo, r.Message.Subject)).Should().OnlyContain(g => g.Count() == 1, "each cause reaches each person once");
        Subjects(sink, "bjorn").Should().Contain(["Til beslutning: BP1 i «Digital hjemmetjeneste»", "Til beslutning: BP2 i «Digital hjemmetjeneste»",
            "Avvik til beslutning: tid i «Digital hjemmetjeneste»"]).And.NotContain(s => s.Contains("BP3"), "the Executive decides BP3");
        Subjects(sink, "eva").Should().Contain(["For your decision: BP3 in “Digital hjemmetjeneste”", "Exception raised: time in “Digital hjemmetjeneste”",
            "Exception for your decision: time in “Digital hjemmetjeneste”", "Decision: BP1 approved in “Digital hjemmetjeneste”"])
            .And.NotContain("Decision: BP3 approved in “Digital hjemmetjeneste”", "she made it herself");
        Text(sink.To("eva@kommune.example")[0]).Should().Contain("Hello Eva Eier,");
        Subjects(sink, "per").Should().Contain(["Avviksrapport skal skrives: tid i «Digital hjemmetjeneste»", "Beslutning: BP3 godkjent i «Digital hjemmetjeneste»",
            "Oppfølgingspunkt til deg innen 30. juni 2026: «Avklar driftsavtalen»"]);
        Text(sink.To("per@kommune.example").Single(m => m.Subject!.StartsWith("Oppfølgingspunkt", StringComparison.Ordinal)))
            .Should().Contain("En beslutning i prosjektet «Digital hjemmetjeneste» ga deg et oppfølgingspunkt: «Avklar driftsavtalen».")
            .And.Contain("Du får dette fordi du er ansvarlig for oppfølgingspunktet.").And.Contain($"{BaseUrl}/prosjekter/{project.Id}#oppfolging");
        Subjects(sink, "sven").Should().Contain(["Beslutning: BP3 godkjent i «Digital hjemmetjeneste»"]);
        Subjects(sink, "siri").Should().Contain("Produktbeskrivelse til godkjenning: «Sensorpakke for hjemmeboende»")
            .And.NotContain(s => s.StartsWith("Beslutning", StringComparison.Ordinal), "Siri chose not to be told of decisions by e-mail");
        (await Mine(project.SeniorUser, "sent")).Where(n => n.Str("kind") == "decisionMade").Should().NotBeEmpty()
            .And.OnlyContain(n => n.Str("state") == "notByEmail", "the page still shows what she chose not to get by e-mail");
        Subjects(sink, "nils").Should().Equal("Idéen din er besvart: «Tryggere skolevei»");
        Subjects(sink, "pia").Should().BeEmpty("the proposer holds no role that is told of these");
    }

    [ProviderFact]
    public async Task A_digest_collects_the_days_items_and_goes_at_the_digest_hour()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = Mailed(sink, api.Another());
        var project = await new Scenario(host).ReadyForBp1Async();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Behovet er godt beskrevet" }).Expect(HttpStatusCode.Created);
        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Kriteriene er oppfylt" }).Expect(HttpStatusCode.Created);
        var idea = await project.Executive.Post("/api/v1/ideas", Idea("Bedre brøyting")).Expect(HttpStatusCode.Created);
        await project.Board.Post($"/api/v1/ideas/{idea.Str("id")}/triage", new { decision = "park", rationale = "Tas opp ved neste rullering" }).Expect(HttpStatusCode.OK);
        await sink.WaitForAsync(1);

        var waiting = await Mine(project.Executive);
        waiting.Select(n => n.Str("topic")).Should().BeEquivalentTo(["decisionMade", "ideaAnswered"]);
        waiting.Should().OnlyContain(n => n.Str("delivery") == "digest", "by default only decisions waiting go at once");
        await NothingMoreAsync(sink, 1);

        host.Clock.Advance(Duration.FromDays(1));
        var digest = (await sink.WaitForAsync(2)).Select(r => r.Message).Last();
        digest.To.Mailboxes.Single().Address.Should().Be("eva@kommune.example");
        digest.Subject.Should().Be("Dagens varsler fra Prosjektmetoden: 2");
        Text(digest).Should().Contain("Beslutning: BP1 godkjent i «Digital hjemmetjeneste»").And.Contain("Idéen din er besvart: «Bedre brøyting»")
            .And.Contain($"{BaseUrl}/prosjekter/{project.Id}").And.Contain($"{BaseUrl}/ideer");
        (await Mine(project.Executive)).Should().BeEmpty();
        (await Mine(project.Executive, "sent")).Should().HaveCount(2).And.OnlyContain(n => n.Str("state") == "sent");
        await NothingMoreAsync(sink, 2);
    }

    [ProviderFact]
    public async Task A_mail_server_that_disappears_defers_or_refuses_delays_mail_without_losing_it_or_holding_up_the_api()
    {
        await using var sink = await SmtpSink.StartAsync();
        await sink.StopAsync();
        using var host = Mailed(sink, api.Another());
        var project = await new Scenario(host).ReadyForBp1Async();
        await Choose(project.Executive, "decisionMade", "immediate");
        await Choose(project.Outsider, "ideaAnswered", "immediate");

        // Away: the request is answered, and its notification waits, tried once, for the next try.
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Behovet er godt beskrevet" }).Expect(HttpStatusCode.Created);
        var tried = await Until(project.Board, "queued", "gateDecision", attempts: 1);

        tried.GetProperty("lastError").GetString().Should().NotBeNullOrEmpty();
        await sink.StartAgainAsync();
        host.Clock.Advance(Duration.FromMinutes(2));
        (await sink.WaitForAsync(1)).Single().EnvelopeTo.Should().Be("bjorn@kommune.example");

        // Deferred (451): tried again after its back-off.
        sink.Defer(true);
        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Kriteriene er oppfylt" }).Expect(HttpStatusCode.Created);
        var deferred = await Until(project.Executive, "queued", "decisionMade", attempts: 1);

        deferred.GetProperty("lastError").GetString().Should().StartWith("451");
        sink.Defer(false);
        host.Clock.Advance(Duration.FromMinutes(2));
        (await sink.WaitForAsync(2))[^1].EnvelopeTo.Should().Be("eva@kommune.example");

        // Refused for good (550): marked, never tried again.
        sink.Refuse("nils@kommune.example");
        var idea = await project.Outsider.Post("/api/v1/ideas", Idea("Lys i lysløypa")).Expect(HttpStatusCode.Created);
        await project.Board.Post($"/api/v1/ideas/{idea.Str("id")}/triage", new { decision = "decline", rationale = "Ikke kommunens ansvar" }).Expect(HttpStatusCode.OK);
        var refused = await Until(project.Outsider, "refused", "ideaAnswered");
        refused.GetProperty("attempts").GetInt32().Should().Be(1);
        refused.GetProperty("lastError").GetString().Should().StartWith("550");
        host.Clock.Advance(Duration.FromHours(7));
        await NothingMoreAsync(sink, 2);
        (await Until(project.Outsider, "refused", "ideaAnswered")).GetProperty("attempts").GetInt32().Should().Be(1);
    }

    [ProviderFact]
    public async Task A_crash_between_commit_and_send_sends_the_notification_once_after_the_restart()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var database = api.Another();
        (string, string)[] mail =
        [
            ("Notifications__Smtp__Host", "127.0.0.1"), ("Notifications__Smtp__Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Notifications__Smtp__Security", "none"), ("Notifications__PublicBaseUrl", BaseUrl),
        ];

        // The first instance polls its outbox once an hour: what it commits now is not sent before it is killed.
        string ideaId;
        using (var first = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [.. mail, ("Notifications__PollInterval", "01:00:00")]))
        {
            await TestPeople.SeedAsync(first.As("sync", GlobalRoles.Integrator), first.As("bjorn", GlobalRoles.PortfolioBoard));
            var nils = first.As("nils");
            (await nils.PutAsync(Preferences, JsonContent(new { kinds = new[] { new { kind = "ideaAnswered", delivery = "immediate" } } }))).EnsureSuccessStatusCode();
            using var sent = await nils.PostAsync("/api/v1/ideas", JsonContent(Idea("Benker langs elva")));
            ideaId = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.Str("id");
            using var answered = await first.As("bjorn", GlobalRoles.PortfolioBoard)
                .PostAsync($"/api/v1/ideas/{ideaId}/triage", JsonContent(new { decision = "decline", rationale = "Ikke i årets budsjett" }));
            answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
            first.Kill();
        }

        sink.Received().Should().BeEmpty("the instance died between the commit and the send");
        using var second = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [.. mail, ("Notifications__PollInterval", "00:00:00.100")]);
        var (to, message) = (await sink.WaitForAsync(1)).Single();
        to.Should().Be("nils@kommune.example");
        message.Subject.Should().Be("Idéen din er besvart: «Benker langs elva»");
        await NothingMoreAsync(sink, 1);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [ProviderFact]
    public async Task Co_creation_inputs_unanswered_for_25_days_are_reminded_of_once_and_answered_ones_never()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = Mailed(sink, api.Another());
        var project = await new Scenario(host).ReadyForBp2Async();
        await Choose(project.ProjectManager, "inputsWaiting", "immediate");
        var register = $"{project.Url}/co-creation";
        var group = (await project.ProjectManager.Post($"{register}/groups", new { name = "Pårørende", kind = "nextOfKin", hardToReach = false })
            .Expect(HttpStatusCode.Created)).Str("id");
        async Task<string> Said(string date, string text)
        {
            var activity = (await project.ProjectManager.Post($"{register}/activities", new
            {
                date, kind = "workshop", phase = "concept", level = "consult", summary = "Verksted om ny hjemmetjeneste",
                groups = new[] { new { groupId = group, participants = 4 } },
            }).Expect(HttpStatusCode.Created)).Str("id");
            return (await project.ProjectManager.Post($"{register}/activities/{activity}/inputs", new { text, groupId = group }).Expect(HttpStatusCode.Created)).Str("id");
        }

        // Said 26 days ago and not answered: reminded of now. Said today and answered at once: never.
        await Said("2026-02-04", "Vi vil ha varsel på SMS når noe skjer med mor");
        var answered = await Said("2026-03-02", "Tjenesten må fungere uten smarttelefon");
        await project.ProjectManager.Post($"{register}/inputs/{answered}/response", new { outcome = "adopted", explanation = "Basestasjonen ringer fasttelefon" })
            .Expect(HttpStatusCode.OK);

        await SettledAsync(sink, () => Subjects(sink, "per").Any(s => s.StartsWith("Innspill venter", StringComparison.Ordinal)));
        var reminder = sink.To("per@kommune.example").Single(m => m.Subject!.StartsWith("Innspill venter", StringComparison.Ordinal));
        reminder.Subject.Should().Be("Innspill venter på svar: «Digital hjemmetjeneste»");
        Text(reminder).Should().Contain("«Vi vil ha varsel på SMS når noe skjer med mor»").And.Contain("6. mars 2026")
            .And.Contain($"{BaseUrl}/prosjekter/{project.Id}/samskaping");

        host.Clock.Advance(Duration.FromDays(30));
        await SettledAsync(sink, () => true);
        Subjects(sink, "per").Count(s => s.StartsWith("Innspill venter", StringComparison.Ordinal)).Should().Be(1, "the answered input is never reminded of, the other once");
    }

    [ProviderFact]
    public async Task Reminders_go_as_many_days_ahead_as_the_handbook_says_and_once_though_two_instances_compute_them()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var one = Mailed(sink, api.Another());
        var office = one.As("bjorn", GlobalRoles.PortfolioBoard);
        var sector = await one.NewSectorAsync("varsling");
        var draft = $"/api/v1/handbooks/{sector}/drafts/current";
        await office.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        object Body(int reminderDaysAhead) => new { name = "Varsling", dimensions = new[] { "time", "cost", "quality", "scope", "risk", "benefit" }, reminderDaysAhead };
        await office.Put(draft, Body(0)).Expect(HttpStatusCode.OK);
        (await office.Post($"{draft}/publish", new { }).ExpectProblem(HttpStatusCode.Conflict, "handbook-invalid")).GetRawText().Should().Contain("reminderDaysAhead");
        await office.Put(draft, Body(3)).Expect(HttpStatusCode.OK);
        (await office.Post($"{draft}/publish", new { }).Expect(HttpStatusCode.OK)).GetProperty("reminderDaysAhead").GetInt32().Should().Be(3);

        var project = await new Scenario(one, sector).InExecutionAsync();
        using var two = Mailed(sink, one.SameDatabase());
        two.Clock.Reset(one.Clock.GetCurrentInstant());
        _ = two.CreateClient();
        await Choose(project.ProjectManager, "reportDue", "immediate");
        await Choose(project.BenefitOwner, "measurementDue", "immediate");
        await DrainedAsync(one);

        // The stage began today: its first highlight report is due in 30 days, and the handbook reminds 3 days ahead — not yet at 24.
        one.Clock.Advance(Duration.FromDays(24));
        two.Clock.Advance(Duration.FromDays(24));
        await SettledAsync(sink, () => sink.To("eva@kommune.example").Any(m => m.Subject!.StartsWith("Dagens varsler", StringComparison.Ordinal)));
        Subjects(sink, "per").Should().NotContain(s => s.StartsWith("Statusrapport", StringComparison.Ordinal));
        Subjects(sink, "bo").Should().NotContain(s => s.StartsWith("Gevinstmåling", StringComparison.Ordinal));

        one.Clock.Advance(Duration.FromDays(3));
        two.Clock.Advance(Duration.FromDays(3));
        await SettledAsync(sink, () => Subjects(sink, "per").Any(s => s.StartsWith("Statusrapport forfaller", StringComparison.Ordinal)));
        var due = one.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).Date;
        Subjects(sink, "per").Should().ContainSingle(s => s.StartsWith("Statusrapport forfaller", StringComparison.Ordinal))
            .Which.Should().Be($"Statusrapport forfaller {ProjectMethod.Api.Infrastructure.Documents.PaperTexts.Bokmal.LongDate(due.PlusDays(3))}: «Digital hjemmetjeneste»");
        Subjects(sink, "bo").Should().ContainSingle(s => s.StartsWith("Gevinstmåling forfaller", StringComparison.Ordinal))
            .Which.Should().EndWith(": «Færre timer til manuell oppfølging»");

        // Overdue: one more each, however many instances look.
        one.Clock.Advance(Duration.FromDays(5));
        two.Clock.Advance(Duration.FromDays(5));
        await SettledAsync(sink, () => Subjects(sink, "per").Any(s => s.StartsWith("Statusrapport på overtid", StringComparison.Ordinal)));
        Subjects(sink, "per").Should().ContainSingle(s => s.StartsWith("Statusrapport på overtid", StringComparison.Ordinal));
        Subjects(sink, "per").Should().ContainSingle(s => s.StartsWith("Statusrapport forfaller", StringComparison.Ordinal));
        sink.Received().Where(r => !r.Message.Subject!.StartsWith("Dagens varsler", StringComparison.Ordinal)).GroupBy(r => (r.EnvelopeTo, r.Message.Subject)).Should().OnlyContain(g => g.Count() == 1);
    }
}

public sealed class NotificationTestsOnSqlite(SqliteApi api) : NotificationTests(api), IClassFixture<SqliteApi>;

public sealed class NotificationTestsOnPostgres(PostgresApi api) : NotificationTests(api), IClassFixture<PostgresApi>;
