using Microsoft.AspNetCore.Http.HttpResults;

namespace ProjectMethod.Api.Infrastructure.Documents;

/// <summary>The documents a read answers besides JSON, chosen by the caller's Accept header.</summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string Csv = "text/csv";

    /// <summary>Whether the caller asks for this media type by name (a wildcard or JSON keeps the JSON answer).</summary>
    public static bool Asks(this HttpRequest request, string mediaType) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);

    /// <summary>
    /// A read of one record: its document when the caller asks for PDF (in the language it prefers), its JSON otherwise;
    /// not found (named <paramref name="missing"/>) when there is no such record.
    /// </summary>
    public static async Task<Results<Ok<T>, FileContentHttpResult, ProblemHttpResult>> JsonOrPdfAsync<T>(
        HttpContext http, Func<Task<T?>> json, Func<PaperTexts, Task<byte[]?>> pdf, string fileName, string missing)
        where T : class
    {
        if (http.Request.Asks(Pdf))
        {
            return await pdf(PaperTexts.For(http.Request)) is { } document ? TypedResults.File(document, Pdf, fileName) : Problems.NotFound(missing);
        }

        return await json() is { } read ? TypedResults.Ok(read) : Problems.NotFound(missing);
    }
}
