using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.BusinessCases;

/// <summary>A new version of the business case (prosjektbegrunnelse).</summary>
public sealed record WriteBusinessCase(
    string? Reasons, string? Options, string? ExpectedBenefits, string? ExpectedCosts, string? Timescale, string? MajorRisks);

/// <summary>The Executive's review: is the business case still justified?</summary>
public sealed record ReviewBusinessCase(bool? Justified, string? Comment = null);

public sealed record ReviewView(Guid Id, int CaseVersion, Phase Phase, int? Stage, bool Justified, string Comment, [property: Person] string ReviewedBy, Instant ReviewedAt);

/// <summary>One version of the business case as it was written.</summary>
public sealed record BusinessCaseVersionView(
    int Version, string Reasons, string Options, string ExpectedBenefits, string ExpectedCosts, string Timescale, string MajorRisks, [property: Person] string WrittenBy,
    Instant WrittenAt)
{
    public static BusinessCaseVersionView From(BusinessCaseRow row) => new(
        row.Version, row.Reasons, row.Options, row.ExpectedBenefits, row.ExpectedCosts, row.Timescale, row.MajorRisks, row.WrittenBy, row.WrittenAt);
}

public sealed record BusinessCaseView(
    int Version,
    string Reasons,
    string Options,
    string ExpectedBenefits,
    string ExpectedCosts,
    string Timescale,
    string MajorRisks,
    [property: Person] string WrittenBy,
    Instant WrittenAt,
    BusinessCaseStanding Standing,
    IReadOnlyList<ReviewView> Reviews);

public static class BusinessCasesApi
{
    public static IEndpointRouteBuilder MapBusinessCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Business case");
        group.MapGet("/business-case", async Task<Results<Ok<BusinessCaseView>, ProblemHttpResult>> (Guid id, HttpContext http, BusinessCaseReader reader, CancellationToken cancellationToken) =>
                await reader.ReadAsync(ProjectScope.Project(http), cancellationToken) is { } view
                    ? TypedResults.Ok(view)
                    : Problems.NotFound("A business case")).WithName(Operations.GetBusinessCase)
            .WithSummary("The newest business case version, its standing in this phase and every review")
            .WithDescription("standing tells whether the Executive has confirmed the newest version in the current phase or stage.").WithProblems(404);
        group.MapGet("/business-case/versions", Versions).WithName(Operations.ListBusinessCaseVersions)
            .WithSummary("Every version of the business case, oldest first").WithProblems(404);
        group.MapGet("/business-case/versions/{version:int}", Version).WithName(Operations.GetBusinessCaseVersion)
            .WithSummary("One version of the business case, as it was written").WithProblems(404);
        group.MapPut("/business-case", async (Guid id, WriteBusinessCase request, HttpContext http, BusinessCaseCommands commands) =>
                (await commands.WriteAsync(id, request, http.Caller())).AsOk(http)).WithName(Operations.WriteBusinessCase).Allows(ProjectAction.WriteBusinessCase)
            .WithSummary("Write a new version of the business case").WithDescription("Project Manager or Executive. Each write is a new version that needs a new confirmation.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/business-case/reviews", async (Guid id, ReviewBusinessCase request, HttpContext http, BusinessCaseCommands commands) =>
                (await commands.ReviewAsync(id, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/business-case")).WithName(Operations.ReviewBusinessCase).Allows(ProjectAction.ReviewBusinessCase)
            .WithSummary("Confirm (or not) that the business case is still justified")
            .WithDescription("Executive only. A review that finds the case unjustified leaves only stop open at the next decision point.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ItemList<BusinessCaseVersionView>>> Versions(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<BusinessCaseVersionView>(
            (await database.ReadAsync(db => BusinessCaseStore.VersionsAsync(db, id), cancellationToken)).Select(BusinessCaseVersionView.From).ToList()));

    private static async Task<Results<Ok<BusinessCaseVersionView>, ProblemHttpResult>> Version(
        Guid id, int version, Database database, CancellationToken cancellationToken) =>
        (await database.ReadAsync(db => BusinessCaseStore.VersionsAsync(db, id), cancellationToken)).FirstOrDefault(v => v.Version == version) is { } row
            ? TypedResults.Ok(BusinessCaseVersionView.From(row))
            : Problems.NotFound($"Version {version} of the business case");
}
