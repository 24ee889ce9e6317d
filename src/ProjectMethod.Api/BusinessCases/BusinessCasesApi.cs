using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.BusinessCases;

/// <summary>A new version of the business case (prosjektbegrunnelse).</summary>
public sealed record WriteBusinessCase(
    string? Reasons, string? Options, string? ExpectedBenefits, string? ExpectedCosts, string? Timescale, string? MajorRisks);

/// <summary>The Executive's review: is the business case still justified?</summary>
public sealed record ReviewBusinessCase(bool? Justified, string? Comment = null);

public sealed record ReviewView(Guid Id, int CaseVersion, Phase Phase, int? Stage, bool Justified, string Comment, string ReviewedBy, Instant ReviewedAt);

/// <summary>One version of the business case as it was written.</summary>
public sealed record BusinessCaseVersionView(
    int Version, string Reasons, string Options, string ExpectedBenefits, string ExpectedCosts, string Timescale, string MajorRisks, string WrittenBy,
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
    string WrittenBy,
    Instant WrittenAt,
    BusinessCaseStanding Standing,
    IReadOnlyList<ReviewView> Reviews);

public static class BusinessCasesApi
{
    public static IEndpointRouteBuilder MapBusinessCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Business case");
        group.MapGet("/business-case", Get).WithName("getBusinessCase")
            .WithSummary("The newest business case version, its standing in this phase and every review")
            .WithDescription("standing tells whether the Executive has confirmed the newest version in the current phase or stage.").WithProblems(404);
        group.MapGet("/business-case/versions", Versions).WithName("listBusinessCaseVersions")
            .WithSummary("Every version of the business case, oldest first").WithProblems(404);
        group.MapGet("/business-case/versions/{version:int}", Version).WithName("getBusinessCaseVersion")
            .WithSummary("One version of the business case, as it was written").WithProblems(404);
        group.MapPut("/business-case", Write).WithName("writeBusinessCase").Allows(ProjectAction.WriteBusinessCase)
            .WithSummary("Write a new version of the business case").WithDescription("Project Manager or Executive. Each write is a new version that needs a new confirmation.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/business-case/reviews", Review).WithName("reviewBusinessCase").Allows(ProjectAction.ReviewBusinessCase)
            .WithSummary("Confirm (or not) that the business case is still justified")
            .WithDescription("Executive only. A review that finds the case unjustified leaves only stop open at the next decision point.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Results<Ok<BusinessCaseView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var project = ProjectScope.Project(http);
        var (latest, reviews) = await database.ReadAsync(
            async db => (await BusinessCaseStore.LatestAsync(db, id), await BusinessCaseStore.ReviewsAsync(db, id)), cancellationToken);
        if (latest is null)
        {
            return Problems.NotFound("A business case");
        }

        // The same rule the gates apply, from the same rows, without loading every other gate fact.
        var standing = new GateFacts
        {
            Phase = project.Phase, Stage = project.Stage, BusinessCaseVersion = latest.Version, LatestBusinessCaseReview = reviews.Count > 0 ? reviews[0].ToDomain() : null,
        }.BusinessCase;
        return TypedResults.Ok(View(latest, standing, reviews));
    }

    private static async Task<Ok<ItemList<BusinessCaseVersionView>>> Versions(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<BusinessCaseVersionView>(
            (await database.ReadAsync(db => BusinessCaseStore.VersionsAsync(db, id), cancellationToken)).Select(BusinessCaseVersionView.From).ToList()));

    private static async Task<Results<Ok<BusinessCaseVersionView>, ProblemHttpResult>> Version(
        Guid id, int version, Database database, CancellationToken cancellationToken) =>
        (await database.ReadAsync(db => BusinessCaseStore.VersionsAsync(db, id), cancellationToken)).FirstOrDefault(v => v.Version == version) is { } row
            ? TypedResults.Ok(BusinessCaseVersionView.From(row))
            : Problems.NotFound($"Version {version} of the business case");

    private static async Task<Results<Ok<BusinessCaseView>, ProblemHttpResult>> Write(
        Guid id, WriteBusinessCase request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation()
            .Text("reasons", request.Reasons, Validation.LongText)
            .Text("options", request.Options, Validation.LongText)
            .Text("expectedBenefits", request.ExpectedBenefits, Validation.LongText)
            .Text("expectedCosts", request.ExpectedCosts, Validation.LongText)
            .Text("timescale", request.Timescale, Validation.LongText)
            .Text("majorRisks", request.MajorRisks, Validation.LongText);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<BusinessCaseView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.WriteBusinessCase) is { } forbidden)
            {
                return forbidden;
            }

            var previous = await BusinessCaseStore.LatestAsync(write.Db, id);
            var row = new BusinessCaseRow
            {
                Version = (previous?.Version ?? 0) + 1,
                Reasons = request.Reasons!.Trim(),
                Options = request.Options!.Trim(),
                ExpectedBenefits = request.ExpectedBenefits!.Trim(),
                ExpectedCosts = request.ExpectedCosts!.Trim(),
                Timescale = request.Timescale!.Trim(),
                MajorRisks = request.MajorRisks!.Trim(),
                WrittenBy = write.Actor.UserId,
                WrittenAt = write.Now,
            };
            await BusinessCaseStore.InsertVersionAsync(write.Db, id, row);
            write.Record(EventTypes.BusinessCaseWritten, new { row.Version });
            var reviews = await BusinessCaseStore.ReviewsAsync(write.Db, id);
            return View(row, BusinessCaseStanding.NotConfirmedInThisPhase, reviews);
        });

        return result.Problem ?? (Results<Ok<BusinessCaseView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<ReviewView>, ProblemHttpResult>> Review(
        Guid id, ReviewBusinessCase request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation()
            .Required("justified", request.Justified)
            .Text("comment", request.Comment, Validation.LongText, required: request.Justified == false);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ReviewView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ReviewBusinessCase) is { } forbidden)
            {
                return forbidden;
            }

            var latest = await BusinessCaseStore.LatestAsync(write.Db, id);
            if (latest is null)
            {
                return DomainError.Conflict("no-business-case", "No business case", "There is no business case to review yet.");
            }

            var row = new ReviewRow
            {
                Id = Ids.New(write.Now),
                CaseVersion = latest.Version,
                Phase = write.Project.Phase,
                Stage = write.Project.Stage,
                Justified = request.Justified!.Value,
                Comment = request.Comment?.Trim() ?? "",
                ReviewedBy = write.Actor.UserId,
                ReviewedAt = write.Now,
            };
            await BusinessCaseStore.InsertReviewAsync(write.Db, id, row);
            write.Record(EventTypes.BusinessCaseReviewed, new { row.CaseVersion, row.Phase, row.Stage, row.Justified, row.Comment });
            return ToView(row);
        });

        return result.Problem ?? (Results<Created<ReviewView>, ProblemHttpResult>)TypedResults.Created(
            $"/api/v1/projects/{id}/business-case", result.Value);
    }

    private static ReviewView ToView(ReviewRow r) => new(r.Id, r.CaseVersion, r.Phase, r.Stage, r.Justified, r.Comment, r.ReviewedBy, r.ReviewedAt);

    private static BusinessCaseView View(BusinessCaseRow row, BusinessCaseStanding standing, IReadOnlyList<ReviewRow> reviews) => new(
        row.Version, row.Reasons, row.Options, row.ExpectedBenefits, row.ExpectedCosts, row.Timescale, row.MajorRisks, row.WrittenBy, row.WrittenAt,
        standing, reviews.Select(ToView).ToList());
}
