using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// A municipality's sign-in for the tests: an OpenID Connect provider on 127.0.0.1 with discovery, keys, the authorization
/// endpoint (which signs in <see cref="User"/> at once), the token endpoint (which checks PKCE) and the end-session endpoint.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "signing" };
    private readonly RsaSecurityKey stranger = new(RSA.Create(2048)) { KeyId = "signing" };
    private readonly ConcurrentDictionary<string, (string Nonce, string ClientId, string Challenge)> codes = new();

    private OidcProvider(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public string Issuer => Address.ToString().TrimEnd('/');

    /// <summary>Who signs in: the claims the ID token carries.</summary>
    public (string Sub, string Name, string[] Roles) User { get; set; } = ("per", "Per Prosjektleder", []);

    /// <summary>Sign the ID token with a key the provider does not publish (a forged token).</summary>
    public bool SignWithUnpublishedKey { get; set; }

    public int Authorizations { get; private set; }

    public int SignOuts { get; private set; }

    public static async Task<OidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new OidcProvider(app);
        provider.Map();
        await app.StartAsync();
        provider.Address = new Uri(app.Urls.Single());
        return provider;
    }

    private void Map()
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["end_session_endpoint"] = $"{Issuer}/logout",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            Authorizations++;
            var query = request.Query;
            var code = Guid.NewGuid().ToString("N");
            codes[code] = (query["nonce"].ToString(), query["client_id"].ToString(), query["code_challenge"].ToString());
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!codes.TryRemove(form["code"].ToString(), out var granted)
                || Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != granted.Challenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var claims = new Dictionary<string, object> { ["sub"] = User.Sub, ["name"] = User.Name, ["nonce"] = granted.Nonce };
            if (User.Roles.Length > 0)
            {
                claims["roles"] = User.Roles;
            }

            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = granted.ClientId,
                Claims = claims,
                IssuedAt = DateTime.UtcNow,
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(SignWithUnpublishedKey ? stranger : key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = token });
        });
        app.MapGet("/logout", (HttpRequest request) =>
        {
            SignOuts++;
            var state = request.Query["state"].ToString();
            return Results.Redirect($"{request.Query["post_logout_redirect_uri"]}{(state.Length > 0 ? $"?state={Uri.EscapeDataString(state)}" : "")}");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
