using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ProjectMethod.Api.Web;

/// <summary>
/// The web application for the people who govern projects: server-rendered Razor Pages in the same host, on the same
/// stores and domain rules as the API (never HTTP calls to itself), signed in with a cookie of their own while the API keeps
/// its bearer tokens. Norwegian (bokmål) first, English second.
/// </summary>
public static class Web
{
    public const string Scheme = "web";

    /// <summary>The municipality's sign-in (OpenID Connect), where the host does not offer the development sign-in.</summary>
    public const string OidcScheme = "oidc";

    /// <summary>The demo users a development sign-in offers: who they are and what they hold.</summary>
    public static readonly IReadOnlyList<(string UserId, string Name, string Unit, string Title, string[] Roles)> DemoUsers =
    [
        ("pia", "Pia Forslagsstiller", "Servicetorget", "Rådgiver", []),
        ("per", "Per Prosjektleder", "Prosjektkontoret", "Prosjektleder", []),
        ("eva", "Eva Eier", "Helse og velferd", "Kommunalsjef", []),
        ("siri", "Siri Seniorbruker", "Hjemmetjenesten", "Avdelingsleder", []),
        ("sven", "Sven Seniorleverandør", "IT-avdelingen", "IT-sjef", []),
        ("bo", "Bo Gevinstansvarlig", "Hjemmetjenesten", "Enhetsleder", []),
        ("bjorn", "Bjørn Virksomhetsledelsen", "Rådmannens ledergruppe", "Kommunedirektør", [Domain.Roles.GlobalRoles.PortfolioBoard]),
        ("ola", "Ola Ansatt", "Økonomiavdelingen", "Rådgiver", []),
    ];

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<WebOperations>();
        builder.Services.AddScoped<Inbox>();
        builder.Services.AddScoped<PeopleNames>();
        builder.Services.AddScoped<SectorNames>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AuthorizeFolder("/", "web-user");
            options.Conventions.AllowAnonymousToPage("/LoggInn");
        });
        var signIn = SignIn.From(builder.Configuration);
        var authentication = builder.Services.AddAuthentication();
        authentication.AddCookie(Scheme, cookie =>
        {
            // With OpenID Connect a page that needs a signed-in employee sends the browser to the municipality's sign-in.
            cookie.ForwardChallenge = signIn is null ? null : OidcScheme;
            cookie.LoginPath = "/logg-inn";
            cookie.LogoutPath = "/logg-inn";
            cookie.Cookie.Name = "projectmethod";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);

            // Whoever signs in to the pages (the development sign-in or the municipality's) is recorded in the register of people.
            cookie.Events.OnSigningIn = signingIn => signingIn.HttpContext.RequestServices.GetRequiredService<People.PeopleCommands>()
                .RecordAsync(signingIn.Principal!, signingIn.HttpContext.RequestAborted);
        });
        if (signIn is not null)
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc => signIn.Configure(oidc));
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy("web-user", policy =>
            policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        var cultures = new[] { new CultureInfo("nb-NO"), new CultureInfo("en") };
        // Bokmål unless the person chose English with the pages' language switch (a cookie); the browser's language alone
        // does not decide it, since a municipal employee's browser is often set up in English.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("nb-NO"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        app.MapGet("/css/site.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(Stylesheet.Value.Bytes, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();

        // A route nobody answers: on a page path the Norwegian not-found page (signed in or not); on the API's, as before,
        // 401 to whoever has no token and 404 to whoever has.
        app.MapFallback((HttpContext http) => Infrastructure.StatusCodePages.IsPage(http) || http.User.Identity?.IsAuthenticated == true
                ? Results.NotFound()
                : Results.Challenge())
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The stylesheet's address, with a version that changes with its content (it is cached for a year).</summary>
    public static string StylesheetUrl => $"/css/site.css?v={Stylesheet.Value.Version}";

    private static readonly Lazy<(byte[] Bytes, string Version)> Stylesheet = new(() =>
    {
        using var stream = typeof(Web).Assembly.GetManifestResourceStream("site.css")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return (bytes, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..12]);
    });

    /// <summary>
    /// The web sign-in with OpenID Connect: the same <c>Auth:Authority</c> the API trusts for bearer tokens, the web
    /// application's own client (<c>Web:ClientId</c>, <c>Web:ClientSecret</c>), the authorization code flow with PKCE, and the
    /// employee's <c>sub</c>, <c>name</c> and <c>roles</c> as the API reads them from a token. Null where the development
    /// sign-in is offered or no client is configured.
    /// </summary>
    public sealed record SignIn(string Authority, string ClientId, string? ClientSecret, bool RequireHttpsMetadata)
    {
        public static SignIn? From(IConfiguration configuration)
        {
            var authority = configuration["Auth:Authority"];
            var clientId = configuration["Web:ClientId"];
            return OffersDevelopmentSignIn(configuration) || string.IsNullOrWhiteSpace(authority) || string.IsNullOrWhiteSpace(clientId)
                ? null
                : new SignIn(authority, clientId, configuration["Web:ClientSecret"] is { Length: > 0 } secret ? secret : null,
                    Infrastructure.AuthOptions.From(configuration).RequireHttpsMetadata);
        }

        /// <summary>The origin the pages' forms may lead to besides their own: signing out ends the session there.</summary>
        public string Origin => new Uri(Authority).GetLeftPart(UriPartial.Authority);

        public void Configure(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions oidc)
        {
            oidc.Authority = Authority;
            oidc.ClientId = ClientId;
            oidc.ClientSecret = ClientSecret;
            oidc.RequireHttpsMetadata = RequireHttpsMetadata;
            oidc.SignInScheme = Scheme;
            oidc.ResponseType = "code";
            oidc.ResponseMode = "query";
            oidc.UsePkce = true;
            oidc.CallbackPath = "/logg-inn/oidc";
            oidc.SignedOutCallbackPath = "/logg-inn/utlogget";
            oidc.SignedOutRedirectUri = "/logg-inn";
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            oidc.TokenValidationParameters.NameClaimType = "name";
            oidc.TokenValidationParameters.RoleClaimType = Infrastructure.Auth.RolesClaim;
            // The answer comes back as a top-level GET (response mode query), which carries Lax cookies over http and https alike.
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // A sign-in that fails (refused, expired, a token that does not validate) is told on the sign-in page, not as an error.
            oidc.Events.OnRemoteFailure = failure =>
            {
                failure.Response.Redirect("/logg-inn?mislyktes=1");
                failure.HandleResponse();
                return Task.CompletedTask;
            };
        }
    }

    /// <summary>Whether this host offers the development sign-in (a list of demo users) instead of OpenID Connect.</summary>
    public static bool OffersDevelopmentSignIn(IConfiguration configuration) => configuration.GetValue<bool>("Web:DevelopmentSignIn");

    /// <summary>The principal of a signed-in employee, with the same claims a bearer token carries.</summary>
    public static ClaimsPrincipal Principal(string userId, string name, IEnumerable<string> roles) =>
        new(new ClaimsIdentity(
            [new Claim(JwtRegisteredClaimNames.Sub, userId), new Claim("name", name), .. roles.Select(r => new Claim(Infrastructure.Auth.RolesClaim, r))],
            Scheme, "name", Infrastructure.Auth.RolesClaim));
}
