using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Archive;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;
using static ProjectMethod.Api.Tests.Infrastructure.ArchiveReceiver;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// Decisions and reports reach the municipality's archive through the outbox: exactly once per record, in messages KS's
/// schemas accept, with the PDF whose SHA-256 the audit chain holds, and the archive's numbers come back — across the
/// archive's failures, its refusals and a restart of the service, over HTTP and through a folder.
/// </summary>
public abstract class ArchiveDeliveryTests(ApiFactory api)
{
    private const string Token = "arkiv-test-token";

    private ApiFactory Archived(ArchiveReceiver receiver, ApiFactory? over = null) => (over ?? api.Another())
        .With("Archive:Transport", "http").With("Archive:Url", receiver.Url.ToString()).With("Archive:Token", Token)
        .With("Archive:PollInterval", "00:00:00.100");

    private static async Task<JsonElement> ArchiveOf(Scenario project) => await project.Outsider.GetAsync($"{project.Url}/archive").Expect(HttpStatusCode.OK);

    /// <summary>Waits until every record of the project is in the state, and returns them.</summary>
    private static async Task<List<JsonElement>> Until(Scenario project, string state, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var items = (await ArchiveOf(project)).GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= count && items.All(i => i.Str("state") == state))
            {
                return items;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The archive records are {string.Join(", ", items.Select(i => i.Str("state")))}, not {state}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the project's single record has been tried this many times, and returns it.</summary>
    private static async Task<JsonElement> Attempted(Scenario project, int attempts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var record = (await ArchiveOf(project)).GetProperty("items").EnumerateArray().Single();
            if (record.GetProperty("attempts").GetInt32() >= attempts || DateTime.UtcNow > deadline)
            {
                record.GetProperty("attempts").GetInt32().Should().Be(attempts);
                return record;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<string> DecideBp1(Scenario project, object? decision = null)
    {
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Behovet er godt beskrevet" }).Expect(HttpStatusCode.Created);
        var made = await project.Board.Post($"{project.Url}/gate/decisions", decision ?? new { decision = "approve", rationale = "Kriteriene er oppfylt" })
            .Expect(HttpStatusCode.Created);
        return made.GetProperty("decision").Str("id");
    }

    private static List<string> Payloads(ApiFactory host, string type)
    {
        using var connection = host.OpenDatabase();
        return connection.Query<string>("SELECT payload FROM audit_events WHERE type = @type ORDER BY sequence", new { type }).ToList();
    }

    [ProviderFact]
    public async Task A_decision_reaches_the_archive_once_with_its_pdf_and_its_numbers_come_back_to_the_decision_and_the_events()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        using var host = Archived(receiver);
        var project = await new Scenario(host).ReadyForBp1Async();
        var decisionId = await DecideBp1(project);

        var records = await Until(project, "receipted");
        var arrival = await receiver.WaitForAsync(a => a.RecordId == Guid.Parse(decisionId));
        receiver.Broken.Should().BeEmpty();
        arrival.WithCaseFile.Should().BeTrue("the archive does not know the project's case file yet");
        arrival.CaseKey.Should().Be(project.Id);
        arrival.IdempotencyKey.Should().Be(decisionId);
        arrival.Authorization.Should().Be($"Bearer {Token}");
        XNamespace ns = ArchiveDocuments.Opprett;
        var registration = arrival.Message.Root!.Element(ns + "registrering")!;
        registration.Element(ns + "tittel")!.Value.Should().Be("Digital hjemmetjeneste: BP1 godkjent (Forslag → Konsept)");
        registration.Element(ns + "forfatter")!.Value.Should().Be(TestPeople.NameOf("bjorn"));
        registration.Element(ns + "journalposttype")!.Element(ArchiveDocuments.Catalogue + "kode")!.Value.Should().Be("N");
        arrival.Message.Root.Element(ns + "mappe")!.Element(ns + "tittel")!.Value.Should().Be("Digital hjemmetjeneste");
        using (var pdf = new Poppler.Pdf(arrival.Pdf))
        {
            pdf.Text().Should().Contain("Kriteriene er oppfylt").And.Contain(TestPeople.NameOf("bjorn"));
        }

        var record = records.Single();
        record.Str("id").Should().Be(decisionId);
        record.Str("kind").Should().Be("gateDecision");
        record.Str("journalNumber").Should().Be("2026/101");
        record.Str("caseNumber").Should().Be("2026/11");
        record.Str("sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(arrival.Pdf)));
        (await ArchiveOf(project)).Str("caseNumber").Should().Be("2026/11");
        (await project.Outsider.GetAsync($"{project.Url}/decisions/{decisionId}").Expect(HttpStatusCode.OK)).Str("journalNumber").Should().Be("2026/101");

        var issued = Payloads(host, "archiveDocumentIssued").Select(p => JsonDocument.Parse(p).RootElement).Should().ContainSingle().Subject;
        issued.Str("sha256").Should().Be(record.Str("sha256"), "the audit chain holds the checksum of the very bytes the archive got");
        var receipted = Payloads(host, "archiveRecordReceipted").Select(p => JsonDocument.Parse(p).RootElement).Should().ContainSingle().Subject;
        (receipted.Str("recordId"), receipted.Str("caseNumber"), receipted.Str("journalNumber")).Should().Be((decisionId, "2026/11", "2026/101"));

        await Task.Delay(500);
        receiver.Received.Should().ContainSingle("a receipted record is never sent again");

        // The archive's copy, checked against the audit chain: as it came, and with one byte changed.
        var copy = Path.Combine(Path.GetTempPath(), $"arkivert-{Guid.NewGuid():N}.pdf");
        try
        {
            string[] database = ["--Storage:Provider", host.Provider, "--ConnectionStrings:ProjectMethod", host.ConnectionString];
            await File.WriteAllBytesAsync(copy, arrival.Pdf);
            var verified = await ServiceProcess.RunAsync(["verify-document", copy, .. database]);
            verified.ExitCode.Should().Be(0, verified.Output);
            verified.Output.Should().Contain($"gateDecision record {decisionId} of project {project.Id}").And.Contain("verified");
            var changed = arrival.Pdf.ToArray();
            changed[changed.Length / 2] ^= 0x20;
            await File.WriteAllBytesAsync(copy, changed);
            var refused = await ServiceProcess.RunAsync(["verify-document", copy, .. database]);
            refused.ExitCode.Should().Be(1, refused.Output);
            refused.Output.Should().Contain("NOT verified");
        }
        finally
        {
            File.Delete(copy);
        }
        (await host.As("bjorn", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK)).GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [ProviderFact]
    public async Task Every_decision_and_report_of_a_projects_life_an_ideas_answer_and_a_handbooks_publication_are_journaled_once_each()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        using var host = Archived(receiver);
        var project = await new Scenario(host) { BeforeBp4 = p => p.Forecast(1) }.InRealisationAsync();
        var idea = await host.As("ola").Post("/api/v1/ideas", new { title = "Tryggere skolevei", description = "Fortau langs Skoleveien", origin = "employee", sector = "samfunn" })
            .Expect(HttpStatusCode.Created);
        await project.Board.Post($"/api/v1/ideas/{idea.Str("id")}/triage", new { decision = "decline", rationale = "Allerede foreslått som prosjekt" })
            .Expect(HttpStatusCode.OK);
        var sector = await host.NewSectorAsync();
        await project.Board.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        await project.Board.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);

        var records = await Until(project, "receipted", count: 8);
        records.Select(r => r.Str("kind")).Should().BeEquivalentTo(
            ["gateDecision", "gateDecision", "gateDecision", "gateDecision", "gateDecision", "statusReport", "endReport", "lessonsReport"]);
        records.Select(r => r.Str("caseNumber")).Distinct().Should().ContainSingle("one project, one case file");
        await WaitFor(() => receiver.Journaled == 10);
        await Task.Delay(300);
        receiver.Journaled.Should().Be(10);
        receiver.Received.Should().HaveCount(10, "each record is sent once when the archive takes it at once");
        receiver.Broken.Should().BeEmpty();

        XNamespace ns = ArchiveDocuments.Opprett;
        string TypeOf(Arrival a) => a.Message.Root!.Element(ns + "registrering")!.Element(ns + "journalposttype")!.Element(ArchiveDocuments.Catalogue + "kode")!.Value;
        string TitleOf(Arrival a) => a.Message.Root!.Element(ns + "registrering")!.Element(ns + "tittel")!.Value;
        var reports = records.Where(r => r.Str("kind") is "statusReport" or "endReport" or "lessonsReport").Select(r => Guid.Parse(r.Str("id"))).ToHashSet();
        receiver.Received.Where(a => reports.Contains(a.RecordId)).Select(TypeOf).Should().OnlyContain(t => t == "X", "a report needs no follow-up");
        receiver.Received.Where(a => !reports.Contains(a.RecordId)).Select(TypeOf).Should().OnlyContain(t => t == "N");
        var answer = receiver.Received.Single(a => TitleOf(a).StartsWith("Svar på idé", StringComparison.Ordinal));
        answer.CaseKey.Should().Be(Guid.Parse(idea.Str("id")), "an idea that became no project is a case file of its own");
        TitleOf(answer).Should().Be("Svar på idé: Tryggere skolevei");
        var publication = receiver.Received.Single(a => TitleOf(a).StartsWith("Publisering av prosjekthåndbok", StringComparison.Ordinal));
        publication.CaseKey.Should().Be(ArchiveOutbox.HandbookCase(sector));
        using var endReport = new Poppler.Pdf(receiver.Received.Single(a => TitleOf(a) == "Sluttrapport: Digital hjemmetjeneste").Pdf);
        endReport.Text().Should().Contain("Levert innenfor rammene");
    }

    [ProviderFact]
    public async Task A_sectors_handbook_decides_whether_a_kind_of_record_is_journaled_as_n_or_x()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        using var host = Archived(receiver);
        var office = host.As("bjorn", GlobalRoles.PortfolioBoard);
        var sector = await host.NewSectorAsync("arkiv");
        var draft = $"/api/v1/handbooks/{sector}/drafts/current";
        await office.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        object Body(object journalTypes) => new { name = "Arkivtilpasset", dimensions = new[] { "time", "cost", "quality", "scope", "risk", "benefit" }, journalTypes };
        await office.Put(draft, Body(new { gateDecision = "Q" })).Expect(HttpStatusCode.OK);
        var refused = await office.Post($"{draft}/publish", new { }).ExpectProblem(HttpStatusCode.Conflict, "handbook-invalid");
        refused.GetRawText().Should().Contain("journalTypes");
        await office.Put(draft, Body(new { gateDecision = "X" })).Expect(HttpStatusCode.OK);
        var published = await office.Post($"{draft}/publish", new { }).Expect(HttpStatusCode.OK);
        published.GetProperty("journalTypes").Str("gateDecision").Should().Be("X");
        published.GetProperty("journalTypes").Str("exceptionDecision").Should().Be("N", "a kind left out keeps the method's default");

        var project = await new Scenario(host, sector).ReadyForBp1Async();
        var decisionId = await DecideBp1(project);
        await Until(project, "receipted");
        var registration = receiver.Received.Single(a => a.RecordId == Guid.Parse(decisionId)).Message.Root!.Element(ArchiveDocuments.Opprett + "registrering")!;
        registration.Element(ArchiveDocuments.Opprett + "journalposttype")!.Element(ArchiveDocuments.Catalogue + "kode")!.Value.Should().Be("X");
        receiver.Broken.Should().BeEmpty();
    }

    [ProviderFact]
    public async Task Each_decision_on_an_exception_is_an_entry_of_its_own_with_the_exception_report_on_paper()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        using var host = Archived(receiver);
        var project = await new Scenario(host).InExecutionAsync();
        var forecast = await project.Forecast(1, time: "2027-04-10");
        var exception = forecast.GetProperty("raisedExceptions")[0].Str("id");
        var url = $"{project.Url}/exceptions/{exception}";
        await project.ProjectManager.Post($"{url}/report", new
        {
            cause = "Leverandøren er forsinket",
            consequences = "Fasen blir ti dager forsinket",
            options = new[] { new { title = "Utsett fasens slutt", effect = "Prosjektbegrunnelsen holder" } },
            recommendation = "Eskaler til virksomhetsledelsen",
        }).Expect(HttpStatusCode.OK);
        await project.Executive.Post($"{url}/decision", new { decision = "escalate", rationale = "Utenfor min myndighet" }).Expect(HttpStatusCode.OK);
        await project.Board.Post($"{url}/decision", new
        {
            decision = "adjustTolerances", rationale = "Ti dager er akseptabelt", tolerances = Scenario.StageTolerances, exemption = "offl23",
            publicTitle = "Digital hjemmetjeneste: avvik på tid",
        }).Expect(HttpStatusCode.OK);

        var records = await Until(project, "receipted", count: 6);
        var decisions = records.Where(r => r.Str("kind") == "exceptionDecision").ToList();
        decisions.Should().HaveCount(2).And.OnlyContain(r => r.Str("subject") == exception);
        decisions.Select(r => r.Str("journalNumber")).Distinct().Should().HaveCount(2, "each decision is a journal entry of its own");
        var first = receiver.Received.Single(a => a.RecordId == Guid.Parse(decisions[0].Str("id")));
        using var pdf = new Poppler.Pdf(first.Pdf);
        pdf.Text().Should().Contain("Leverandøren er forsinket").And.Contain("Utenfor min myndighet").And.Contain("10. april 2027").And.Contain("10 dager");
        pdf.Picture("unntak-eskalert");
        receiver.Broken.Should().BeEmpty();

        // The board exempted the exception with its decision: its archive entry says so, and the public no longer reads its content.
        var entries = decisions.Select(d => receiver.Received.Single(a => a.RecordId == Guid.Parse(d.Str("id"))).Message.Root!.Element(ArchiveDocuments.Opprett + "registrering")!).ToList();
        var exempt = entries.Should().ContainSingle(e => e.Element(ArchiveDocuments.Opprett + "skjerming") != null, "the escalation was public; the board's decision is not").Subject;
        exempt.Element(ArchiveDocuments.Opprett + "skjerming")!.Element(ArchiveDocuments.Opprett + "skjermingshjemmel")!.Value.Should().Be("Offl. § 23");
        exempt.Element(ArchiveDocuments.Opprett + "offentligTittel")!.Value.Should().Be("Digital hjemmetjeneste: avvik på tid");
        var seen = await project.Outsider.GetAsync(url).Expect(HttpStatusCode.OK);
        (seen.GetProperty("contentWithheld").GetBoolean(), seen.GetProperty("exceptionReport").ValueKind, seen.GetProperty("rationale").ValueKind)
            .Should().Be((true, JsonValueKind.Null, JsonValueKind.Null));
        (await project.Outsider.GetAsync($"{project.Url}/exceptions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(e => e.Str("id") == exception).GetProperty("contentWithheld").GetBoolean().Should().BeTrue();
        var whole = await project.ProjectManager.GetAsync(url).Expect(HttpStatusCode.OK);
        (whole.GetProperty("contentWithheld").GetBoolean(), whole.Str("rationale")).Should().Be((false, "Ti dager er akseptabelt"));
        using var printed = new HttpRequestMessage(HttpMethod.Get, url);
        printed.Headers.Accept.ParseAdd("application/pdf");
        using var answer = await project.Outsider.SendAsync(printed);
        using var outsiders = new Poppler.Pdf(await answer.Content.ReadAsByteArrayAsync());
        outsiders.Text().Should().Contain("Unntatt offentlighet").And.Contain("offl. § 23").And.NotContain("Leverandøren er forsinket").And.NotContain("Ti dager");
    }

    [ProviderFact]
    public async Task An_archive_that_fails_is_tried_again_with_back_off_the_same_record_and_bytes_and_journals_it_once()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        receiver.Failures.Enqueue(503);
        receiver.Failures.Enqueue(500);
        using var host = Archived(receiver);
        var project = await new Scenario(host).ReadyForBp1Async();
        var decisionId = await DecideBp1(project);

        var failed = await Attempted(project, 1);
        await Task.Delay(300);
        receiver.Received.Should().ContainSingle("the outbox waits for its back-off before trying again");
        failed.Str("state").Should().Be("queued");
        failed.Str("lastError").Should().Contain("503");

        // Each pause is waited out only once the try before it is recorded: the back-off counts from then.
        host.Clock.Advance(Duration.FromMinutes(1));
        (await Attempted(project, 2)).Str("lastError").Should().Contain("500");
        host.Clock.Advance(Duration.FromMinutes(2));
        var receipted = (await Until(project, "receipted")).Single();

        receipted.GetProperty("attempts").GetInt32().Should().Be(3);
        receiver.Received.Should().HaveCount(3);
        receiver.Received.Select(a => a.RecordId.ToString()).Should().OnlyContain(id => id == decisionId);
        receiver.Received.Select(a => Convert.ToHexStringLower(SHA256.HashData(a.Pdf))).Distinct().Should().ContainSingle("every try sends the PDF issued once");
        receiver.Journaled.Should().Be(1);
        Payloads(host, "archiveDocumentIssued").Should().ContainSingle();
        receiver.Broken.Should().BeEmpty();
    }

    [ProviderFact]
    public async Task Without_an_archive_records_wait_queued_and_go_once_one_is_configured_after_a_restart()
    {
        using var database = api.Another();
        await using var receiver = await ArchiveReceiver.StartAsync();
        Guid projectId;
        string decisionId;
        using (var first = database.SameDatabase())
        {
            var project = await new Scenario(first).ReadyForBp1Async();
            projectId = project.Id;
            decisionId = await DecideBp1(project);
            await Task.Delay(300);
            var archive = await ArchiveOf(project);
            archive.GetProperty("configured").GetBoolean().Should().BeFalse();
            var waiting = archive.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
            waiting.Str("state").Should().Be("queued");
            waiting.GetProperty("attempts").GetInt32().Should().Be(0);
            waiting.GetProperty("sha256").ValueKind.Should().Be(JsonValueKind.Null, "nothing is issued while no archive is configured");
        }

        using var restarted = Archived(receiver, database.SameDatabase());
        var again = new Scenario(restarted).Of(projectId);
        var record = (await Until(again, "receipted")).Single();
        record.Str("id").Should().Be(decisionId);
        receiver.Journaled.Should().Be(1);
        receiver.Broken.Should().BeEmpty();
    }

    [ProviderFact]
    public async Task An_entry_taken_for_later_is_receipted_by_the_adapter_posting_the_receipt_back_even_after_a_restart()
    {
        using var database = api.Another();
        await using var receiver = await ArchiveReceiver.StartAsync();
        receiver.ReceiptLater = true;
        Guid projectId;
        using (var first = Archived(receiver, database.SameDatabase()))
        {
            var project = await new Scenario(first).ReadyForBp1Async();
            projectId = project.Id;
            await DecideBp1(project);
            var sent = (await Until(project, "sent")).Single();
            sent.GetProperty("journalNumber").ValueKind.Should().Be(JsonValueKind.Null);
        }

        using var restarted = Archived(receiver, database.SameDatabase());
        var again = new Scenario(restarted).Of(projectId);
        var arrival = receiver.Received.Single();
        var adapter = restarted.As("arkivadapter", GlobalRoles.Integrator);
        var url = $"/api/v1/archive/records/{arrival.RecordId}/receipt";

        (await again.ProjectManager.SendAsync(Xml(url, receiver.ReceiptFor(arrival).ToString()))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await adapter.SendAsync(Xml(url, "<ikke-xml"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await adapter.SendAsync(Xml(url, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))).StatusCode
            .Should().Be(HttpStatusCode.BadRequest, "a document type is never read");
        (await adapter.SendAsync(Xml($"/api/v1/archive/records/{Guid.NewGuid()}/receipt", receiver.ReceiptFor(arrival).ToString()))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var answered = await adapter.SendAsync(Xml(url, receiver.ReceiptFor(arrival).ToString()));
        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answered.Json()).Str("journalNumber").Should().Be("2026/101");
        using var twice = await adapter.SendAsync(Xml(url, receiver.ReceiptFor(arrival).ToString()));
        twice.StatusCode.Should().Be(HttpStatusCode.OK);
        var record = (await Until(again, "receipted")).Single();
        record.Str("caseNumber").Should().Be("2026/11");
        Payloads(restarted, "archiveRecordReceipted").Should().ContainSingle("a receipt that came twice is recorded once");
        receiver.Received.Should().ContainSingle();
    }

    private static HttpRequestMessage Xml(string url, string body) =>
        new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/xml")) };

    [ProviderFact]
    public async Task A_refused_entry_fails_with_the_archives_reason_and_an_admin_sends_it_again_once_mended()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        receiver.Refusal = "Arkivdelen er avsluttet";
        using var host = Archived(receiver);
        var project = await new Scenario(host).ReadyForBp1Async();
        var decisionId = await DecideBp1(project);

        var failed = (await Until(project, "failed")).Single();
        failed.Str("lastError").Should().Contain("Arkivdelen er avsluttet");
        var admin = host.As("ada", GlobalRoles.Admin);
        var failing = await admin.GetAsync("/api/v1/archive/records").Expect(HttpStatusCode.OK);
        failing.GetProperty("items").EnumerateArray().Select(r => r.Str("id")).Should().Equal(decisionId);
        (await project.Outsider.GetAsync("/api/v1/archive/records")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/archive/records?state=resting")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Payloads(host, "archiveRecordFailed").Should().ContainSingle();
        await Task.Delay(300);
        receiver.Received.Should().ContainSingle("a refused record is not tried again by itself");

        receiver.Refusal = null;
        (await project.Board.PostAsync($"/api/v1/archive/records/{decisionId}/resend", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/api/v1/archive/records/{decisionId}/resend", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var receipted = (await Until(project, "receipted")).Single();
        receipted.Str("journalNumber").Should().Be("2026/101");
        await admin.PostAsync($"/api/v1/archive/records/{decisionId}/resend", null).ExpectProblem(HttpStatusCode.Conflict, "not-failed");
        (await admin.PostAsync($"/api/v1/archive/records/{Guid.NewGuid()}/resend", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        receiver.Journaled.Should().Be(1);
        receiver.Received.Select(a => Convert.ToHexStringLower(SHA256.HashData(a.Pdf))).Distinct().Should().ContainSingle();
    }

    [ProviderFact]
    public async Task A_folder_archive_gets_each_record_whole_and_its_receipt_file_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("arkiv-").FullName;
        try
        {
            using var host = api.Another().With("Archive:Transport", "folder").With("Archive:Folder", folder).With("Archive:PollInterval", "00:00:00.100");
            var project = await new Scenario(host).ReadyForBp1Async();
            var decisionId = await DecideBp1(project);
            await Until(project, "sent");

            var written = Path.Combine(folder, decisionId);
            var message = XDocument.Load(Path.Combine(written, "arkivmelding.xml"));
            ArchiveMessageTests.Invalid(message).Should().BeEmpty();
            var pdf = await File.ReadAllBytesAsync(Path.Combine(written, $"gateDecision-{decisionId}.pdf"));
            message.Descendants(ArchiveDocuments.Opprett + "sjekksum").Single().Value.Should().Be(Convert.ToHexStringLower(SHA256.HashData(pdf)));
            Directory.GetDirectories(folder).Should().ContainSingle("a record is written beside its place and moved in whole");

            var receipts = Directory.CreateDirectory(Path.Combine(folder, ProjectMethod.Api.Infrastructure.FolderArchiveTransport.Receipts)).FullName;
            ArchiveMessageTests.Receipt(project.Id, Guid.Parse(decisionId), 7, 77).Save(Path.Combine(receipts, $"{decisionId}.xml"));
            var record = (await Until(project, "receipted")).Single();
            (record.Str("caseNumber"), record.Str("journalNumber")).Should().Be(("2026/7", "2026/77"));
            File.Exists(Path.Combine(receipts, "lest", $"{decisionId}.xml")).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [ProviderFact]
    public async Task An_exempt_decision_shows_its_content_only_to_those_who_may_read_it_and_the_archive_gets_its_exemption()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        using var host = Archived(receiver);
        var project = await new Scenario(host).ReadyForBp1Async();
        const string rationale = "Tilbudet fra leverandøren ligger 2 mill. under markedet";
        var decisionId = await DecideBp1(project, new { decision = "approve", rationale, exemption = "offl23", publicTitle = "Digital hjemmetjeneste: BP1" });

        var seen = await project.Outsider.GetAsync($"{project.Url}/decisions/{decisionId}").Expect(HttpStatusCode.OK);
        seen.GetProperty("contentWithheld").GetBoolean().Should().BeTrue();
        seen.Str("rationale").Should().BeEmpty();
        seen.Str("title").Should().Be("Digital hjemmetjeneste: BP1");
        seen.Str("exemption").Should().Be("offl23");
        (await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK)).GetProperty("items")[0].Str("rationale").Should().BeEmpty();
        (await project.Outsider.GetAsync("/api/v1/portfolio/decisions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(d => d.Str("id") == decisionId).Str("rationale").Should().BeEmpty();
        (await project.Outsider.GetAsync($"{project.Url}/steering-pack").Expect(HttpStatusCode.OK)).GetProperty("decisions").EnumerateArray()
            .Single(d => d.Str("id") == decisionId).Str("rationale").Should().BeEmpty();

        using (var printed = new HttpRequestMessage(HttpMethod.Get, $"{project.Url}/decisions/{decisionId}"))
        {
            printed.Headers.Accept.ParseAdd("application/pdf");
            using var answer = await project.Outsider.SendAsync(printed);
            using var pdf = new Poppler.Pdf(await answer.Content.ReadAsByteArrayAsync());
            var text = pdf.Text();
            text.Should().Contain("Unntatt offentlighet").And.Contain("offl. § 23").And.NotContain("2 mill.");
        }

        var roles = new[] { project.Proposer, project.Executive, project.Board, host.As("ada", GlobalRoles.Admin), host.As("erp", GlobalRoles.Integrator) };
        foreach (var reader in roles)
        {
            var whole = await reader.GetAsync($"{project.Url}/decisions/{decisionId}").Expect(HttpStatusCode.OK);
            (whole.Str("rationale"), whole.GetProperty("contentWithheld").GetBoolean()).Should().Be((rationale, false));
        }

        await Until(project, "receipted");
        var registration = receiver.Received.Single().Message.Root!.Element(ArchiveDocuments.Opprett + "registrering")!;
        registration.Element(ArchiveDocuments.Opprett + "offentligTittel")!.Value.Should().Be("Digital hjemmetjeneste: BP1");
        registration.Element(ArchiveDocuments.Opprett + "skjerming")!.Element(ArchiveDocuments.Opprett + "skjermingshjemmel")!.Value.Should().Be("Offl. § 23");
        using (var archived = new Poppler.Pdf(receiver.Received.Single().Pdf))
        {
            archived.Text().Should().Contain("2 mill.", "the archive's copy is whole: the archive keeps it from the public");
        }

        var outsiders = (await ArchiveOf(project)).GetProperty("items")[0];
        outsiders.GetProperty("title").ValueKind.Should().Be(JsonValueKind.Null);
        outsiders.Str("publicTitle").Should().Be("Digital hjemmetjeneste: BP1");
        (await project.Executive.GetAsync($"{project.Url}/archive").Expect(HttpStatusCode.OK)).GetProperty("items")[0].Str("title")
            .Should().Be("Digital hjemmetjeneste: BP1 godkjent (Forslag → Konsept)");
    }

    [ProviderFact]
    public async Task Political_decisions_are_recorded_by_the_project_manager_executive_or_board_and_read_by_anyone()
    {
        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");
        var decided = new { body = "kommunestyre", meetingDate = "2026-02-12", caseNumber = "2026/45", outcome = "adopted", summary = "Kommunestyret slutter seg til konseptet" };
        var recorded = await project.ProjectManager.Post($"{project.Url}/political-decisions", decided).Expect(HttpStatusCode.Created);
        recorded.Str("caseNumber").Should().Be("2026/45");
        recorded.Person("recordedBy").Should().Be(("per", TestPeople.NameOf("per")));

        (await project.Outsider.Post($"{project.Url}/political-decisions", decided)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await project.Board.Post($"{project.Url}/political-decisions", decided with { meetingDate = "2026-03-03" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Board.Post($"{project.Url}/political-decisions", decided with { caseNumber = "sak 45" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Executive.Post($"{project.Url}/political-decisions", decided with { body = "formannskap", meetingDate = "2026-01-20", outcome = "postponed" })
            .Expect(HttpStatusCode.Created);

        var list = await project.Outsider.GetAsync($"{project.Url}/political-decisions").Expect(HttpStatusCode.OK);
        list.GetProperty("items").EnumerateArray().Select(d => (d.Str("body"), d.Str("outcome"))).Should()
            .Equal(("formannskap", "postponed"), ("kommunestyre", "adopted"));
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        condition().Should().BeTrue();
    }
}

public sealed class ArchiveDeliveryTestsOnSqlite(SqliteApi api) : ArchiveDeliveryTests(api), IClassFixture<SqliteApi>;

public sealed class ArchiveDeliveryTestsOnPostgres(PostgresApi api) : ArchiveDeliveryTests(api), IClassFixture<PostgresApi>;

public sealed class ArchiveDeliveryTestsOnSqlServer(SqlServerApi api) : ArchiveDeliveryTests(api), IClassFixture<SqlServerApi>;
