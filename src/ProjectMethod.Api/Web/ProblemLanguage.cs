using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Web;

/// <summary>
/// The API's problems in Norwegian for a caller whose <c>Accept-Language</c> prefers bokmål (or nynorsk, or plain
/// <c>no</c>) over English; English stays the API's default. The title is the problem type's, the detail the rule's or
/// the type's own sentence, each unmet criterion's description and reason and each field's message the reader's
/// language — from the same texts the pages use. Only a problem+json body is read and rewritten; every other response
/// passes through as it is written.
/// </summary>
public sealed class ProblemLanguage(RequestDelegate next, IStringLocalizerFactory localizers, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private static readonly CultureInfo Bokmal = new("nb-NO");

    public async Task InvokeAsync(HttpContext context)
    {
        if (Infrastructure.StatusCodePages.IsPage(context))
        {
            await next(context);
            return;
        }

        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        if (!PrefersNorwegian(context.Request))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        var body = new ProblemCatcher(original, context.Response);
        context.Response.Body = body;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (body.Caught is { } caught)
        {
            var rewritten = Rewrite(caught);
            context.Response.ContentLength = rewritten.Length;
            await original.WriteAsync(rewritten, context.RequestAborted);
        }
    }

    /// <summary>Whether the caller's most preferred language the API speaks is Norwegian (nb, nn or no, with or without region).</summary>
    public static bool PrefersNorwegian(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "nb" or "nn" or "no" or "en");
        return preferred is "nb" or "nn" or "no";
    }

    private byte[] Rewrite(byte[] problemJson)
    {
        if (JsonNode.Parse(problemJson) is not JsonObject problem)
        {
            return problemJson;
        }

        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Bokmal;
        try
        {
            Translate(problem, localizers.Create(typeof(Texts)), json.Value.SerializerOptions);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }

        return JsonSerializer.SerializeToUtf8Bytes(problem);
    }

    /// <summary>Puts a problem's words in the localizer's language; its type, status and facts stay as they are.</summary>
    public static void Translate(JsonObject problem, IStringLocalizer texts, JsonSerializerOptions options)
    {
        var type = ((string?)problem["type"])?.Replace(Infrastructure.Problems.TypePrefix, "", StringComparison.Ordinal) ?? "";
        if (texts[$"Problem.{type}"] is { ResourceNotFound: false } title)
        {
            problem["title"] = title.Value;
        }

        if (problem["errors"] is JsonObject errors)
        {
            foreach (var (field, messages) in errors.ToList())
            {
                errors[field] = new JsonArray([.. (messages as JsonArray ?? []).Select(m => (JsonNode?)Refused.FieldMessage((string?)m ?? "", texts))]);
            }
        }

        if (problem["unmetCriteria"] is JsonArray unmet)
        {
            foreach (var item in unmet.OfType<JsonObject>())
            {
                if (item.Deserialize<CriterionResult>(options) is { } criterion)
                {
                    item["description"] = Refused.Criterion(criterion, texts);
                    item["detail"] = Reasons.Text(criterion.Reason, texts) ?? item["detail"]?.DeepClone();
                }
            }
        }

        var rule = (problem["rule"] as JsonValue)?.ToString();
        problem["detail"] = (rule is not null && texts[$"Rule.{rule}"] is { ResourceNotFound: false } broken ? broken.Value : null)
            ?? (texts[$"ApiDetail.{type}"] is { ResourceNotFound: false } sentence ? sentence.Value : null)
            ?? (string?)problem["title"];
    }

    /// <summary>
    /// The response body while the request is answered: what it writes passes straight through unless the response is a
    /// problem (decided at the first write, when its content type is set), which is kept to be rewritten.
    /// </summary>
    private sealed class ProblemCatcher(Stream inner, HttpResponse response) : Stream
    {
        private MemoryStream? buffer;
        private bool decided;

        public byte[]? Caught => buffer?.ToArray();

        private Stream Target()
        {
            if (!decided)
            {
                decided = true;
                if (response.ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) == true)
                {
                    buffer = new MemoryStream();
                    response.ContentLength = null;
                }
            }

            return buffer ?? inner;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        // A flush before the first write (the response starting) decides too: by then the content type is set.
        public override void Flush() => Target().Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => Target().FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Target().Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target().WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target().WriteAsync(buffer, cancellationToken);
    }
}
