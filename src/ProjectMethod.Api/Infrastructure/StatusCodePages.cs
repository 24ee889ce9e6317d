using Microsoft.AspNetCore.Diagnostics;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>Gives bodiless error responses (unknown route, wrong method) a problem+json body.</summary>
public static class StatusCodePages
{
    /// <summary>Whether the request is for a web page rather than the API, its document, health or the stylesheet.</summary>
    public static bool IsPage(HttpContext context) =>
        !NotPages.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] NotPages = ["/api", "/openapi", "/health", "/swagger", "/css"];

    public static Task WriteProblem(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var (code, title) = status switch
        {
            StatusCodes.Status404NotFound => ("not-found", "Not found"),
            StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "Method not allowed"),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", "Unsupported media type"),
            _ => ("http-" + status, "Request failed"),
        };
        return Problems.Problem(status, code, title, $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path} answered {status}.")
            .ExecuteAsync(context.HttpContext);
    }
}
