using System.Net;
using System.Text.RegularExpressions;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// The web application's production sign-in: OpenID Connect against the same authority as the API, with cookies, code
/// flow and PKCE — run end to end against a provider on 127.0.0.1, with the service as its own process.
/// </summary>
public sealed partial class WebSignInTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static async Task<(OidcProvider Provider, ServiceProcess Service, HttpClient Browser)> StartAsync(SqliteApi api)
    {
        var provider = await OidcProvider.StartAsync();
        var database = api.Another();
        var service = await ServiceProcess.StartAsync(database.Provider, database.ConnectionString, [],
            ("Auth:Authority", provider.Issuer), ("Web:ClientId", "projectmethod-web"), ("Auth:RequireHttpsMetadata", "false"));
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = service.Address };
        return (provider, service, browser);
    }

    [Fact]
    public async Task An_employee_signs_in_at_the_municipalitys_sign_in_and_out_again()
    {
        var (provider, service, browser) = await StartAsync(api);
        await using var _ = provider;
        using var __ = service;
        using var ___ = browser;

        var home = await browser.GetAsync("/prosjekter/ny");

        home.StatusCode.Should().Be(HttpStatusCode.OK);
        home.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/prosjekter/ny", "after signing in the browser is back where it started");
        var html = await home.Content.ReadAsStringAsync();
        html.Should().Contain("Innlogget som <strong>Per Prosjektleder</strong>");
        provider.Authorizations.Should().Be(1);
        home.Headers.GetValues("Content-Security-Policy").Single().Should().Contain($"form-action 'self' {provider.Issuer}");

        // The cookie is the web application's: the API still wants a bearer token.
        (await browser.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        // Nobody picks a demo user here.
        (await browser.GetStringAsync("/logg-inn")).Should().NotContain("name=\"userId\"");

        // A proposal made through the page is the signed-in employee's.
        var proposed = await browser.PostAsync("/prosjekter/ny", Form(html, ("name", "Lys i lysløypa"), ("sector", "kultur"), ("description", "LED-lys")));
        proposed.RequestMessage!.RequestUri!.AbsolutePath.Should().EndWith("/styringsdokumenter");
        (await proposed.Content.ReadAsStringAsync()).Should().Contain("Forslaget er registrert.").And.Contain("Lys i lysløypa");

        var signedOut = await browser.PostAsync("/logg-inn?handler=LoggUt", Form(await proposed.Content.ReadAsStringAsync()));

        signedOut.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/logg-inn");
        provider.SignOuts.Should().Be(1, "signing out ends the session at the municipality's sign-in too");
        await browser.GetAsync("/");
        provider.Authorizations.Should().Be(2, "after signing out a page sends the browser to sign in again");
    }

    [Fact]
    public async Task A_forged_id_token_signs_nobody_in_and_says_so()
    {
        var (provider, service, browser) = await StartAsync(api);
        await using var _ = provider;
        using var __ = service;
        using var ___ = browser;
        provider.SignWithUnpublishedKey = true;

        var answer = await browser.GetAsync("/");

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.RequestMessage!.RequestUri!.PathAndQuery.Should().Be("/logg-inn?mislyktes=1");
        var html = await answer.Content.ReadAsStringAsync();
        html.Should().Contain("Innloggingen mislyktes").And.NotContain("Innlogget som");
    }

    /// <summary>A form body with the page's antiforgery token.</summary>
    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Token().Match(page).Groups[1].Value), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
