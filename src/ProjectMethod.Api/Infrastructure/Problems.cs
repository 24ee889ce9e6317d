using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>RFC 9457 problem details with <c>type = urn:projectmethod:problem:&lt;name&gt;</c>.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:projectmethod:problem:";

    public static ProblemHttpResult From(DomainError error) => Problem(
        error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        },
        error.Code, error.Title, error.Detail, error.Extensions);

    public static ProblemHttpResult Problem(int status, string code, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = TypePrefix + code, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, "not-found", "Not found", $"{what} was not found.");

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) => Problem(
        StatusCodes.Status400BadRequest, "validation", "Invalid request", "One or more fields are invalid.",
        new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult PreconditionFailed(long current) => Problem(
        StatusCodes.Status412PreconditionFailed, "precondition-failed", "Precondition failed",
        $"The project changed since you read it; it is now at version {current}. Read it again and retry.",
        new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>Documents the problem responses an endpoint can give, so the OpenAPI document lists every outcome.</summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes.Concat([StatusCodes.Status401Unauthorized]).Distinct())
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
