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

    [BrowserFact]
    public async Task An_employee_signs_in_sees_their_projects_and_a_projects_phases_gate_roles_and_decisions()
    {
        using var database = api.Another();
        using var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, ("Web:DevelopmentSignIn", "true"));
        var (pia, board) = (service.As("pia"), service.As("bjorn", GlobalRoles.PortfolioBoard));
        var created = await pia.Post("/api/v1/projects", new { name = "Digital hjemmetjeneste", sector = "helse", description = "Velferdsteknologi i hjemmetjenesten" })
            .Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        await pia.Put($"/api/v1/projects/{id}/mandate", new { purpose = "Bedre oppfølging", background = "Manuelle rutiner" }).Expect(HttpStatusCode.OK);
        await board.Post($"/api/v1/projects/{id}/roles", new { role = "executive", userId = "eva", displayName = "Eva Eier" }).Expect(HttpStatusCode.Created);
        await pia.Post("/api/v1/projects", new { name = "Et prosjekt for andre", sector = "kultur", description = "Ikke Pias" })
            .Expect(HttpStatusCode.Created);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.Chromium, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { BaseURL = service.Address.ToString(), BypassCSP = true, Locale = "nb-NO", ViewportSize = new() { Width = 1200, Height = 800 } });
        var page = await context.NewPageAsync();

        var first = await page.GotoAsync("/");
        page.Url.Should().Contain("/logg-inn", "a page needs a signed-in employee");
        first!.Headers["content-security-policy"].Should().Contain("default-src 'none'").And.Contain("form-action 'self'");
        await CheckAccessibility(page, "logg-inn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pia Forslagsstiller" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine prosjekter" })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Filter(new() { HasText = "Digital hjemmetjeneste" })).ToContainTextAsync("Forslag");
        await Assertions.Expect(rows.Filter(new() { HasText = "Digital hjemmetjeneste" })).ToContainTextAsync("forslagsstiller");
        await CheckAccessibility(page, "mine-prosjekter");

        await page.GetByRole(AriaRole.Link, new() { Name = "Digital hjemmetjeneste" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Digital hjemmetjeneste", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Forslag");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Neste beslutningspunkt: BP1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ikke oppfylt" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Eva Eier – prosjekteier")).ToBeVisibleAsync();
        await CheckAccessibility(page, "prosjekt");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logg inn" })).ToBeVisibleAsync();
        (await page.GotoAsync("/"))!.Url.Should().Contain("/logg-inn", "signed out is signed out");
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
    }
}
