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
public sealed class WebTests(SqliteApi api) : IClassFixture<SqliteApi>
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
    }

    [Theory]
    [InlineData(null, "nb", "Logg inn")]
    [InlineData("nb-NO", "nb", "Logg inn")]
    [InlineData("en", "en", "Sign in")]
    public async Task Pages_speak_bokmal_first_and_english_when_asked(string? language, string lang, string heading)
    {
        using var client = api.CreateDefaultClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = await client.GetStringAsync("/logg-inn");

        html.Should().Contain($"<html lang=\"{lang}\">").And.Contain($"<h1>{heading}</h1>");
    }

    [BrowserFact]
    public async Task An_employee_signs_in_sees_their_projects_and_a_projects_phases_gate_roles_and_decisions()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, ["demo"], ("Web:DevelopmentSignIn", "true"));
        await SeededAsync(service.As("bjorn", GlobalRoles.PortfolioBoard));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.Chromium, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { BaseURL = service.Address.ToString(), BypassCSP = true, Locale = "nb-NO", ViewportSize = new() { Width = 1200, Height = 800 } });
        var page = await context.NewPageAsync();

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
        await Assertions.Expect(page.Locator("#recommendation-error")).ToBeVisibleAsync();
        (await page.GetByLabel("Anbefaling").GetAttributeAsync("aria-describedby")).Should().Be("recommendation-error");
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
        await page.GetByLabel("Begrunnelse").FillAsync("Godt forankret i kulturplanen");
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
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(12);
        await CheckAccessibility(page, "portefolje");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Rød" });
        await page.GetByLabel("Bare med åpne avvik").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync("Nytt bibliotek på Torget");
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
        await page.GetByLabel("Verdi (hours)").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer måling" }).ClickAsync();
        await Assertions.Expect(page.Locator("#date-error")).ToBeVisibleAsync();
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync("2026-11-01");
        await page.GetByLabel("Verdi (hours)").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer måling" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Målingen er registrert.");
        await Assertions.Expect(measured).ToHaveCountAsync(4);
        await Assertions.Expect(measured.Last).ToContainTextAsync("01.11.2026");
        await CheckAccessibility(page, "gevinst");
    }

    /// <summary>Waits until the demo has filled the database — twelve projects, and the audit chain still for a second — and answers the portfolio.</summary>
    private static async Task<JsonElement> SeededAsync(HttpClient board)
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
    /// Runs axe-core's WCAG 2.1 A and AA rules on the page (none may fail) and photographs it: into the test output, or with
    /// <c>UPDATE_SCREENSHOTS=1</c> into docs/screenshots for the README.
    /// </summary>
    private static async Task CheckAccessibility(IPage page, string name)
    {
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
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"))
            .Should().BeTrue($"the page {name} fits a 390 px wide screen without sideways scrolling");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}-smal.png"), FullPage = true });
        await page.SetViewportSizeAsync(wide.Width, wide.Height);
    }
}
