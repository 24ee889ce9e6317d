using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Bearer-token settings. Production names an OIDC <c>Authority</c> and <c>Audience</c>; development and tests sign
/// their own tokens with <c>SigningKey</c>, <c>Issuer</c> and <c>Audience</c>. The authority's metadata comes over HTTPS
/// unless <c>RequireHttpsMetadata</c> is false (an authority on 127.0.0.1 in a test).
/// </summary>
public sealed record AuthOptions(string? Authority, string? SigningKey, string Issuer, string Audience, bool RequireHttpsMetadata = true)
{
    public const string Section = "Auth";

    public static AuthOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new AuthOptions(
            NullIfEmpty(section["Authority"]),
            NullIfEmpty(section["SigningKey"]),
            section["Issuer"] ?? "projectmethod-dev",
            section["Audience"] ?? "projectmethod",
            section.GetValue("RequireHttpsMetadata", true));
    }

    public SymmetricSecurityKey Key()
    {
        if (SigningKey is null || Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 bytes, or Auth:Authority to an OIDC issuer.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

public static class Auth
{
    public const string RolesClaim = "roles";

    public static IServiceCollection AddBearerAuth(this IServiceCollection services, AuthOptions options)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            bearer.MapInboundClaims = false;
            bearer.Audience = options.Audience;
            bearer.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidAudience = options.Audience,
                NameClaimType = "name",
                RoleClaimType = RolesClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (options.Authority is { } authority)
            {
                bearer.Authority = authority;
                bearer.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
            else
            {
                bearer.TokenValidationParameters.ValidIssuer = options.Issuer;
                bearer.TokenValidationParameters.IssuerSigningKey = options.Key();
                bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }

            bearer.Events = new JwtBearerEvents
            {
                // Every action is attributed to a user id: a token without one is not accepted.
                OnTokenValidated = context =>
                {
                    if (string.IsNullOrWhiteSpace(context.Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub)))
                    {
                        context.Fail("The token has no 'sub' claim.");
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await Problems.Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "Not authenticated",
                        "A valid bearer token is required.").ExecuteAsync(context.HttpContext);
                },
                OnForbidden = context => Problems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Not allowed",
                    "Your roles do not allow this.").ExecuteAsync(context.HttpContext),
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>The employee behind the request: <c>sub</c>, <c>name</c> and the <c>roles</c> claims.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(JwtRegisteredClaimNames.Sub)
            ?? throw new InvalidOperationException("An authenticated user without a 'sub' claim.");
        return new Actor(userId, user.FindFirstValue("name") ?? userId, user.FindAll(RolesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A token signed with the development key: for the <c>token</c> command and for tests.</summary>
    public static string CreateDevelopmentToken(
        AuthOptions options, string subject, string name, IEnumerable<string> roles, Instant issuedAt, Duration lifetime)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = subject,
            ["name"] = name,
            [RolesClaim] = roles.ToArray(),
        };
        var now = issuedAt.ToDateTimeUtc();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime.ToTimeSpan(),
            SigningCredentials = new SigningCredentials(options.Key(), SecurityAlgorithms.HmacSha256),
        });
    }
}
