using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>Limits (section <c>Limits</c>): the largest request body, and how many requests a user may make per minute.</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public int RequestsPerMinute { get; init; } = 600;
}

/// <summary>Request body limit (413), per-user rate limiting (429 with Retry-After) and security headers.</summary>
public static class Hardening
{
    public static IServiceCollection AddHardening(this IServiceCollection services, LimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                // Per user when signed in; per address otherwise.
                var partition = http.User.Identity?.IsAuthenticated == true
                    ? "user:" + http.User.FindFirst("sub")?.Value
                    : "address:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Problem(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests",
                    $"At most {limits.RequestsPerMinute} requests a minute per user; retry after {seconds} s.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Refuses bodies over the limit before anything reads them, whatever server the service runs on.</summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app, LimitOptions limits) =>
        app.Use(async (http, next) =>
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            }

            if (http.Request.ContentLength > limits.MaxRequestBodyBytes)
            {
                await Problems.Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Request body too large",
                    $"Request bodies are limited to {limits.MaxRequestBodyBytes} bytes.").ExecuteAsync(http);
                return;
            }

            await next(http);
        });

    /// <summary>The security headers of every answer; the web pages' policy allows no script and forms only to themselves and the sign-in.</summary>
    /// <param name="app">The host.</param>
    /// <param name="signInOrigin">The municipality's sign-in, where the pages' sign-in and sign-out forms lead (none in development).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInOrigin = null)
    {
        var formAction = signInOrigin is null ? "'self'" : $"'self' {signInOrigin}";
        return app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "no-store";
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }
            else if (!http.Request.Path.StartsWithSegments("/swagger"))
            {
                // The web pages: their own stylesheet, no script, forms only to themselves.
                headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
            }

            return next(http);
        });
    }
}
