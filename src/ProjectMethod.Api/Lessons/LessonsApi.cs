using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Lessons;

public sealed record RecordLesson(string? Title, string? Description, string? Recommendation, IReadOnlyList<string>? Tags = null);

/// <summary>Which earlier lessons were read before leaving concept, or why none were relevant.</summary>
public sealed record ReviewLessons(IReadOnlyList<Guid>? LessonIds = null, string? NoneRelevantReason = null);

public sealed record LessonsReviewView(Guid Id, IReadOnlyList<Guid> LessonIds, string? NoneRelevantReason, Phase Phase, [property: Person] string ReviewedBy, Instant ReviewedAt);

/// <summary>
/// The lessons report (erfaringsrapport) or the end project report (sluttrapport), which may cite the co-creation
/// activities and inputs of the project it reports on.
/// </summary>
public sealed record WriteReport(string? Summary, string? Details = null, IReadOnlyList<Guid>? ActivityIds = null, IReadOnlyList<Guid>? InputIds = null);

public sealed record ReportView(
    Guid Id, string Kind, string Summary, string Details, [property: Person] string WrittenBy, Instant WrittenAt, IReadOnlyList<Guid> ActivityIds, IReadOnlyList<Guid> InputIds);

public static class LessonsApi
{
    public static IEndpointRouteBuilder MapLessons(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Lessons");
        project.MapGet("/lessons", List).WithName(Operations.ListProjectLessons).WithSummary("The project's lessons log")
            .WithDescription("Oldest first, paged with limit and cursor.").WithProblems(400, 404);
        project.MapPost("/lessons", async (Guid id, RecordLesson request, HttpContext http, LessonCommands commands) =>
                (await commands.RecordAsync(id, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/lessons")).WithName(Operations.RecordLesson).Allows(ProjectAction.RecordLesson)
            .WithSummary("Record a lesson").WithDescription("Anyone with a role on the project.").WithProblems(400, 403, 404, 409, 412);
        project.MapPost("/lessons/{lessonId:guid}/publish", async (Guid id, Guid lessonId, HttpContext http, LessonCommands commands) =>
                (await commands.PublishAsync(id, lessonId, http.Caller())).AsOk(http)).WithName(Operations.PublishLesson).Allows(ProjectAction.PublishLesson)
            .WithSummary("Publish a lesson, so that every project can find it").WithDescription("The Project Manager. Writing the lessons report publishes the rest.")
            .WithProblems(403, 404, 409, 412);
        project.MapPost("/lessons/reviews", async (Guid id, ReviewLessons request, HttpContext http, LessonCommands commands) =>
                (await commands.ReviewAsync(id, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/lessons")).WithName(Operations.ReviewLessons).Allows(ProjectAction.ReviewLessons)
            .WithSummary("Record which earlier lessons were reviewed").WithDescription("Project Manager. Needed before BP2 (P2).")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPost("/lessons-report", async (Guid id, WriteReport request, HttpContext http, LessonCommands commands) =>
                (await commands.ReportAsync(id, request, http.Caller(), LessonStore.LessonsReport, ProjectAction.WriteLessonsReport)).AsCreated(http, _ => $"/api/v1/projects/{id}"))
            .WithName(Operations.WriteLessonsReport).Allows(ProjectAction.WriteLessonsReport).WithSummary("Write the lessons report").WithDescription("Project Manager, in closure. Needed for BP5 (P2). activityIds and inputIds cite the project's co-creation activities and inputs, as for the end report.")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPost("/end-report", async (Guid id, WriteReport request, HttpContext http, LessonCommands commands) =>
                (await commands.ReportAsync(id, request, http.Caller(), LessonStore.EndReport, ProjectAction.WriteEndReport)).AsCreated(http, _ => $"/api/v1/projects/{id}"))
            .WithName(Operations.WriteEndReport).Allows(ProjectAction.WriteEndReport).WithSummary("Write the end project report").WithDescription("Project Manager, in closure. Needed for BP5 (P1).")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapGet("/reports", async (Guid id, Database database, CancellationToken cancellationToken) =>
                TypedResults.Ok(new ItemList<ReportView>(await database.ReadAsync(db => LessonStore.ReportsAsync(db, id), cancellationToken))))
            .WithName(Operations.ListReports).WithSummary("The project's end and lessons reports")
            .WithDescription("Oldest first, each with the co-creation activities and inputs it cites.").WithProblems(404);
        project.MapGet("/reports/{reportId:guid}", GetReport).WithName(Operations.GetReport).WithSummary("One end or lessons report")
            .WithDescription("With Accept: application/pdf, the report as an A4 tagged PDF/A in bokmål (English when Accept-Language prefers it): the end report with the products and the benefits as they stand and the co-creation it cites; the lessons report with the project's lessons.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(404);

        app.MapGet("/api/v1/lessons", Search).WithTags("Lessons").WithName(Operations.SearchLessons)
            .WithSummary("Search the published lessons of all projects")
            .WithDescription("Every word of q, in any order, in the title, description or recommendation; case- and accent-insensitive (å, æ and ø stay letters of their own); best match first. sector filters by the project's sector, tag by a tag.")
            .WithProblems(400);
        return app;
    }

    private static Task<Results<Ok<ReportView>, FileContentHttpResult, ProblemHttpResult>> GetReport(
        Guid id, Guid reportId, HttpContext http, Database database, LessonDocuments documents, CancellationToken cancellationToken) =>
        MediaTypes.JsonOrPdfAsync(http,
            async () => (await database.ReadAsync(db => LessonStore.ReportsAsync(db, id), cancellationToken)).FirstOrDefault(r => r.Id == reportId),
            t => documents.ReportAsync(ProjectScope.Project(http), reportId, t, cancellationToken),
            $"rapport-{reportId}.pdf", $"Report {reportId} of project {id}");

    private static async Task<Results<Ok<Page<LessonView>>, ProblemHttpResult>> List(
        Guid id, Database database, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(paging.ToPage(await database.ReadAsync(db => LessonStore.ForProjectAsync(db, id, paging), cancellationToken), l => l.Id));
    }

    private static async Task<Results<Ok<Page<LessonView>>, ProblemHttpResult>> Search(
        LessonReader reader, CancellationToken cancellationToken, string? q = null, string? sector = null, string? tag = null, int? limit = null, string? cursor = null)
    {
        // The cursor names the position in the ranked list reached so far.
        if (!Paging.TryParse(limit, cursor, CursorKind.Sequence, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        if (q is { Length: > Validation.ShortText })
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["q"] = [$"q must be at most {Validation.ShortText} characters."] });
        }

        return TypedResults.Ok(await reader.SearchAsync(q, sector, tag, paging, cancellationToken));
    }
}
