using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Conditional reads for the API: every successful GET carries an <c>ETag</c> — a project's version where the handler
/// gives one (the tag <c>If-Match</c> takes), otherwise a tag of the body's bytes — and a GET whose
/// <c>If-None-Match</c> names it is answered 304 without a body, so a BI tool or an archive polling a resource reads it
/// again only when it changed.
/// </summary>
public sealed class ConditionalReads(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = context.Response.Headers.ETag.ToString();
            if (etag.Length == 0)
            {
                etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"";
                context.Response.Headers.ETag = etag;
            }

            if (Names(context.Request.Headers.IfNoneMatch.ToString(), etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.Remove(HeaderNames.ContentType);
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Whether an If-None-Match value names this entity tag (weak comparison, as RFC 9110 asks for it), or is *.</summary>
    private static bool Names(string ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Length == 0)
        {
            return false;
        }

        var opaque = Opaque(etag);
        return ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || Opaque(tag) == opaque);
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
