using System.Text.RegularExpressions;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>A fact that drives Debian's Chromium with Playwright; skipped, with the command to fix it, where Chromium or axe-core is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public static readonly string Axe = Repository.PathOf("tests/ProjectMethod.Api.Tests/web/node_modules/axe-core/axe.min.js");

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = "Chromium is not installed: apt-get install chromium (.ci/run does).";
        }
        else if (!File.Exists(Axe))
        {
            Skip = "axe-core is not installed: npm ci --prefix tests/ProjectMethod.Api.Tests/web (.ci/run does).";
        }
    }
}

/// <summary>
/// The web application in a real browser: Playwright drives Chromium against the service running as a process, each page
/// is checked with axe-core for WCAG 2.1 AA violations (none allowed), and the main pages are photographed for the README.
/// </summary>
public sealed partial class WebTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string[] Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Fact]
    public async Task The_demo_fills_an_empty_database_with_a_municipality_in_every_phase_through_the_rules()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, ["demo"]);
        var board = service.As("bjorn", GlobalRoles.PortfolioBoard);

        var portfolio = await SeededAsync(board);

        var phases = portfolio.GetProperty("phases").EnumerateArray().ToDictionary(p => p.Str("phase"), p => p.GetProperty("count").GetInt32());
        phases.Should().Contain(new Dictionary<string, int>
        {
            ["proposed"] = 3, ["concept"] = 2, ["planning"] = 2, ["execution"] = 3, ["closure"] = 1, ["realisation"] = 1,
        });
        portfolio.GetProperty("openExceptions").GetInt32().Should().Be(1);
        portfolio.GetProperty("rags").EnumerateArray().Select(r => r.GetProperty("rag").GetString()).Should().Contain(["red", "amber", "green"]);
        var realising = portfolio.GetProperty("projects").EnumerateArray().Single(p => p.Str("phase") == "realisation");
        realising.GetProperty("benefits").GetProperty("count").GetInt32().Should().Be(1);
        (await board.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK)).GetProperty("ok").GetBoolean().Should().BeTrue();

        // The whole municipality's feed, read as an integrator would: each event as its type's webhook in the document describes it.
        using var integrator = service.HeldToContractAs("ivar", GlobalRoles.Integrator);
        var types = (await integrator.AllPagesAsync("/api/v1/events?limit=200")).Select(e => e.Str("type")).ToHashSet();

        types.Should().Contain(["no.projectmethod.decisionMade", "no.projectmethod.exceptionReported", "no.projectmethod.coCreationInputAnswered", "no.projectmethod.benefitMeasured"]);
    }

    [Fact]
    public async Task A_page_route_with_nothing_to_show_is_a_norwegian_page_and_an_api_route_a_problem()
    {
        using var client = api.CreateDefaultClient();

        using var page = await client.GetAsync("/finnes-ikke");
        using var problem = await client.GetAsync("/api/v1/finnes-ikke");

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<h1>Siden finnes ikke</h1>").And.Contain("href=\"/logg-inn\"").And.NotContain("urn:projectmethod");
        problem.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        problem.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData(null, null, "nb", "Logg inn")]
    [InlineData("en", null, "nb", "Logg inn")]
    [InlineData("en", "nb-NO", "nb", "Logg inn")]
    [InlineData(null, "en", "en", "Sign in")]
    public async Task Pages_speak_bokmal_unless_english_is_chosen_with_the_switch_whatever_the_browser_asks(string? browser, string? chosen, string lang, string heading)
    {
        using var client = api.CreateDefaultClient();
        if (browser is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(browser);
        }

        if (chosen is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={chosen}|uic={chosen}");
        }

        var html = await client.GetStringAsync("/logg-inn");

        html.Should().Contain($"<html lang=\"{lang}\">").And.Contain($"<h1>{heading}</h1>");
        html.Should().Contain(lang == "en" ? ">Norsk</button>" : ">English</button>", "the switch offers the other language");
    }

    [BrowserFact]
    public async Task Every_demo_person_finds_what_waits_for_them_with_its_date_and_a_count_beside_the_menu_item()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);
        ILocator Step(string what, string subject) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = what }).Filter(new() { HasText = subject });
        // A week from today in Oslo, as the service counts days (the machine's own date differs around midnight).
        var inAWeek = ProjectMethod.Domain.Benefits.BenefitMath.Today(NodaTime.SystemClock.Instance).PlusDays(7)
            .ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

        // The board holds no role in a project: its home is its work — the request at BP1 and the employee's idea.
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Venter på deg (2)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Grønn kommunal flåte" })).ToContainTextAsync("BP1");
        await Assertions.Expect(Step("Svar på idé", "Delingsordning for el-sykler")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning 2 venter" })).ToBeVisibleAsync();
        await CheckAccessibility(page, "hjem-portefoljestyret");

        // Whoever decides sees what they decide on: the recommendation, the mandate and the business case (none yet at BP1).
        await page.GetByRole(AriaRole.Link, new() { Name = "Grønn kommunal flåte" }).ClickAsync();
        var basis = page.Locator("details.basis[open]");
        await Assertions.Expect(basis).ToContainTextAsync("Behovet er beskrevet; ber om oppstart av konseptfasen");
        await Assertions.Expect(basis).ToContainTextAsync("Utslippsfrie tjenestebiler innen 2028");
        await Assertions.Expect(basis).ToContainTextAsync("Business case er ikke skrevet ennå.");
        await CheckAccessibility(page, "beslutningsgrunnlag");

        // The Senior Supplier reviews the product submitted in each project in execution; the Senior User approves the new descriptions.
        await story.SignInAs("Sven Seniorleverandør");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await Assertions.Expect(Step("Registrer kvalitetskontroll", "Første leveranse")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning 3 venter" })).ToBeVisibleAsync();
        await story.SignInAs("Siri Seniorbruker");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await Assertions.Expect(Step("Godkjenn produktbeskrivelse", "Opplæring av de ansatte")).ToHaveCountAsync(3);
        await Step("Godkjenn produktbeskrivelse", "Digital hjemmetjeneste").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("article:target")).ToContainTextAsync("Opplæring av de ansatte");

        // The Benefit Owner: the measurements overdue in execution and closure first, then the realising project's, due in a week.
        await story.SignInAs("Bo Gevinstansvarlig");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        var measurements = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Registrer måling" });
        await Assertions.Expect(measurements).ToHaveCountAsync(5);
        (await measurements.Nth(0).InnerTextAsync()).Should().Contain("Forfalt");
        var last = await measurements.Nth(4).InnerTextAsync();
        last.Should().Contain("Elektronisk byggesøknad").And.NotContain("Forfalt").And.Contain(inAWeek);
        await CheckAccessibility(page, "til-beslutning-gevinst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine gevinster" }).ClickAsync();
        var realising = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Elektronisk byggesøknad" });
        await Assertions.Expect(realising).ToContainTextAsync("I rute");
        await Assertions.Expect(realising).ToContainTextAsync(inAWeek);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Digital hjemmetjeneste" })).ToContainTextAsync("Måling forfalt");
        await CheckAccessibility(page, "mine-gevinster");

        // The Executive decides the exception reported to her and may approve the new descriptions; the Project Manager is told on his home page.
        await story.SignInAs("Eva Eier");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nytt bibliotek på Torget" }).Filter(new() { HasText = "din beslutning" }))
            .ToHaveCountAsync(1);
        await Assertions.Expect(Step("Godkjenn produktbeskrivelse", "Opplæring av de ansatte")).ToHaveCountAsync(3);
        await CheckAccessibility(page, "til-beslutning-prosjekteier");
        await story.SignInAs("Per Prosjektleder");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "saker venter på deg" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_highlight_report_starts_from_the_last_one_tells_its_story_and_prints_on_one_a4_page()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Per Prosjektleder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        // The finance system has booked two months of stage 1.
        using (var erp = demo.Api("okonomi", GlobalRoles.Integrator))
        {
            var projectUrl = $"/api/v1/projects/{new Uri(page.Url).Segments[2].TrimEnd('/')}";
            await erp.Put($"{projectUrl}/actuals/1/2026-02", new { amount = 150000, reference = "BILAG-2026-0211" }).Expect(System.Net.HttpStatusCode.Created);
            await erp.Put($"{projectUrl}/actuals/1/2026-03", new { amount = 95000 }).Expect(System.Net.HttpStatusCode.Created);
        }

        await story.Tab(page.Url, "Status og avvik");
        var costs = page.GetByRole(AriaRole.Table, new() { Name = "Kostnad: budsjett, prognose og bokført" });
        await Assertions.Expect(costs.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("245\u00a0000");
        var form = story.Form("Send statusrapport");
        (await form.GetByLabel("Prognose for Kostnad").InputValueAsync()).Should().Be("800\u00a0000", "the form starts from the last report's cost");
        await story.Fill("Send statusrapport",
            ("Oppnådd i perioden", "Sensorene er installert hos 40 brukere i sone nord."),
            ("Neste periode", "Opplæring av de ansatte og utvidelse til sone sør."),
            ("Problemer og risiko", "Leverandøren har varslet forsinket levering av 20 sensorer."));
        await form.GetByLabel("Kommentar til kostnad").FillAsync("Innenfor budsjett etter reforhandlet pris.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send statusrapport" }).ClickAsync();
        await story.Done("Statusrapporten er sendt.");

        var earlier = page.GetByRole(AriaRole.Table, new() { Name = "Tidligere statusrapporter" }).GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(earlier).ToContainTextAsync("Sensorene er installert");
        await CheckAccessibility(page, "status-rapportskjema");
        await earlier.GetByRole(AriaRole.Link, new() { Name = "Vis rapport" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statusrapport: Digital hjemmetjeneste" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Leverandøren har varslet forsinket levering")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Innenfor budsjett etter reforhandlet pris." })).ToContainTextAsync("Kostnad");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Eva Eier");
        await Assertions.Expect(page.GetByText("Bokført i fasen hittil: 245\u00a0000 kr av et budsjett på")).ToBeVisibleAsync();
        await CheckAccessibility(page, "statusrapport");

        // Printed (as the browser's print or "save as PDF" does): one A4 page, without the menu.
        var pdf = Path.Combine(AppContext.BaseDirectory, "screenshots", "statusrapport.pdf");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        var info = Poppler.Run("pdfinfo", pdf);
        info.Should().MatchRegex(@"Pages:\s+1\b", "the report fits one page").And.MatchRegex(@"Page size:.*\(A4\)", "the page is A4");
        Poppler.Run("pdftoppm", "-png", "-r", "60", "-singlefile", pdf, Path.Combine(AppContext.BaseDirectory, "screenshots", "statusrapport-utskrift"));
        Poppler.Run("pdftotext", pdf, "-").Should().Contain("Sensorene er installert").And.NotContain("Til beslutning", "the menu is not printed");
    }

    [BrowserFact]
    public async Task The_project_shows_its_case_number_each_decisions_journal_number_exempt_content_only_to_its_people_and_the_political_decisions()
    {
        await using var receiver = await ArchiveReceiver.StartAsync();
        await using var demo = await DemoInBrowserAsync(("Archive:Transport", "http"), ("Archive:Url", receiver.Url.ToString()), ("Archive:PollInterval", "00:00:00.200"));
        var page = demo.Page;
        var story = new Story(page);

        var projects = await demo.Api("bjorn", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/projects?limit=100").Expect(HttpStatusCode.OK);
        var projectId = projects.GetProperty("items").EnumerateArray().Single(p => p.Str("name") == "Digital hjemmetjeneste").Str("id");
        await story.SignInAs("Ola Ansatt");
        await page.GotoAsync($"/prosjekter/{projectId}");
        var log = page.GetByRole(AriaRole.Table, new() { Name = "Beslutningslogg" });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await log.GetByText("Ikke journalført ennå").CountAsync() > 0 || await page.Locator(".crumb").GetByText("Saksnr.").CountAsync() == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator(".crumb")).ToContainTextAsync(new Regex(@"Saksnr\. \d{4}/\d+"));
        (await log.GetByRole(AriaRole.Row).AllInnerTextsAsync()).Skip(1).Should().OnlyContain(row => Regex.IsMatch(row, @"\d{4}/\d+"));
        var bp3 = log.GetByRole(AriaRole.Row).Filter(new() { HasText = "BP3" });
        await Assertions.Expect(bp3).ToContainTextAsync("Unntatt offentlighet, Offl. § 23");
        await Assertions.Expect(bp3).Not.ToContainTextAsync("60 000 kr");
        var political = page.GetByRole(AriaRole.Table, new() { Name = "Politiske vedtak" });
        await Assertions.Expect(political).ToContainTextAsync("Kommunestyret");
        await Assertions.Expect(political).ToContainTextAsync("Vedtatt");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Historikk" })).ToContainTextAsync("ProjectMethod (arkivering)");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("projectmethod-archive");
                await CheckAccessibility(page, "oversikt-arkiv-ansatt");
        using (var record = await Downloaded(page, bp3.GetByRole(AriaRole.Link), ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(record.Path));
            pdf.Text().Should().Contain("Unntatt offentlighet").And.NotContain("60 000 kr");
            pdf.Picture("vedtak-unntatt-offentlighet");
        }

        await story.SignInAs("Eva Eier");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Beslutningslogg" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "BP3" }))
            .ToContainTextAsync("60 000 kr");

        // The library's exception, escalated by its Executive with its content exempt: an employee sees that, not the report.
        var library = projects.GetProperty("items").EnumerateArray().Single(p => p.Str("name") == "Nytt bibliotek på Torget").Str("id");
        var eva = demo.Api("eva");
        var reported = (await eva.GetAsync($"/api/v1/projects/{library}/exceptions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .First(e => e.Str("state") == "reported").Str("id");
        await eva.Post($"/api/v1/projects/{library}/exceptions/{reported}/decision", new { decision = "escalate", rationale = "Forhandlingene med leverandøren pågår", exemption = "offl23" })
            .Expect(HttpStatusCode.OK);
        await story.SignInAs("Ola Ansatt");
        await page.GotoAsync($"/prosjekter/{library}/status");
        await Assertions.Expect(page.Locator("article.item").Filter(new() { HasText = "Unntatt offentlighet" })).ToContainTextAsync("Unntatt offentlighet, Offl. § 23");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Prisøkning hos leverandøren");
        await CheckAccessibility(page, "status-unntatt-ansatt");

        receiver.Broken.Should().BeEmpty();
        receiver.Received.Select(a => a.RecordId).Should().OnlyHaveUniqueItems("each record reaches the archive once");
    }

    [BrowserFact]
    public async Task The_overview_draws_the_timeline_and_each_page_hands_out_its_document_the_pack_the_report_and_the_portfolio_in_three_forms()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Eva Eier");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        var timeline = page.GetByRole(AriaRole.Img, new() { Name = "Tidslinje" });
        await Assertions.Expect(timeline).ToBeVisibleAsync();
        var words = await timeline.Locator("text").AllTextContentsAsync();
        words.Should().Contain(["Faser", "Beslutningspunkter", "I dag", "Leveransefase 1"]).And.Contain(w => w.Contains("BP3", StringComparison.Ordinal));
        var points = page.GetByRole(AriaRole.Table, new() { Name = "Beslutningspunkter, planlagt og besluttet" });
        await Assertions.Expect(points.GetByRole(AriaRole.Row).Filter(new() { HasText = "BP3" })).ToContainTextAsync("godkjent");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Leveransefaser, planlagt og faktisk" })).ToBeVisibleAsync();
        await CheckAccessibility(page, "oversikt-tidslinje");

        using (var pack = await Downloaded(page, page.GetByRole(AriaRole.Link, new() { Name = "Last ned styringsgruppepakke (PDF)" }), ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(pack.Path));
            pdf.Info.Should().Contain("Styringsgruppepakke: Digital hjemmetjeneste");
            pdf.Text().Should().Contain("Tidslinje").And.Contain("Eva Eier");
            pdf.Picture("styringsgruppepakke-demo", pages: 2);
        }

        var decision = page.GetByRole(AriaRole.Table, new() { Name = "Beslutningslogg" }).GetByRole(AriaRole.Link).First;
        using (var record = await Downloaded(page, decision, ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(record.Path));
            pdf.Text().Should().Contain("Digital hjemmetjeneste: BP").And.Contain("Begrunnelse");
        }

        await story.Tab(page.Url, "Status og avvik");
        await page.GetByRole(AriaRole.Table, new() { Name = "Tidligere statusrapporter" }).GetByRole(AriaRole.Link, new() { Name = "Vis rapport" }).First.ClickAsync();
        using (var report = await Downloaded(page, page.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF" }), ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(report.Path));
            pdf.Info.Should().Contain("Statusrapport: Digital hjemmetjeneste");
        }

        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GotoAsync("/portefolje?sector=kultur");
        using (var report = await Downloaded(page, page.GetByRole(AriaRole.Link, new() { Name = "Porteføljerapport: Last ned PDF" }), ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(report.Path));
            pdf.Text().Should().Contain("Porteføljerapport: Kultur").And.Contain("Nytt bibliotek").And.NotContain("Digital hjemmetjeneste");
            pdf.Picture("porteføljerapport-demo", pages: 2);
        }

        await page.GotoAsync("/portefolje");
        using (var report = await Downloaded(page, page.GetByRole(AriaRole.Link, new() { Name = "Porteføljerapport: Last ned PDF" }), ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(report.Path));
            pdf.Text().Should().Contain("Porteføljerapport: Hele porteføljen").And.Contain("Helse og velferd").And.Contain("Rusfri møteplass");
            pdf.Picture("porteføljerapport-demo-alle", pages: 3);
        }

        using (var workbook = await Downloaded(page, page.GetByRole(AriaRole.Link, new() { Name = "Eksporter til Excel" }), ".xlsx"))
        {
            (await File.ReadAllBytesAsync(workbook.Path)).AsSpan(0, 2).ToArray().Should().Equal("PK"u8.ToArray(), "a workbook is a zip");
        }

        using (var csv = await Downloaded(page, page.GetByRole(AriaRole.Link, new() { Name = "Last ned CSV" }), ".csv"))
        {
            (await File.ReadAllLinesAsync(csv.Path)).Should().HaveCount(13, "a header and the demo's twelve projects");
        }

        await CheckAccessibility(page, "portefolje-dokumenter");
    }

    /// <summary>A file the page hands out when the link is followed, kept until disposed.</summary>
    private static async Task<DownloadedFile> Downloaded(IPage page, ILocator link, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.Should().EndWith(extension);
        var path = Path.Combine(Path.GetTempPath(), $"download-{Guid.NewGuid():N}{extension}");
        await download.SaveAsAsync(path);
        return new DownloadedFile(path);
    }

    private sealed record DownloadedFile(string Path) : IDisposable
    {
        public void Dispose() => File.Delete(Path);
    }

    [BrowserFact]
    public async Task A_risk_is_changed_and_closed_and_a_product_redescribed_and_taken_out_of_scope_on_the_page_each_kept_in_the_history()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Per Prosjektleder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Skolebytte til ny plattform" }).ClickAsync();
        var project = page.Url;
        await story.Tab(project, "Produkter og risiko");
        await story.Choose("Registrer risiko", ("Sannsynlighet (1–5)", "4"), ("Konsekvens (1–5)", "3"), ("Eier", "Per Prosjektleder"));
        await story.Send("Registrer risiko", "Registrer risiko", ("Tittel", "Lærerne rekker ikke opplæringen"));
        await story.Done("Risikoen er registrert.");
        await Assertions.Expect(page.GetByText("Samlet eksponering: 12")).ToBeVisibleAsync();

        await page.GetByText("Endre eller lukk «Lærerne rekker ikke opplæringen»").ClickAsync();
        var change = page.Locator("details.change[open] form");
        await change.GetByLabel("Sannsynlighet (1–5)").SelectOptionAsync("2");
        await change.GetByRole(AriaRole.Button, new() { Name = "Lagre risiko" }).ClickAsync();
        await story.Done("Risikoen er oppdatert.");
        await Assertions.Expect(page.GetByText("Samlet eksponering: 6")).ToBeVisibleAsync();
        await CheckAccessibility(page, "risiko-endre");

        await page.GetByText("Endre eller lukk «Lærerne rekker ikke opplæringen»").ClickAsync();
        await page.Locator("details.change[open] form").GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Lukket" });
        await page.Locator("details.change[open] form").GetByRole(AriaRole.Button, new() { Name = "Lagre risiko" }).ClickAsync();
        await story.Done("Risikoen er oppdatert.");
        await Assertions.Expect(page.GetByText("Samlet eksponering: 0")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Endre eller lukk «Lærerne rekker ikke opplæringen»")).ToHaveCountAsync(0, new() { });

        // The Project Manager changes the draft's description: what the form shows is replaced, a tolerance added to a criterion.
        await page.GetByText("Endre beskrivelsen av «Opplæring av de ansatte»").ClickAsync();
        var redescribe = page.Locator("details.change[open] form");
        (await redescribe.GetByLabel("Kvalitetskriterier").InputValueAsync()).Should().Be("Alle ansatte har fått opplæring; Deltakerliste");
        await redescribe.GetByLabel("Tittel").FillAsync("Opplæring av lærerne");
        await redescribe.GetByLabel("Kvalitetskriterier").FillAsync("Alle lærere har fått opplæring; Deltakerliste; høyst 2 fravær");
        await redescribe.GetByRole(AriaRole.Button, new() { Name = "Lagre beskrivelsen" }).ClickAsync();
        await story.Done("Produktet er oppdatert.");
        var training = page.Locator("article").Filter(new() { HasText = "Opplæring av lærerne" });
        await Assertions.Expect(training).ToContainTextAsync("Alle lærere har fått opplæring – Metode: Deltakerliste (toleranse: høyst 2 fravær)");
        await CheckAccessibility(page, "produkt-endre");

        // The Executive takes the training out of scope, with a rationale; the Project Manager may not.
        await Assertions.Expect(training.GetByRole(AriaRole.Button, new() { Name = "Ta ut av omfanget" })).ToHaveCountAsync(0);
        await story.SignInAs("Eva Eier");
        await story.Tab(project, "Produkter og risiko");
        await training.GetByLabel("Begrunnelse").FillAsync("Opplæringen gis av skolene selv i linjen.");
        await training.GetByRole(AriaRole.Button, new() { Name = "Ta ut av omfanget" }).ClickAsync();
        await story.Done("Produktet er oppdatert.");
        await Assertions.Expect(training).ToContainTextAsync("Tatt ut av omfanget");

        await story.Tab(project, "Oversikt");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Historikk" });
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Produkt tatt ut av omfanget" })).ToContainTextAsync("Eva Eier");
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Produkt endret" })).ToContainTextAsync("Per Prosjektleder");
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Risiko oppdatert" }).First).ToContainTextAsync("Per Prosjektleder");
    }

    [BrowserFact]
    public async Task A_quality_review_names_its_reviewers_by_name_and_is_offered_only_to_the_quality_responsible()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Sven Seniorleverandør");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Registrer kvalitetskontroll" }).First.GetByRole(AriaRole.Link).ClickAsync();
        var products = page.Url;
        var card = page.Locator("article").Filter(new() { HasText = "Første leveranse" });
        var review = card.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Registrer kvalitetskontroll" }) });
        await Assertions.Expect(review).ToHaveCountAsync(1);

        // The Project Manager submitted the product: he is offered no review of it (four eyes), nor is anyone but its quality responsible.
        await story.SignInAs("Per Prosjektleder");
        await page.GotoAsync(products);
        await Assertions.Expect(card).ToContainTextAsync("Til kvalitetskontroll");
        await Assertions.Expect(review).ToHaveCountAsync(0);
        await story.SignInAs("Sven Seniorleverandør");
        await page.GotoAsync(products);

        // A reviewer is found by name as any person is; a line that names nobody, or several, is refused beside the field.
        await review.GetByLabel("Resultat").SelectOptionAsync(new SelectOptionValue { Label = "Bestått" });
        await review.GetByLabel("Metode").FillAsync("Gjennomgang med brukerne");
        await review.GetByLabel("Kontrollører").FillAsync("Sven\nUkjent Person");
        await review.GetByRole(AriaRole.Button, new() { Name = "Registrer kvalitetskontroll" }).ClickAsync();
        await Assertions.Expect(review).ToContainTextAsync("Ingen ansatte passer til «Ukjent Person»");
        (await review.GetByLabel("Kontrollører").InputValueAsync()).Should().Be("Sven\nUkjent Person", "what was typed is kept");
        await review.GetByLabel("Kontrollører").FillAsync("Sven\nSenior");
        await review.GetByRole(AriaRole.Button, new() { Name = "Registrer kvalitetskontroll" }).ClickAsync();
        await Assertions.Expect(review).ToContainTextAsync("Flere passer til «Senior»: Sara Seniorbruker – Omsorgsboligene; Siri Seniorbruker – Hjemmetjenesten");
        await CheckAccessibility(page, "kvalitetskontroll-avvist");

        await review.GetByLabel("Resultat").SelectOptionAsync(new SelectOptionValue { Label = "Bestått" });
        await review.GetByLabel("Kontrollører").FillAsync("Sven\nsiri seniorbruker");
        await review.GetByRole(AriaRole.Button, new() { Name = "Registrer kvalitetskontroll" }).ClickAsync();
        await story.Done("Produktet er oppdatert.");
        await Assertions.Expect(card).ToContainTextAsync("Bestått kontroll");
        using var api = demo.Api("sven");
        var register = await api.GetAsync($"/api/v1/projects/{new Uri(products).Segments[2].TrimEnd('/')}/quality-register").Expect(System.Net.HttpStatusCode.OK);
        register.GetProperty("items").EnumerateArray().Last().GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("name").GetString())
            .Should().Equal("Sven Seniorleverandør", "Siri Seniorbruker");
    }

    [BrowserFact]
    public async Task An_employee_signs_in_sees_their_projects_and_a_projects_phases_gate_roles_and_decisions()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, ["demo"], ("Web:DevelopmentSignIn", "true"));
        await SeededAsync(service.As("bjorn", GlobalRoles.PortfolioBoard));

        await using var browser = await Browser.OpenAsync(service);
        var page = browser.Page;

        var first = await page.GotoAsync("/");
        page.Url.Should().Contain("/logg-inn", "a page needs a signed-in employee");
        first!.Headers["content-security-policy"].Should().Contain("default-src 'none'").And.Contain("form-action 'self'");
        await CheckAccessibility(page, "logg-inn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Per Prosjektleder" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine prosjekter" })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Filter(new() { HasText = "Nytt bibliotek på Torget" })).ToContainTextAsync("Rød");
        await Assertions.Expect(rows.Filter(new() { HasText = "Digital hjemmetjeneste" })).ToContainTextAsync("Gjennomføring (1)");
        await Assertions.Expect(rows.Filter(new() { HasText = "Digital hjemmetjeneste" })).ToContainTextAsync("prosjektleder");
        await Assertions.Expect(rows.Filter(new() { HasText = "Grønn kommunal flåte" })).ToHaveCountAsync(0);
        await CheckAccessibility(page, "mine-prosjekter");

        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Digital hjemmetjeneste", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Gjennomføring");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Neste beslutningspunkt: BP4" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ikke oppfylt" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Siri Seniorbruker – seniorbruker")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "BP3: godkjent" })).ToContainTextAsync("Gjennomføring");
        await CheckAccessibility(page, "prosjekt");

        // BP2 for "Kulturkort for unge": Per asks (an empty recommendation is refused beside its field), the board decides.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine prosjekter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kulturkort for unge" }).ClickAsync();
        var concept = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Be om beslutning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ikke utført");
        await Assertions.Expect(page.Locator("#request-recommendation-error")).ToBeVisibleAsync();
        (await page.GetByLabel("Anbefaling").GetAttributeAsync("aria-describedby")).Should().Be("request-recommendation-error");
        await CheckAccessibility(page, "anmodning-avvist");
        await page.GetByLabel("Anbefaling").FillAsync("Konseptet er klart for planlegging");
        await page.GetByRole(AriaRole.Button, new() { Name = "Be om beslutning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Beslutningen er bedt om.");
        await Assertions.Expect(page.GetByText("Åpen anmodning")).ToContainTextAsync("Konseptet er klart for planlegging");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Beslutt" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logg inn" })).ToBeVisibleAsync();
        (await page.GotoAsync("/"))!.Url.Should().Contain("/logg-inn", "signed out is signed out");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bjørn Virksomhetsledelsen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        var inbox = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kulturkort for unge" });
        await Assertions.Expect(inbox).ToContainTextAsync("BP2");
        await Assertions.Expect(inbox).ToContainTextAsync("Konseptet er klart for planlegging");
        await CheckAccessibility(page, "til-beslutning");
        await inbox.GetByRole(AriaRole.Link).ClickAsync();
        page.Url.Should().Be(concept);
        await Form(page, "Beslutt").GetByRole(AriaRole.Textbox, new() { Name = "Begrunnelse" }).FillAsync("Godt forankret i kulturplanen");
        await CheckAccessibility(page, "beslutning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beslutt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Beslutningen er tatt.");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Planlegging");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "BP2: godkjent" })).ToContainTextAsync("Godt forankret i kulturplanen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kulturkort for unge" })).ToHaveCountAsync(0);

        // The board's portfolio: counts over the whole portfolio, and the projects filtered without a script.
        await page.GetByRole(AriaRole.Link, new() { Name = "Portefølje" }).ClickAsync();
        await Assertions.Expect(page.Locator(".figures div").Filter(new() { HasText = "Gjennomføring" })).ToContainTextAsync("3");
        await Assertions.Expect(page.Locator(".figures div").Filter(new() { HasText = "Planlegging" })).ToContainTextAsync("3");
        await Assertions.Expect(page.Locator(".figures div").Filter(new() { HasText = "Åpne avvik" })).ToContainTextAsync("1");
        await Assertions.Expect(page.Locator(".figures div").Filter(new() { HasText = "Forsinkede statusrapporter" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#prosjekter ~ * tbody tr")).ToHaveCountAsync(12);
        await CheckAccessibility(page, "portefolje");
        await page.GetByLabel("Sektor").SelectOptionAsync(new SelectOptionValue { Label = "Kultur" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#prosjekter ~ * tbody tr")).ToHaveCountAsync(2);
        (await page.Locator("#prosjekter ~ * tbody tr td:nth-child(2)").AllInnerTextsAsync()).Should().OnlyContain(s => s == "Kultur");
        await page.GetByLabel("Sektor").SelectOptionAsync(new SelectOptionValue { Label = "Alle" });
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Rød" });
        await page.GetByLabel("Bare med åpne avvik").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#prosjekter ~ * tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#prosjekter ~ * tbody tr")).ToContainTextAsync("Nytt bibliotek på Torget");
        page.Url.Should().Contain("rag=Red").And.Contain("openExceptions=true");

        // The line unit: Bo registers a measurement of a benefit in realisation (a form without a date is refused first).
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bo Gevinstansvarlig" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine gevinster" }).ClickAsync();
        await CheckAccessibility(page, "mine-gevinster");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Elektronisk byggesøknad" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Spart tid i tjenesten" })).ToBeVisibleAsync();
        var measured = page.GetByRole(AriaRole.Table, new() { Name = "Målinger" }).Locator("tbody tr");
        await Assertions.Expect(measured).ToHaveCountAsync(3);
        await page.GetByLabel("Verdi (timer)").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer måling" }).ClickAsync();
        await Assertions.Expect(page.Locator("#measure-date-error")).ToBeVisibleAsync();
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync("2026-11-01");
        await page.GetByLabel("Verdi (timer)").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer måling" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Målingen er registrert.");
        await Assertions.Expect(measured).ToHaveCountAsync(4);
        await Assertions.Expect(measured.Last).ToContainTextAsync("01.11.2026");
        await CheckAccessibility(page, "gevinst");

        // A measurement sent to a benefit that is not the project's is not found, whether the form is valid or not.
        var benefitPage = new Uri(page.Url).AbsolutePath;
        var elsewhere = benefitPage[..(benefitPage.LastIndexOf('/') + 1)] + Guid.NewGuid();
        var measureToken = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        foreach (var date in new[] { "2026-11-02", "" })
        {
            var strange = await page.APIRequest.PostAsync(elsewhere, new()
            {
                Form = page.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", measureToken!).Set("date", date).Set("value", "88"),
            });
            strange.Status.Should().Be(404, $"a form to another benefit (date '{date}') finds no benefit, and is never a 500");
        }
    }

    [BrowserFact]
    public async Task The_readme_story_goes_through_the_browser_alone_from_proposal_through_BP3_to_an_exception_and_its_decision()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [], ("Web:DevelopmentSignIn", "true"));
        await using var browser = await Browser.OpenAsync(service, timeout: 10_000);
        var (context, page) = (browser.Context, browser.Page);
        var story = new Story(page);

        // Pia proposes, writes the mandate and ticks off BP1's checklist.
        await story.SignInAs("Pia Forslagsstiller");
        await page.GetByRole(AriaRole.Link, new() { Name = "Foreslå prosjekt" }).ClickAsync();
        // The sector is chosen from the municipality's sectors, by name; a proposal without one is refused beside the field.
        await story.Send("Foreslå prosjekt", "Foreslå prosjekt", ("Prosjektets navn", "Trygghetsalarm i alle hjem"), ("Beskrivelse", "Digitale alarmer"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Noen felt er ikke fylt ut riktig");
        await Assertions.Expect(page.Locator("#propose-sector-error")).ToContainTextAsync("Må fylles ut.");
        (await story.Form("Foreslå prosjekt").GetByLabel("Sektor", new() { Exact = true }).Locator("option").AllInnerTextsAsync())
            .Should().Contain(["Helse og velferd", "Kultur", "Oppvekst", "Samfunn", "Teknisk"]);
        await CheckAccessibility(page, "forslag-avvist");
        await story.Choose("Foreslå prosjekt", ("Sektor", "Helse og velferd"));
        await story.Form("Foreslå prosjekt").GetByRole(AriaRole.Button, new() { Name = "Foreslå prosjekt", Exact = true }).ClickAsync();
        await story.Done("Forslaget er registrert.");
        var project = page.Url.Replace("/styringsdokumenter", "", StringComparison.Ordinal);

        // Why a criterion is unmet reads in Norwegian, the sector by its name.
        await page.GotoAsync(project);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Et mandat med formål" })).ToContainTextAsync("Mandatet mangler formål eller bakgrunn.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "sjekkpunkter" }).Last).ToContainTextAsync("3 obligatoriske sjekkpunkter er ikke avklart");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Open:");
        await Assertions.Expect(page.Locator(".crumb")).ToContainTextAsync("Helse og velferd");
        await page.GetByRole(AriaRole.Link, new() { Name = "Styringsdokumenter" }).ClickAsync();
        await story.Send("Skriv mandat", "Lagre", ("Formål", "Trygghet hjemme for alle som trenger det"), ("Bakgrunn", "Analoge alarmer fases ut"));
        await story.Done("Mandatet er lagret.");
        await story.TickChecklist();
        await CheckAccessibility(page, "styringsdokumenter");

        // The board names the Executive; Pia asks for BP1, and the board decides it from its inbox.
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GotoAsync(project);
        await story.Assign("executive", "Eva Eier");
        await story.SignInAs("Pia Forslagsstiller");
        await page.GotoAsync(project);
        await story.Send("Be om beslutning", "Be om beslutning", ("Anbefaling", "Behovet er klart"));
        await story.Done("Beslutningen er bedt om.");
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await story.DecideFromInbox("Trygghetsalarm i alle hjem", "BP1", "Godt begrunnet");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Konsept");

        // The Executive appoints; the Project Manager writes the business case and reads the lessons; the Executive confirms it.
        await story.SignInAs("Eva Eier");
        await page.GotoAsync(project);
        // Part of a name that fits several people offers them to choose from; a name that fits nobody is said beside the field.
        await story.Form("Tildel rolle").GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync("projectManager");
        await story.Send("Tildel rolle", "Tildel rolle", ("Person", "Zorro"));
        await Assertions.Expect(page.Locator("#assign-userId-error")).ToContainTextAsync("Ingen ansatte passer til «Zorro»");
        await story.Send("Tildel rolle", "Tildel rolle", ("Person", "prosjektleder"));
        await Assertions.Expect(page.Locator("#assign-userId-error")).ToContainTextAsync("Flere passer til «prosjektleder»: velg én i listen.");
        await story.Form("Tildel rolle").GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Per Prosjektleder – Prosjektkontoret (per)" });
        await CheckAccessibility(page, "personvelger");
        await story.Form("Tildel rolle").GetByRole(AriaRole.Button, new() { Name = "Tildel rolle", Exact = true }).ClickAsync();
        await story.Done("Rollen er tildelt.");
        await story.Assign("benefitOwner", "Bo Gevinstansvarlig");
        await story.SignInAs("Per Prosjektleder");
        await story.Tab(project, "Styringsdokumenter");
        await story.Send("Skriv business case", "Lagre", ("Begrunnelse for prosjektet", "Analoge alarmer slutter å virke"),
            ("Alternativer", "Gjøre ingenting; digitale alarmer"), ("Forventede gevinster", "Færre utrykninger"), ("Forventede kostnader", "2 MNOK"),
            ("Tidsramme", "18 måneder"), ("Største risikoer", "Dekning i grisgrendte strøk"));
        await story.Done("Business case er lagret.");

        // Two tabs on the same page: what one saves, the other does not overwrite unseen; what was typed there is kept.
        var other = await context.NewPageAsync();
        await other.GotoAsync(page.Url);
        await story.Send("Revider business case", "Lagre", ("Tidsramme", "20 måneder"));
        await story.Done("Business case er lagret.");
        var stale = new Story(other);
        await stale.Send("Revider business case", "Lagre", ("Tidsramme", "24 måneder"));
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("Prosjektet er endret siden du leste det");
        await Assertions.Expect(stale.Form("Revider business case").GetByLabel("Tidsramme")).ToHaveValueAsync("24 måneder");
        await Assertions.Expect(other.GetByText("20 måneder").First).ToBeVisibleAsync();
        await other.CloseAsync();

        await story.Send("Registrer gjennomgang av erfaringer", "Registrer gjennomgang av erfaringer", ("Hvorfor ingen var relevante", "Ingen tidligere prosjekter med alarmer"));
        await story.Done("Gjennomgangen av erfaringer er registrert.");
        await story.TickChecklist();
        await story.SignInAs("Eva Eier");
        await story.Tab(project, "Styringsdokumenter");
        await story.Send("Bekreft business case", "Bekreft business case", ("Kommentar", "Forsvarlig"));
        await story.Done("Bekreftelsen er registrert.");
        await Assertions.Expect(page.GetByText("bekreftet i denne fasen")).ToBeVisibleAsync();

        // BP2, asked by the Project Manager and decided by the board.
        await story.SignInAs("Per Prosjektleder");
        await page.GotoAsync(project);
        await story.Send("Be om beslutning", "Be om beslutning", ("Anbefaling", "Konseptet holder"));
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await story.DecideFromInbox("Trygghetsalarm i alle hjem", "BP2", "Planlegg");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Planlegging");

        // Planning: the board sets the project's tolerances, the Executive completes the board, the PM describes a product,
        // plans stage 1 and defines a benefit, the Senior User approves the description, the Executive sets stage tolerances.
        await story.Tab(project, "Plan og toleranser");
        await story.Tolerances("Sett prosjekttoleranser", ("2027-06-30", "30", "14"), ("2000000", "200000", "100000"));
        await story.Done("Toleransene er satt.");
        await CheckAccessibility(page, "plan");
        await story.SignInAs("Eva Eier");
        await page.GotoAsync(project);
        await story.Assign("seniorUser", "Siri Seniorbruker");
        await story.Assign("seniorSupplier", "sven");
        await story.SignInAs("Per Prosjektleder");
        await story.Tab(project, "Produkter og risiko");
        await story.Choose("Beskriv et produkt", ("Godkjenner", "Siri Seniorbruker"), ("Kvalitetsansvarlig", "Sven Seniorleverandør"));
        await story.Send("Beskriv et produkt", "Beskriv et produkt", ("Tittel", "Alarmer installert"), ("Formål", "Alle brukere har digital alarm"),
            ("Kvalitetskriterier", "Alarmen når vaktsentralen; test hos bruker"), ("Akseptkriterier", "Brukeren kan utløse alarmen selv"));
        await story.Done("Produktet er beskrevet.");
        var card = page.Locator("article").Filter(new() { HasText = "Alarmer installert" });
        await Assertions.Expect(card.Locator("dl.criteria")).ToContainTextAsync("Alarmen når vaktsentralen – Metode: test hos bruker");
        await Assertions.Expect(card.Locator("dl.criteria")).ToContainTextAsync("Brukeren kan utløse alarmen selv");
        await CheckAccessibility(page, "produkter");
        await story.Tab(project, "Plan og toleranser");
        await story.Send("Planlegg fase", "Planlegg fase", ("Planlagt slutt", "2027-03-31"), ("Budsjett (kr)", "800 000"), ("Produkter i fasen", "1"));
        await story.Done("Faseplanen er lagret.");
        await story.Tab(project, "Gevinster");
        await story.Fill("Definer en gevinst", ("Tittel", "Færre utrykninger"), ("Indikator", "Utrykninger per måned"), ("Enhet", "antall"),
            ("Linjeenhet som eier gevinsten", "Hjemmetjenesten"), ("Måleansvarlig", "bo"));
        await story.Choose("Definer en gevinst", ("Type", "Indirekte"));
        await story.Band("Definer en gevinst", "Nullpunkt", ("Verdi", "120"), ("Dato", "2026-01-01"));
        await story.Band("Definer en gevinst", "Mål", ("Verdi", "80"), ("Dato", "2028-01-01"));
        await story.Form("Definer en gevinst").GetByLabel("Tjenestemottakere").CheckAsync();
        await story.Form("Definer en gevinst").GetByLabel("Ansatte").CheckAsync();
        await story.Send("Definer en gevinst", "Definer en gevinst", ("Tillatt avvik fra målet", "5"), ("Målgruppe", "Hjemmeboende med trygghetsalarm"));
        await story.Done("Gevinsten er definert.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Færre utrykninger" }))
            .ToContainTextAsync("Tjenestemottakere, Ansatte (Hjemmeboende med trygghetsalarm)");
        await CheckAccessibility(page, "prosjektgevinster");
        await story.TickChecklist(project);
        await story.SignInAs("Siri Seniorbruker");
        await story.Tab(project, "Produkter og risiko");
        await story.Send("Godkjenn produktbeskrivelsen", "Godkjenn produktbeskrivelsen", ("Kommentar", "Dette trenger vi"));
        await story.Done("Produktet er oppdatert.");
        await story.SignInAs("Eva Eier");
        await story.Tab(project, "Styringsdokumenter");
        await story.Send("Bekreft business case", "Bekreft business case", ("Kommentar", "Fortsatt forsvarlig"));
        await story.Tab(project, "Plan og toleranser");
        await story.Tolerances("Sett fasetoleranser", ("2027-03-31", "7", "7"), ("800000", "50000", "50000"));
        await story.Done("Toleransene er satt.");

        // BP3: the Project Manager asks, the Executive authorises stage 1.
        await story.SignInAs("Per Prosjektleder");
        await page.GotoAsync(project);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ikke oppfylt" })).ToHaveCountAsync(0);
        await story.Send("Be om beslutning", "Be om beslutning", ("Anbefaling", "Planene er klare"));
        await story.SignInAs("Eva Eier");
        await story.DecideFromInbox("Trygghetsalarm i alle hjem", "BP3", "Gjennomfør fase 1");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Gjennomføring");

        // A highlight report over the stage's cost tolerance raises an exception; the PM reports it, the Executive escalates
        // it, and the board approves the exception plan from its inbox.
        await story.SignInAs("Per Prosjektleder");
        await story.Tab(project, "Status og avvik");
        await story.Send("Send statusrapport", "Send statusrapport", ("Prognose for Tid", "2027-03-31"), ("Prognose for Kostnad", "900 000"),
            ("Prognose for Kvalitet", "0"), ("Prognose for Omfang", "0"), ("Prognose for Gevinst", "500 000"), ("Kommentar", "Prisøkning hos leverandøren"));
        await story.Done("Statusrapporten er sendt.");
        var cost = page.GetByRole(AriaRole.Table, new() { Name = "Status per dimensjon og nivå" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "Kostnad" });
        await Assertions.Expect(cost.Filter(new() { HasText = "Fase" })).ToContainTextAsync("Rød – utenfor");
        await Assertions.Expect(cost.Filter(new() { HasText = "Prosjekt" })).ToContainTextAsync("Gul – nær grensen");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kostnad – Fase 1" })).ToBeVisibleAsync();
        await CheckAccessibility(page, "status");

        // A Senior User is offered no highlight report form, and one sent anyway is refused by the API's own first check.
        await story.SignInAs("Siri Seniorbruker");
        await story.Tab(project, "Status og avvik");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send statusrapport" })).ToHaveCountAsync(0);
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forged = await page.APIRequest.PostAsync($"{project}/status?handler=Forecast", new()
        {
            Form = context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("stage", "1").Set("values.cost", "1"),
        });
        forged.Status.Should().Be(403);
        (await forged.TextAsync()).Should().Contain("Du har ikke rollen som kreves for dette");
        await story.SignInAs("Per Prosjektleder");
        await story.Tab(project, "Status og avvik");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine prosjekter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trygghetsalarm i alle hjem" })).ToContainTextAsync("avviksrapport");
        await story.Tab(project, "Status og avvik");
        await story.Send("Skriv avviksrapport", "Skriv avviksrapport", ("Årsak", "Prisøkning hos leverandøren"), ("Konsekvenser", "Fasen blir 100 000 kr dyrere"),
            ("Alternativer", "Øke rammen; gevinsten holder\nKutte omfang; mindre gevinst"), ("Anbefaling", "Øke rammen"));
        await story.Done("Avviksrapporten er sendt.");
        await story.SignInAs("Eva Eier");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trygghetsalarm i alle hjem" })).ToContainTextAsync("avviksbeslutning");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trygghetsalarm i alle hjem" })).ToContainTextAsync("din beslutning");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trygghetsalarm i alle hjem" }).GetByRole(AriaRole.Link).ClickAsync();
        await story.Choose("Beslutt avviket", ("Beslutning", "Eskaler til virksomhetsledelsen"));
        await story.Send("Beslutt avviket", "Beslutt avviket", ("Begrunnelse", "Over min ramme"));
        await story.Done("Avviket er besluttet.");
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await CheckAccessibility(page, "til-beslutning-avvik");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trygghetsalarm i alle hjem" }).GetByRole(AriaRole.Link).ClickAsync();
        // The exception plan's form opens with the stage's plan and tolerances as they are; what Bjørn leaves stays.
        await story.Choose("Beslutt avviket", ("Beslutning", "Godkjenn avviksplanen"));
        await page.GetByText("Ny plan og nye toleranser").ClickAsync();
        var plan = story.Form("Beslutt avviket").Locator("fieldset").Filter(new() { Has = page.Locator("legend", new() { HasTextString = "Avviksplan" }) });
        await Assertions.Expect(plan.GetByLabel("Budsjett (kr)", new() { Exact = true })).ToHaveValueAsync("800000");
        await Assertions.Expect(plan.GetByLabel("Planlagt slutt", new() { Exact = true })).ToHaveValueAsync("2027-03-31");
        await Assertions.Expect(story.Form("Beslutt avviket").Locator("fieldset").Filter(new() { Has = page.Locator("legend", new() { HasTextString = "Kvalitet" }) })
            .GetByLabel("Tillatt over", new() { Exact = true })).ToHaveValueAsync("2");
        await story.Band("Beslutt avviket", "Avviksplan", ("Budsjett (kr)", "ni hundre tusen"));
        await story.Send("Beslutt avviket", "Beslutt avviket", ("Begrunnelse", "Rammen økes"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Noen felt er ikke fylt ut riktig");
        await Assertions.Expect(story.Form("Beslutt avviket").Locator("details")).ToHaveAttributeAsync("open", "open", new() { Timeout = 2000 });
        await story.Band("Beslutt avviket", "Avviksplan", ("Planlagt slutt", "2027-04-30"), ("Budsjett (kr)", "900 000"));
        await story.Send("Beslutt avviket", "Beslutt avviket", ("Begrunnelse", "Rammen økes"));

        // Before anything is saved, Bjørn sees old against new per dimension, and confirms.
        var review = page.GetByRole(AriaRole.Table, new() { Name = "Slik endres grunnlaget" });
        await Assertions.Expect(review.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kostnad" })).ToContainTextAsync("800 000 (−50 000 / +50 000)900 000 (−50 000 / +50 000)Ja");
        await Assertions.Expect(review.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tid" })).ToContainTextAsync("30.04.2027");
        await Assertions.Expect(review.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kvalitet" })).ToContainTextAsync("uendret");
        await Assertions.Expect(review.GetByRole(AriaRole.Row).Filter(new() { HasText = "Produkter i fasen" })).ToContainTextAsync("uendret");
        await CheckAccessibility(page, "avviksbeslutning");
        await story.Form("Beslutt avviket").GetByRole(AriaRole.Button, new() { Name = "Bekreft beslutningen", Exact = true }).ClickAsync();
        await story.Done("Avviket er besluttet.");
        await Assertions.Expect(page.GetByText("Godkjenn avviksplanen – «Rammen økes» (Bjørn Virksomhetsledelsen)")).ToBeVisibleAsync();
        var stage = (await service.As("nils").GetAsync($"/api/v1/projects/{project.Split('/').Last()}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0];
        stage.GetProperty("tolerances").GetProperty("tolerances").GetArrayLength().Should().Be(6, "no dimension is dropped by the exception plan");
        stage.GetProperty("plan").GetProperty("budget").GetDecimal().Should().Be(900000);
        stage.GetProperty("plan").GetProperty("productsInScope").GetInt32().Should().BeGreaterThan(0);
        await story.Tab(project, "Status og avvik");
        using (var record = await Downloaded(page, page.Locator("article.item").Filter(new() { HasText = "Kostnad" }).GetByRole(AriaRole.Link, new() { Name = "Last ned PDF" }), ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(record.Path));
            pdf.Text().Should().Contain("Unntak: ").And.Contain("Godkjenn avviksplanen").And.Contain("Rammen økes").And.Contain("Bjørn Virksomhetsledelsen, virksomhetsledelsen");
        }

        // Per records what the project learnt and publishes it; anyone finds it among the lessons of every project.
        await story.SignInAs("Per Prosjektleder");
        await story.Tab(project, "Læring og avslutning");
        await story.Send("Registrer erfaring", "Registrer erfaring", ("Tittel", "Prisstigning hos leverandøren"),
            ("Beskrivelse", "Leverandøren hevet prisene midt i fasen"), ("Anbefaling", "Avtal fastpris for hele fasen"), ("Stikkord", "innkjøp, kontrakt"));
        await story.Done("Erfaringen er registrert.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiser" }).ClickAsync();
        await story.Done("Erfaringen er publisert.");
        await CheckAccessibility(page, "avslutning");
        await page.GetByRole(AriaRole.Link, new() { Name = "Erfaringer" }).ClickAsync();
        await page.GetByLabel("Søkeord").FillAsync("fastpris leverandøren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Erfaringer funnet: 1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prisstigning hos leverandøren" })).ToBeVisibleAsync();
        await CheckAccessibility(page, "erfaringer");

        // Every step is in the project's history, and the audit chain holds.
        await page.GotoAsync(project);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Historikk" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Avvik besluttet" }))
            .ToHaveCountAsync(2);
        var board = service.As("bjorn", GlobalRoles.PortfolioBoard);
        (await board.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK)).GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [BrowserFact]
    public async Task A_wrongly_chosen_executive_is_replaced_from_the_project_page_and_the_rightful_one_then_finds_the_project()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [], ("Web:DevelopmentSignIn", "true"));
        var created = await service.As("pia").Post("/api/v1/projects", new { name = "Ny skolebuss", sector = "oppvekst", description = "Skoleskyss i distriktet" })
            .Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        await service.As("bjorn", GlobalRoles.PortfolioBoard).Post($"/api/v1/projects/{id}/roles", new { role = "executive", userId = "ella" })
            .Expect(HttpStatusCode.Created);
        await using var browser = await Browser.OpenAsync(service, timeout: 10_000);
        var page = browser.Page;
        var story = new Story(page);

        await story.SignInAs("Eva Eier");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ny skolebuss" })).ToHaveCountAsync(0);

        // Bjørn chose Ella Eier where Eva Eier was meant; he puts it right, with the reason.
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GotoAsync($"/prosjekter/{id}");
        var holder = page.Locator("#roller + ul li").Filter(new() { HasText = "Ella Eier – prosjekteier" });
        await holder.Locator("summary").ClickAsync();
        await story.Send("Bytt innehaver", "Bytt innehaver", ("Ny innehaver", "Eva Eier"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Noen felt er ikke fylt ut riktig");
        await Assertions.Expect(story.Form("Bytt innehaver").GetByLabel("Ny innehaver", new() { Exact = true })).ToHaveValueAsync("Eva Eier");
        await story.Send("Bytt innehaver", "Bytt innehaver", ("Begrunnelse", "Feil person valgt: Eva Eier er prosjekteier"));
        await story.Done("Rollen har fått ny innehaver.");
        await Assertions.Expect(page.Locator("#roller + ul")).ToContainTextAsync("Eva Eier – prosjekteier");
        var replaced = page.GetByRole(AriaRole.Table, new() { Name = "Historikk" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Rolle fikk ny innehaver" });
        await Assertions.Expect(replaced).ToContainTextAsync("Bjørn Virksomhetsledelsen");
        await page.Locator("#roller + ul li").Filter(new() { HasText = "Eva Eier – prosjekteier" }).Locator("summary").ClickAsync();
        await story.Send("Fjern fra rollen", "Fjern fra rollen");
        await Assertions.Expect(story.Form("Fjern fra rollen").GetByRole(AriaRole.Alert)).ToContainTextAsync("Noen felt er ikke fylt ut riktig");
        await CheckAccessibility(page, "rolle-endre");

        await story.SignInAs("Eva Eier");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny skolebuss" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny skolebuss", Level = 1 })).ToBeVisibleAsync();

        // A page that does not exist, or a project that does not, is a Norwegian page with the menu and a way on.
        foreach (var missing in new[] { "/finnes-ikke", $"/prosjekter/{Guid.NewGuid()}" })
        {
            var answer = await page.GotoAsync(missing);
            answer!.Status.Should().Be(404);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Siden finnes ikke", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mine prosjekter" }).First).ToBeVisibleAsync();
            (await page.ContentAsync()).Should().NotContain("bearer").And.NotContain("urn:projectmethod");
        }

        await CheckAccessibility(page, "feil-404");

        // A form sent without its antiforgery token (a tab left open since yesterday, say) is a Norwegian 400 page.
        var stale = await page.APIRequest.PostAsync("/prosjekter/ny", new() { Form = page.Context.APIRequest.CreateFormData().Set("name", "Gammel fane") });
        stale.Status.Should().Be(400);
        (await stale.TextAsync()).Should().Contain("<h1>Forespørselen kunne ikke leses</h1>").And.Contain("Til Mine prosjekter").And.NotContain("urn:projectmethod");

        // A session that expired goes to sign-in, and back to the page asked for.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/prosjekter/ny");
        page.Url.Should().Contain("/logg-inn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Eva Eier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Foreslå prosjekt", Level = 1 })).ToBeVisibleAsync();

        // The language is the person's choice, kept across pages, and back again.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Propose a project", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My projects" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Norsk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine prosjekter" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_notifications_page_shows_what_was_sent_and_what_waits_keeps_each_choice_and_hands_out_the_calendar_address()
    {
        // With a real mail server where Debian's aiosmtpd is installed (.ci/run installs it); without one, everything waits.
        await using var sink = SmtpSink.Missing is null ? await SmtpSink.StartAsync() : null;
        (string, string)[] mail = sink is null ? [] :
        [
            ("Notifications:Smtp:Host", "127.0.0.1"), ("Notifications:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Notifications:Smtp:Security", "none"), ("Notifications:PollInterval", "00:00:00.200"),
        ];
        await using var demo = await DemoInBrowserAsync(mail);
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Varsler" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Varsler", Level = 1 })).ToBeVisibleAsync();
        var request = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Til beslutning: BP1 i «Grønn kommunal flåte»" });
        if (sink is not null)
        {
            await sink.WaitForAsync(1);
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Sendt og avsluttet" }).GetByRole(AriaRole.Row)
                .Filter(new() { HasText = "Til beslutning: BP1 i «Grønn kommunal flåte»" })).ToContainTextAsync("Sendt");
        }
        else
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Venter på å bli sendt" }).GetByRole(AriaRole.Row)
                .Filter(new() { HasText = "Til beslutning: BP1 i «Grønn kommunal flåte»" })).ToContainTextAsync("Straks, på e-post");
        }

        await CheckAccessibility(page, "varsler");

        await story.Choose("Hvordan du vil varsles", ("Et avvik er meldt i prosjektet ditt", "Ikke på e-post (bare her)"), ("Språk i e-posten", "Engelsk"));
        await Form(page, "Hvordan du vil varsles").GetByRole(AriaRole.Button, new() { Name = "Lagre valgene" }).ClickAsync();
        await story.Done("Valgene dine er lagret.");
        var preferences = await demo.Api("bjorn", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/me/notification-preferences").Expect(HttpStatusCode.OK);
        preferences.Str("language").Should().Be("en");
        preferences.GetProperty("kinds").EnumerateArray().Single(k => k.Str("kind") == "exceptionRaised").Str("delivery").Should().Be("none");
        preferences.GetProperty("kinds").EnumerateArray().Single(k => k.Str("kind") == "decisionWaiting").Str("delivery").Should().Be("immediate");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lag kalenderadresse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Kalenderadressen er laget" })).ToBeVisibleAsync();
        var address = await page.GetByLabel("Adressen til kalenderen din").InputValueAsync();
        using (var calendarProgram = new HttpClient())
        {
            var feed = await calendarProgram.GetStringAsync(address);
            feed.Should().StartWith("BEGIN:VCALENDAR").And.Contain("X-WR-CALNAME:The project method – Bjørn Virksomhetsledelsen", "in the language he just chose");
        }

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Adressen til kalenderen din")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lag ny kalenderadresse" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_category_is_proposed_in_the_mandate_confirmed_at_bp1_and_a_large_project_records_its_independent_assurance()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [], ("Web:DevelopmentSignIn", "true"));
        await using var browser = await Browser.OpenAsync(service, timeout: 10_000);
        var page = browser.Page;
        var story = new Story(page);
        var project = await new Scenario(service).ProposedAsync();
        await project.Assign(project.Board, "executive", "eva");
        await project.CompleteChecklist(project.Proposer, "bp1");

        // Pia proposes the category in the mandate, with the facts that decide it.
        await story.SignInAs("Pia Forslagsstiller");
        await page.GotoAsync($"/prosjekter/{project.Id}/styringsdokumenter");
        await story.Fill("Skriv mandat", ("Formål", "Én journal for helse og omsorg"), ("Bakgrunn", "Fire fagsystemer i dag"),
            ("Anslått kostnad (kr)", "60000000"), ("Varighet (måneder)", "36"), ("Antall sektorer involvert", "4"));
        await story.Choose("Skriv mandat", ("Usikkerhet", "Middels"), ("Betydning", "Høy"));
        await story.Form("Skriv mandat").GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
        await story.Done("Mandatet er lagret.");
        (await story.Form("Skriv mandat").GetByLabel("Foreslått kategori").InputValueAsync()).Should().Be("large", "the thresholds suggested it");
        await CheckAccessibility(page, "styring-mandat-kategori");
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Et stort, tverrsektorielt prosjekt" }).Expect(HttpStatusCode.Created);

        // The board sees the proposal with its facts, and confirms it as part of approving BP1.
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GotoAsync($"/prosjekter/{project.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prosjektkategori: Stor" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Foreslått i mandatet, ikke bekreftet ennå.")).ToBeVisibleAsync();
        (await story.Form("Beslutt").GetByLabel("Kategori som bekreftes").InputValueAsync()).Should().Be("large");
        await CheckAccessibility(page, "prosjekt-kategori-bp1");
        await story.Send("Beslutt", "Beslutt", ("Begrunnelse", "Behovet er godt beskrevet"));
        await story.Done("Beslutningen er tatt.");
        await Assertions.Expect(page.GetByText("Bekreftet ved BP1.")).ToBeVisibleAsync();
        (await project.Project()).GetProperty("category").Str("category").Should().Be("large");

        await project.Assign(project.Executive, "projectManager", "per");
        await project.Assign(project.Executive, "benefitOwner", "bo");
        await project.WriteBusinessCase();
        await project.ConfirmBusinessCase();
        await project.ProjectManager.Post($"{project.Url}/lessons/reviews", new { noneRelevantReason = "Ingen tidligere journalprosjekter" }).Expect(HttpStatusCode.Created);
        await project.CompleteChecklist(project.ProjectManager, "bp2");
        await project.Decide(project.ProjectManager, project.Board, "Konseptet er klart");

        // In planning the Executive sees what the large profile adds to BP3, and records the assurance it asks for.
        await story.SignInAs("Eva Eier");
        await page.GotoAsync($"/prosjekter/{project.Id}");
        var assurance = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ekstern kvalitetssikring, av noen utenfor" });
        await Assertions.Expect(assurance).ToContainTextAsync("Kategoriprofilen (Stor)");
        await Assertions.Expect(assurance).ToContainTextAsync("Ikke oppfylt");
        await story.Fill("Registrer kvalitetssikring", ("Kvalitetssikrer", "Kari Kvalitet"), ("Virksomhet", "Ekstern KS AS"), ("Konkludert", "2026-03-01"),
            ("Konklusjon", "Planen er realistisk dersom gevinstene forankres i linjen."));
        await story.Choose("Registrer kvalitetssikring", ("Anbefaling", "Gå videre med forbehold"));
        await story.Form("Registrer kvalitetssikring").GetByRole(AriaRole.Button, new() { Name = "Registrer kvalitetssikring" }).ClickAsync();
        await story.Done("Kvalitetssikringen er registrert.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Ekstern kvalitetssikring" })).ToContainTextAsync("Kari Kvalitet, Ekstern KS AS");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ekstern kvalitetssikring, av noen utenfor" })).ToContainTextAsync("Oppfylt");

        // The Executive gives the BP2 decision a follow-up action; Per, its owner, marks it done on the same page.
        await story.Fill("Legg til oppfølgingspunkt", ("Hva", "Forankre gevinstene i linjen"), ("Ansvarlig", "Per Prosjektleder"),
            ("Frist", DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        await story.Choose("Legg til oppfølgingspunkt", ("Følger opp", "Digital hjemmetjeneste: BP2 godkjent (Konsept → Planlegging)"));
        await story.Form("Legg til oppfølgingspunkt").GetByRole(AriaRole.Button, new() { Name = "Legg til oppfølgingspunkt" }).ClickAsync();
        await story.Done("Oppfølgingspunktet er lagt til.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Oppfølgingspunkter" })).ToContainTextAsync("Per Prosjektleder");
        await CheckAccessibility(page, "prosjekt-kvalitetssikring");
        await story.SignInAs("Per Prosjektleder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Forankre gevinstene i linjen" })).ToContainTextAsync("Følg opp beslutning");
        await page.GotoAsync($"/prosjekter/{project.Id}#oppfolging");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Oppfølgingspunkter" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Forankre gevinstene i linjen" });
        await row.GetByLabel("Hva som ble gjort").FillAsync("Gevinstansvarlig i hjemmetjenesten er utpekt");
        await row.GetByRole(AriaRole.Button, new() { Name = "Marker som utført" }).ClickAsync();
        await story.Done("Oppfølgingspunktet er markert som utført.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Oppfølgingspunkter" })).ToContainTextAsync("Utført: Gevinstansvarlig i hjemmetjenesten er utpekt");
        await CheckAccessibility(page, "prosjekt-oppfolging");

        // The board filters the portfolio by category.
        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GotoAsync("/portefolje");
        await page.GetByLabel("Prosjektkategori").SelectOptionAsync(new SelectOptionValue { Label = "Stor" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Prosjekter" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Digital hjemmetjeneste" }))
            .ToContainTextAsync("Stor");
        await CheckAccessibility(page, "portefolje-kategori");
    }

    private static ILocator Form(IPage page, string heading) =>
        page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading }) });

    [BrowserFact]
    public async Task An_idea_goes_from_an_employee_to_the_project_office_and_back_with_its_answer_and_its_project()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [], ("Web:DevelopmentSignIn", "true"));
        await using var browser = await Browser.OpenAsync(service, timeout: 10_000);
        var page = browser.Page;
        var story = new Story(page);

        await story.SignInAs("Pia Forslagsstiller");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ideer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ideer som venter på svar" })).ToHaveCountAsync(0);
        await story.Choose("Send en idé", ("Sektor", "Samfunn"));
        await story.Send("Send en idé", "Send en idé", ("Beskrivelse", "Fortau langs Skoleveien"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Noen felt er ikke fylt ut riktig");
        await Assertions.Expect(page.Locator("#send-title-error")).ToContainTextAsync("Må fylles ut.");
        await story.Choose("Send en idé", ("Ideen kommer fra", "Innbygger"));
        await story.Send("Send en idé", "Send en idé", ("Tittel", "Tryggere skolevei"));
        await story.Done("Ideen er sendt.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tryggere skolevei" })).ToContainTextAsync("Mottatt");

        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ideer" }).ClickAsync();
        var idea = page.Locator("article").Filter(new() { HasText = "Tryggere skolevei" });
        await Assertions.Expect(idea).ToContainTextAsync("Innbygger");
        await CheckAccessibility(page, "ideer");
        await idea.GetByLabel("Beslutning").SelectOptionAsync(new SelectOptionValue { Label = "Foreslå som prosjekt" });
        await idea.GetByLabel("Begrunnelse (svaret avsenderen får)").FillAsync("Trafikksikkerhet er prioritert i kommuneplanen");
        await idea.GetByRole(AriaRole.Button, new() { Name = "Svar på ideen" }).ClickAsync();
        await story.Done("Ideen er foreslått som prosjekt.");
        await Assertions.Expect(page.Locator("article").Filter(new() { HasText = "Tryggere skolevei" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Portefølje" }).ClickAsync();
        var citizens = page.GetByRole(AriaRole.Table, new() { Name = "Ideer etter opphav" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Innbygger" });
        (await citizens.Locator("td").AllInnerTextsAsync()).Should().Equal("1", "1", "0");

        await story.SignInAs("Pia Forslagsstiller");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ideer" }).ClickAsync();
        var mine = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tryggere skolevei" });
        await Assertions.Expect(mine).ToContainTextAsync("Foreslått som prosjekt");
        await Assertions.Expect(mine).ToContainTextAsync("Trafikksikkerhet er prioritert i kommuneplanen");
        using (var answer = await Downloaded(page, mine.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF" }), ".pdf"))
        {
            using var pdf = new Poppler.Pdf(await File.ReadAllBytesAsync(answer.Path));
            pdf.Text().Should().Contain("Svar på idé: Tryggere skolevei").And.Contain("Trafikksikkerhet er prioritert i kommuneplanen").And.Contain("Bjørn Virksomhetsledelsen");
        }

        await CheckAccessibility(page, "ideer-besvart");

        await mine.GetByRole(AriaRole.Link, new() { Name = "se prosjektet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tryggere skolevei", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Forslag");
        await Assertions.Expect(page.Locator(".origin")).ToContainTextAsync("Fra en idé (Innbygger");
        await Assertions.Expect(page.Locator(".origin")).ToContainTextAsync("«Tryggere skolevei»");
    }

    [BrowserFact]
    public async Task The_project_manager_keeps_the_co_creation_register_and_answers_what_was_said_and_the_portfolio_counts_it()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, ["demo"], ("Web:DevelopmentSignIn", "true"));
        await SeededAsync(service.As("bjorn", GlobalRoles.PortfolioBoard));
        await using var browser = await Browser.OpenAsync(service, timeout: 10_000);
        var page = browser.Page;
        var story = new Story(page);

        await story.SignInAs("Per Prosjektleder");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Digital hjemmetjeneste" })).ToContainTextAsync("innspill å svare på");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Samskaping" }).ClickAsync();
        var figures = page.Locator(".figures");
        await Assertions.Expect(figures).ToContainTextAsync("Grupper nådd2 / 4");
        await Assertions.Expect(figures).ToContainTextAsync("Vanskelig nåbare grupper nådd0 / 1");
        await Assertions.Expect(figures).ToContainTextAsync("Innspill besvart1 / 2");
        var plan = page.GetByRole(AriaRole.Table, new() { Name = "Samskapingsplan" });
        var minoritiesInConcept = plan.GetByRole(AriaRole.Row, new() { NameRegex = new("^Minoritetsspråklige eldre Konsept ") });
        await Assertions.Expect(minoritiesInConcept).ToContainTextAsync("Avvik forklart: Ingen kom til dialogmøtet");

        // A user-testing session in execution that the minority group took part in, at the level the plan asked for.
        await story.Choose("Registrer aktivitet", ("Type", "Brukertesting"), ("Involveringsnivå", "Involvere"));
        await story.Band("Registrer aktivitet", "Deltakere per gruppe", ("Minoritetsspråklige eldre", "6"), ("Brukere av hjemmetjenesten", "4"));
        await story.Send("Registrer aktivitet", "Registrer aktivitet", ("Sammendrag", "Brukertest av alarmen med tolk"));
        await story.Done("Aktiviteten er registrert.");
        await Assertions.Expect(figures).ToContainTextAsync("Vanskelig nåbare grupper nådd1 / 1");
        var minoritiesInExecution = plan.GetByRole(AriaRole.Row, new() { NameRegex = new("^Minoritetsspråklige eldre Gjennomføring ") });
        await Assertions.Expect(minoritiesInExecution).ToContainTextAsync("Gjennomført som planlagt");

        var today = ProjectMethod.Domain.Benefits.BenefitMath.Today(NodaTime.SystemClock.Instance).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await story.Choose("Registrer innspill", ("Aktivitet", $"{today} – Brukertesting"), ("Gruppe", "Minoritetsspråklige eldre"));
        await story.Send("Registrer innspill", "Registrer innspill", ("Hva ble sagt", "Talemeldingene må finnes på flere språk"));
        await story.Done("Innspillet er registrert.");
        var said = page.Locator("article").Filter(new() { HasText = "Talemeldingene må finnes på flere språk" });
        await said.GetByLabel("Utfall").SelectOptionAsync(new SelectOptionValue { Label = "Tatt inn" });
        await said.GetByLabel("Forklaring til deltakerne").FillAsync("Ja");
        await said.GetByRole(AriaRole.Button, new() { Name = "Svar på innspillet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Noen felt er ikke fylt ut riktig");
        said = page.Locator("article").Filter(new() { HasText = "Talemeldingene må finnes på flere språk" });
        await said.GetByLabel("Forklaring til deltakerne").FillAsync("Talemeldingene spilles inn på seks språk før utrullingen");
        await said.GetByLabel("Førte til produkt").SelectOptionAsync(new SelectOptionValue { Label = "Første leveranse" });
        await said.GetByRole(AriaRole.Button, new() { Name = "Svar på innspillet" }).ClickAsync();
        await story.Done("Innspillet er besvart.");
        await Assertions.Expect(page.Locator("article").Filter(new() { HasText = "Talemeldingene må finnes på flere språk" }))
            .ToContainTextAsync("Tatt inn: Talemeldingene spilles inn på seks språk før utrullingen · Produkt: Første leveranse");
        await Assertions.Expect(figures).ToContainTextAsync("Innspill besvart2 / 3");
        await CheckAccessibility(page, "samskaping");

        // In closure the end report tells the participants once more what became of what they said.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine prosjekter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Felles innbyggertorg" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Læring og avslutning" }).ClickAsync();
        var endReport = story.Form("Skriv sluttrapport");
        await endReport.GetByLabel("Dialogmøte på biblioteket om ett kontaktpunkt", new() { Exact = false }).CheckAsync();
        await endReport.GetByLabel("«Vi vil snakke med et menneske, ikke bare en chatbot»", new() { Exact = false }).CheckAsync();
        await CheckAccessibility(page, "avslutning-samskaping");
        await story.Send("Skriv sluttrapport", "Skriv sluttrapport", ("Sammendrag", "Ett kontaktpunkt er på plass, med en veileder i skranken"));
        await story.Done("Sluttrapporten er skrevet.");
        var projectUrl = new Uri(page.Url).AbsolutePath.Replace("/avslutning", "", StringComparison.Ordinal).Replace("/prosjekter/", "/api/v1/projects/", StringComparison.Ordinal);
        var reports = await service.As("nils").GetAsync($"{projectUrl}/reports").Expect(HttpStatusCode.OK);
        reports.GetProperty("items").EnumerateArray().Select(r => (r.Str("kind"), r.GetProperty("activityIds").GetArrayLength(), r.GetProperty("inputIds").GetArrayLength()))
            .Should().Equal(("endReport", 1, 1));

        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Portefølje" }).ClickAsync();
        var health = page.GetByRole(AriaRole.Table, new() { Name = "Samskaping i porteføljen" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Helse og velferd" });
        (await health.Locator("td").AllInnerTextsAsync()).Should().Equal("2", "2", "Samarbeide", "1 (50 % av prosjektene med register)", "3 / 5");
        await CheckAccessibility(page, "portefolje-samskaping");
    }

    [BrowserFact]
    public async Task An_issue_is_raised_on_the_page_decided_by_the_executive_and_one_the_stage_cannot_carry_becomes_an_exception()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Per Prosjektleder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        var project = new Uri(page.Url).AbsolutePath;
        await story.Tab(project, "Endringer");
        await Assertions.Expect(page.GetByText("Prosjekteier avgjør alle saker.")).ToBeVisibleAsync();
        await story.Choose("Meld en sak", ("Type sak", "Endringsønske"));
        await story.Send("Meld en sak", "Meld en sak", ("Tittel", "Alarm også i omsorgsboligene"), ("Beskrivelse", "Brukerrådet ber om at omsorgsboligene tas med."),
            ("Virkning på sluttdato (dager)", "5"), ("Virkning på kostnad (kr)", "30 000"), ("Nytt produkt", "Alarmpakke for omsorgsboliger"),
            ("Det nye produktets formål", "Trygghet i omsorgsboligene"));
        await story.Done("Saken er meldt.");
        var first = page.Locator("article").Filter(new() { HasText = "Alarm også i omsorgsboligene" });
        await Assertions.Expect(first).ToContainTextAsync("Endringsønske · Åpen · Meldt av Per Prosjektleder");
        await Assertions.Expect(first).ToContainTextAsync("30\u00a0000\u00a0kr");
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = "Avgjør saken" })).ToHaveCountAsync(0);
        await story.Choose("Meld en sak", ("Type sak", "Avvik fra spesifikasjon"));
        await story.Send("Meld en sak", "Meld en sak", ("Tittel", "Sensorene tåler ikke fukt på bad"), ("Beskrivelse", "Må byttes til en annen modell."),
            ("Virkning på kostnad (kr)", "40 000"));
        await story.Done("Saken er meldt.");

        await story.SignInAs("Eva Eier");
        await story.Tab(project, "Endringer");
        await story.Send("Utpek endringsmyndighet", "Utpek endringsmyndighet", ("Person", "Siri Seniorbruker"), ("Beløpsgrense (kr)", "20 000"), ("Grense i dager", "10"));
        await story.Done("Endringsmyndigheten er utpekt.");
        await Assertions.Expect(page.GetByText("Siri Seniorbruker avgjør saker som flytter fasen inntil 20\u00a0000\u00a0kr og 10 dager")).ToBeVisibleAsync();
        await story.Choose("Avgjør saken: Alarm også i omsorgsboligene", ("Beslutning", "Godkjenn"));
        await story.Send("Avgjør saken: Alarm også i omsorgsboligene", "Avgjør saken", ("Begrunnelse", "Innenfor fasens toleranse"));
        await story.Done("Saken er avgjort.");
        await Assertions.Expect(first).ToContainTextAsync("Godkjent");
        await Assertions.Expect(first).ToContainTextAsync("Avgjort av Eva Eier");
        await story.Choose("Avgjør saken: Sensorene tåler ikke fukt på bad", ("Beslutning", "Godkjenn"));
        await story.Send("Avgjør saken: Sensorene tåler ikke fukt på bad", "Avgjør saken", ("Begrunnelse", "Må gjøres"));
        await story.Done("Saken er avgjort.");
        var second = page.Locator("article").Filter(new() { HasText = "Sensorene tåler ikke fukt på bad" });
        await Assertions.Expect(second).ToContainTextAsync("Eskalert som avvik");
        await Assertions.Expect(second.GetByRole(AriaRole.Link, new() { Name = "Endringen ligger utenfor toleransen og er meldt som avvik – se status." })).ToBeVisibleAsync();
        await CheckAccessibility(page, "endringer");

        var api = demo.Api("nils");
        var stage = (await api.GetAsync($"/api/v1/projects/{project.Split('/')[^1]}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages")[0].GetProperty("plan");
        (stage.Str("plannedEnd"), stage.GetProperty("budget").GetDecimal()).Should().Be(("2027-04-05", 830000m), "the first change moved the plan; the second waits for an exception plan");
        var products = (await api.GetAsync($"/api/v1/projects/{project.Split('/')[^1]}/products").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray();
        products.Should().Contain(p => p.Str("title") == "Alarmpakke for omsorgsboliger" && p.Str("state") == "draft");
    }

    [BrowserFact]
    public async Task The_portfolio_board_creates_a_programme_on_the_page_adds_two_projects_and_reads_it_rolled_up()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Bjørn Virksomhetsledelsen");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektmetoden" }).GetByRole(AriaRole.Link, new() { Name = "Programmer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ingen programmer ennå.")).ToBeVisibleAsync();
        await story.Fill("Opprett program", ("Navn", "Balanse' 24"), ("Beskrivelse", "Omstilling i helse og kultur"), ("Programeier", "Eva Eier"),
            ("Medlem av programstyret", "Siri Seniorbruker"));
        await story.Form("Opprett program").GetByLabel("Helse og velferd").CheckAsync();
        await story.Form("Opprett program").GetByLabel("Kultur").CheckAsync();
        await story.Form("Opprett program").GetByRole(AriaRole.Button, new() { Name = "Opprett program" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Noen felt er ikke fylt ut riktig");
        await story.Form("Opprett program").GetByLabel("Helse og velferd").CheckAsync();
        await story.Form("Opprett program").GetByLabel("Kultur").CheckAsync();
        await story.Band("Opprett program", "Tid", ("Planlagt slutt", "2027-12-31"), ("Dager tidligere", "365"), ("Dager senere", "31"));
        await story.Band("Opprett program", "Kostnad", ("Plan", "4 000 000"), ("Tillatt under", "400 000"), ("Tillatt over", "300 000"));
        await story.Send("Opprett program", "Opprett program");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Balanse' 24", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Programeier: Eva Eier. Programstyret: Siri Seniorbruker.")).ToBeVisibleAsync();

        foreach (var project in new[] { "Digital hjemmetjeneste", "Nytt bibliotek på Torget" })
        {
            await story.Choose("Legg prosjekt til programmet", ("Prosjekt", project));
            await story.Send("Legg prosjekt til programmet", "Legg prosjekt til programmet");
            await story.Done("Prosjektet er lagt til programmet.");
        }

        var projects = page.GetByRole(AriaRole.Table, new() { Name = "Prosjektene i programmet" });
        await Assertions.Expect(projects.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(projects.GetByRole(AriaRole.Row).Filter(new() { HasText = "Digital hjemmetjeneste" })).ToContainTextAsync("2\u00a0000\u00a0000\u00a0kr");
        await Assertions.Expect(page.Locator(".figures")).ToContainTextAsync("Budsjett4\u00a0000\u00a0000\u00a0kr");
        await Assertions.Expect(page.GetByRole(AriaRole.List).Filter(new() { HasText = "Prosjekt lagt til" })).ToContainTextAsync("Bjørn Virksomhetsledelsen");
        await CheckAccessibility(page, "program");

        // A third project would take the members past what the programme may cost: refused in Norwegian, nothing added.
        await story.Choose("Legg prosjekt til programmet", ("Prosjekt", "Skolebytte til ny plattform"));
        await story.Send("Legg prosjekt til programmet", "Legg prosjekt til programmet");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Utenfor programmets toleranse");
        await Assertions.Expect(projects.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektmetoden" }).GetByRole(AriaRole.Link, new() { Name = "Programmer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Balanse' 24" })).ToContainTextAsync("Eva Eier");
        await CheckAccessibility(page, "programmer");
    }

    [BrowserFact]
    public async Task The_project_sets_up_a_reference_group_and_union_observers_who_never_vote_on_the_board()
    {
        await using var demo = await DemoInBrowserAsync();
        var page = demo.Page;
        var story = new Story(page);

        await story.SignInAs("Per Prosjektleder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ingen grupper er satt opp.")).ToBeVisibleAsync();
        await story.Choose("Opprett gruppe", ("Type gruppe", "Referansegruppe"));
        await story.Send("Opprett gruppe", "Opprett gruppe", ("Navn", "Brukerrådet"), ("Mandat", "Gi råd om løsningen sett fra brukerne"),
            ("Medlemmer (én person per linje)", "Pia Forslagsstiller\nBo Gevinstansvarlig"));
        await story.Done("Gruppen er lagret.");
        var group = page.Locator("article").Filter(new() { HasText = "Brukerrådet" });
        await Assertions.Expect(group).ToContainTextAsync("Medlemmer: Pia Forslagsstiller, Bo Gevinstansvarlig");
        await story.Choose("Opprett gruppe", ("Type gruppe", "Observatører i styringsgruppen (uten stemme)"));
        await story.Send("Opprett gruppe", "Opprett gruppe", ("Navn", "Tillitsvalgte"), ("Mandat", "Følge styringsgruppen"), ("Medlemmer (én person per linje)", "Pia Forslagsstiller"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Du har ikke rollen som kreves for dette");

        await story.SignInAs("Eva Eier");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        await story.Choose("Opprett gruppe", ("Type gruppe", "Observatører i styringsgruppen (uten stemme)"));
        await story.Send("Opprett gruppe", "Opprett gruppe", ("Navn", "Tillitsvalgte"), ("Mandat", "Følge styringsgruppen for de ansatte"),
            ("Medlemmer (én person per linje)", "Siri Seniorbruker"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("En observatør kan ikke ha stemme");
        await story.Choose("Opprett gruppe", ("Type gruppe", "Observatører i styringsgruppen (uten stemme)"));
        await story.Send("Opprett gruppe", "Opprett gruppe", ("Navn", "Tillitsvalgte"), ("Mandat", "Følge styringsgruppen for de ansatte"),
            ("Medlemmer (én person per linje)", "Pia Forslagsstiller"));
        await story.Done("Gruppen er lagret.");
        await Assertions.Expect(page.Locator("article").Filter(new() { HasText = "Tillitsvalgte" })).ToContainTextAsync("Observatører i styringsgruppen (uten stemme)");

        await Assertions.Expect(page.GetByText("Prosjektet involverer ingen sektorer utenom sin egen.")).ToBeVisibleAsync();
        await story.Form("Lagre deltakende sektorer").GetByLabel("Oppvekst").CheckAsync();
        await story.Send("Lagre deltakende sektorer", "Lagre deltakende sektorer");
        await story.Done("De deltakende sektorene er lagret.");
        await Assertions.Expect(page.GetByText("Prosjektet involverer også: Oppvekst.", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAccessibility(page, "prosjekt-grupper");
    }

    /// <summary>A database of its own filled by the demo, the service on it with the development sign-in, and Chromium on the service.</summary>
    private async Task<DemoInBrowser> DemoInBrowserAsync(params (string Key, string Value)[] settings)
    {
        var database = api.Another();
        var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, ["demo"], [("Web:DevelopmentSignIn", "true"), .. settings]);
        await SeededAsync(service.As("bjorn", GlobalRoles.PortfolioBoard));
        return new DemoInBrowser(database, service, await Browser.OpenAsync(service));
    }

    private sealed class DemoInBrowser(ApiFactory database, ServiceProcess service, Browser browser) : IAsyncDisposable
    {
        public IPage Page => browser.Page;

        /// <summary>The service's API as the person, to read back what a page did.</summary>
        public HttpClient Api(string userId, params string[] globalRoles) => service.As(userId, globalRoles);

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            service.Dispose();
            await database.DisposeAsync();
        }
    }

    /// <summary>Debian's Chromium on the service, in Norwegian at a desktop width, with one page open.</summary>
    private sealed class Browser(IPlaywright playwright, IBrowser chromium, IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IBrowserContext Context => context;

        public IPage Page => page;

        public static async Task<Browser> OpenAsync(ServiceProcess service, float? timeout = null)
        {
            var playwright = await Playwright.CreateAsync();
            var chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.Chromium, Args = ["--no-sandbox"] });
            var context = await chromium.NewContextAsync(new()
            {
                BaseURL = service.Address.ToString(), BypassCSP = true, Locale = "nb-NO", ViewportSize = new() { Width = 1200, Height = 800 },
            });
            if (timeout is { } milliseconds)
            {
                context.SetDefaultTimeout(milliseconds);
            }

            return new Browser(playwright, chromium, context, await context.NewPageAsync());
        }

        public async ValueTask DisposeAsync()
        {
            await chromium.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The steps of the story as a person takes them in the browser: sign in, open a page, fill a form and send it.</summary>
    private sealed class Story(IPage page)
    {
        public async Task SignInAs(string name)
        {
            if (await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).CountAsync() > 0)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
            }
            else
            {
                await page.GotoAsync("/logg-inn");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine prosjekter" })).ToBeVisibleAsync();
        }

        public async Task Tab(string project, string tab)
        {
            await page.GotoAsync(project);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = tab }).ClickAsync();
        }

        public ILocator Form(string heading) =>
            page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

        public async Task Fill(string heading, params (string Label, string Value)[] fields)
        {
            foreach (var (label, value) in fields)
            {
                await Form(heading).GetByLabel(label, new() { Exact = true }).FillAsync(value);
            }
        }

        public async Task Send(string heading, string button, params (string Label, string Value)[] fields)
        {
            await Fill(heading, fields);
            await Form(heading).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        }

        public async Task Choose(string heading, params (string Label, string Option)[] fields)
        {
            foreach (var (label, option) in fields)
            {
                await Form(heading).GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });
            }
        }

        public async Task Band(string heading, string legend, params (string Label, string Value)[] fields)
        {
            var fieldset = Form(heading).Locator("fieldset").Filter(new() { Has = page.Locator("legend", new() { HasTextString = legend }) });
            foreach (var (label, value) in fields)
            {
                await fieldset.GetByLabel(label, new() { Exact = true }).FillAsync(value);
            }
        }

        /// <summary>Fills a tolerance form: time and cost as given, the other active dimensions as the demo sets them.</summary>
        public async Task Tolerances(string heading, (string Plan, string Earlier, string Later) time, (string Plan, string Below, string Above) cost)
        {
            await Band(heading, "Tid", ("Planlagt slutt", time.Plan), ("Dager tidligere", time.Earlier), ("Dager senere", time.Later));
            await Band(heading, "Kostnad", ("Plan", cost.Plan), ("Tillatt under", cost.Below), ("Tillatt over", cost.Above));
            await Band(heading, "Kvalitet", ("Plan", "0"), ("Tillatt over", "2"));
            await Band(heading, "Omfang", ("Plan", "0"), ("Tillatt over", "1"));
            await Band(heading, "Risiko", ("Plan", "0"), ("Tillatt over", "30"));
            await Band(heading, "Gevinst", ("Plan", "500000"), ("Tillatt under", "20000"));
            if (heading != "Beslutt avviket")
            {
                await Form(heading).GetByRole(AriaRole.Button, new() { Name = heading, Exact = true }).ClickAsync();
            }
        }

        /// <summary>Appoints a role from the project's page, naming the person as one would: by name.</summary>
        public async Task Assign(string role, string name)
        {
            await Form("Tildel rolle").GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync(role);
            await Send("Tildel rolle", "Tildel rolle", ("Person", name));
            await Done("Rollen er tildelt.");
        }

        /// <summary>Marks every checklist item of the decision point ahead as done, one form at a time.</summary>
        public async Task TickChecklist(string? project = null)
        {
            if (project is not null)
            {
                await Tab(project, "Styringsdokumenter");
            }

            var forms = page.Locator("details[open] .checklist form");
            var count = await forms.CountAsync();
            for (var i = 0; i < count; i++)
            {
                await forms.Nth(i).GetByLabel("Status").SelectOptionAsync("done");
                await forms.Nth(i).GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
                await Done("Sjekkpunktet er oppdatert.");
            }
        }

        public async Task DecideFromInbox(string project, string decisionPoint, string rationale)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Til beslutning" }).ClickAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = project });
            await Assertions.Expect(row).ToContainTextAsync(decisionPoint);
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Send("Beslutt", "Beslutt", ("Begrunnelse", rationale));
            await Done("Beslutningen er tatt.");
        }

        public Task Done(string text) => Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text);
    }

    /// <summary>Waits until the demo has filled the database — twelve projects, and the audit chain still for a second — and answers the portfolio.</summary>
    internal static async Task<JsonElement> SeededAsync(HttpClient board)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        var events = -1L;
        while (DateTime.UtcNow < deadline)
        {
            var portfolio = await board.GetAsync("/api/v1/portfolio?limit=50").Expect(HttpStatusCode.OK);
            var now = (await board.GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.OK)).GetProperty("events").GetInt64();
            if (portfolio.GetProperty("projects").GetArrayLength() == 12 && now == events)
            {
                return portfolio;
            }

            events = now;
            await Task.Delay(1000);
        }

        throw new TimeoutException("The demo did not fill the database within three minutes.");
    }

    /// <summary>
    /// On a Norwegian page: no sentence from the English texts, no English sentence of the service, no user id where a
    /// name belongs, no checklist id or sector slug as text. Text marked <c>lang="en"</c> (the switch to English) is left out.
    /// </summary>
    private static async Task CheckWords(IPage page, string name)
    {
        if (await page.EvaluateAsync<string>("document.documentElement.lang") != "nb")
        {
            return;
        }

        var text = await page.EvaluateAsync<string>(
            "(() => { const b = document.body.cloneNode(true); b.querySelectorAll('[lang=en]').forEach(e => e.remove()); return b.innerText; })()");
        EnglishOnly.Value.Where(english => text.Contains(english, StringComparison.Ordinal)).Should().BeEmpty($"the page {name} is Norwegian");
        ServiceEnglish().Matches(text).Select(m => m.Value).Should().BeEmpty($"the page {name} shows no English sentence of the service");
        UserId().Matches(text).Select(m => m.Value).Should().BeEmpty($"the page {name} names people, not their user ids");
        MachineId().Matches(text).Select(m => m.Value).Should().BeEmpty($"the page {name} names checklist items and sectors, not their ids");
    }

    /// <summary>The fragments of the English texts that differ from their Norwegian ones and are long enough to be a phrase.</summary>
    private static readonly Lazy<IReadOnlyList<string>> EnglishOnly = new(() =>
    {
        static Dictionary<string, string> Read(string file) => System.Xml.Linq.XDocument.Load(Repository.PathOf($"src/ProjectMethod.Api/Web/{file}"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var bokmal = Read("Texts.resx");
        return Read("Texts.en.resx").Where(e => bokmal.GetValueOrDefault(e.Key) != e.Value)
            .SelectMany(e => System.Text.RegularExpressions.Regex.Split(e.Value, @"\{\d+[^}]*\}"))
            .Select(f => f.Trim()).Where(f => f.Length >= 14 && f.Contains(' ', StringComparison.Ordinal)).Distinct().ToList();
    });

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:[Tt]he|is not|has not|cannot|must be|is required|One or more|was not found)\b")]
    private static partial System.Text.RegularExpressions.Regex ServiceEnglish();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}@.])(?:pia|eva|siri|sven|bjorn|nils|kari|ola)(?![\p{L}@.])")]
    private static partial System.Text.RegularExpressions.Regex UserId();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:bp[1-5]-[a-z-]+|helse-og-velferd|teknisk-drift|smaa-prosjekter|egen-drift)\b")]
    private static partial System.Text.RegularExpressions.Regex MachineId();

    /// <summary>
    /// Runs axe-core's WCAG 2.1 A and AA rules on the page (none may fail) and photographs it: into the test output, or with
    /// <c>UPDATE_SCREENSHOTS=1</c> into docs/screenshots for the README.
    /// </summary>
    private static async Task CheckAccessibility(IPage page, string name)
    {
        await CheckWords(page, name);
        await page.AddScriptTagAsync(new() { Path = BrowserFactAttribute.Axe });
        var result = await page.EvaluateAsync<JsonElement>(
            "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } }).then(r => r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'))",
            Wcag21AA);
        result.EnumerateArray().Select(v => v.GetString()).Should().BeEmpty($"the page {name} meets WCAG 2.1 AA");
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Repository.PathOf("docs/screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });

        // The same page at a phone's width (into the test output only): nothing may be cut off or overlap there.
        var wide = page.ViewportSize!;
        await page.SetViewportSizeAsync(390, 844);
        // What sticks out, named by its tag, id and class, so a failure says where to look.
        var sticking = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.parentElement.closest('.scroll'))" +
            ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''))");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"))
            .Should().BeTrue($"the page {name} fits a 390 px wide screen without sideways scrolling (sticking out: {string.Join(", ", sticking.Take(8))})");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}-smal.png"), FullPage = true });
        await page.SetViewportSizeAsync(wide.Width, wide.Height);
    }
}
