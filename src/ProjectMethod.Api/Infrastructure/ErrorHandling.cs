using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Turns what escapes an endpoint into problem+json: unreadable requests (malformed JSON, unknown enum values,
/// unknown fields) into 400 naming the fault; a database that cannot be reached or written just now into a 503 with
/// Retry-After; anything else into a 500 without internals.
/// </summary>
public static partial class ErrorHandling
{
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when Unavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            ExceptionHandler = WriteProblem,
            // A request the client got wrong is its fault, not the service's: one line at information (WriteProblem), no
            // error with a stack trace. Server faults keep the middleware's error and trace.
            SuppressDiagnosticsCallback = handled => handled.Exception is BadHttpRequestException,
        });

    /// <summary>The category of the one line a client's fault is logged as.</summary>
    public const string ClientFaults = "ProjectMethod.Api.ClientFaults";

    private static async Task WriteProblem(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad => Problems.Problem(
                bad.StatusCode, "malformed-request", "Malformed request", Describe(json)),
            BadHttpRequestException bad => Problems.Problem(
                bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "payload-too-large" : "bad-request",
                "Bad request", bad.Message),
            _ when Unavailable.Is(exception) => Unreachable(context),
            _ => Problems.Problem(StatusCodes.Status500InternalServerError, "internal", "Internal error",
                $"The request could not be completed. Quote trace id {context.TraceIdentifier} when reporting it."),
        };
        if (exception is BadHttpRequestException)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(ClientFaults);
            Refused(logger, context.Request.Method, context.Request.Path, result.StatusCode, result.ProblemDetails.Detail);
        }

        await result.ExecuteAsync(context);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unreachable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "database-unavailable", "Database unavailable",
            "The database cannot be reached or written just now, so the request was not carried out. Try again shortly.");
    }

    // Names the field and the fault without echoing internal type names.
    private static string Describe(JsonException json)
    {
        var at = json.Path is { Length: > 1 } path ? path : "the top level";
        // NodaTime's converters refuse a string that is no date, instant or period.
        if (json.InnerException is NodaTime.Text.UnparsableValueException or NodaTime.Utility.InvalidNodaDataException)
        {
            return $"The value at {at} is not a valid ISO-8601 value (dates 2027-01-31, instants 2027-01-31T12:00:00Z, periods P3M).";
        }

        if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"The value at {at} has the wrong type or is not one of the allowed values.";
        }

        if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var property = json.Message.Split('\'') is { Length: > 2 } parts ? parts[1] : "a property";
            return $"'{property}' is not a field of this request.";
        }

        if (json.Message.Contains(Json.NullItem, StringComparison.Ordinal))
        {
            return json.Message.Split(" Path:")[0];
        }

        return $"The request body is not valid JSON (near {at}).";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status}: {Detail}")]
    private static partial void Refused(ILogger logger, string method, PathString path, int status, string? detail);
}
