using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Lessons;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Lessons;

public sealed record RecordLesson(string? Title, string? Description, string? Recommendation, IReadOnlyList<string>? Tags = null);

/// <summary>Which earlier lessons were read before leaving concept, or why none were relevant.</summary>
public sealed record ReviewLessons(IReadOnlyList<Guid>? LessonIds = null, string? NoneRelevantReason = null);

public sealed record LessonsReviewView(Guid Id, IReadOnlyList<Guid> LessonIds, string? NoneRelevantReason, Phase Phase, string ReviewedBy, Instant ReviewedAt);

/// <summary>The lessons report (erfaringsrapport) or the end project report (sluttrapport).</summary>
public sealed record WriteReport(string? Summary, string? Details = null);

public sealed record ReportView(Guid Id, string Kind, string Summary, string Details, string WrittenBy, Instant WrittenAt);

public static class LessonsApi
{
    private const int MaxTags = 20;

    public static IEndpointRouteBuilder MapLessons(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Lessons");
        project.MapGet("/lessons", List).WithName("listProjectLessons").WithSummary("The project's lessons log")
            .WithDescription("Oldest first, paged with limit and cursor.").WithProblems(400, 404);
        project.MapPost("/lessons", Record).WithName("recordLesson").Allows(ProjectAction.RecordLesson)
            .WithSummary("Record a lesson").WithDescription("Anyone with a role on the project.").WithProblems(400, 403, 404, 409, 412);
        project.MapPost("/lessons/{lessonId:guid}/publish", Publish).WithName("publishLesson").Allows(ProjectAction.PublishLesson)
            .WithSummary("Publish a lesson, so that every project can find it").WithDescription("The Project Manager. Writing the lessons report publishes the rest.")
            .WithProblems(403, 404, 409, 412);
        project.MapPost("/lessons/reviews", Review).WithName("reviewLessons").Allows(ProjectAction.ReviewLessons)
            .WithSummary("Record which earlier lessons were reviewed").WithDescription("Project Manager. Needed before BP2 (P2).")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPost("/lessons-report", (Guid id, WriteReport request, HttpContext http, ProjectWrites writes) =>
                Report(id, request, http, writes, LessonStore.LessonsReport, ProjectAction.WriteLessonsReport))
            .WithName("writeLessonsReport").Allows(ProjectAction.WriteLessonsReport).WithSummary("Write the lessons report").WithDescription("Project Manager, in closure. Needed for BP5 (P2).")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPost("/end-report", (Guid id, WriteReport request, HttpContext http, ProjectWrites writes) =>
                Report(id, request, http, writes, LessonStore.EndReport, ProjectAction.WriteEndReport))
            .WithName("writeEndReport").Allows(ProjectAction.WriteEndReport).WithSummary("Write the end project report").WithDescription("Project Manager, in closure. Needed for BP5 (P1).")
            .WithProblems(400, 403, 404, 409, 412);

        app.MapGet("/api/v1/lessons", Search).WithTags("Lessons").WithName("searchLessons")
            .WithSummary("Search the published lessons of all projects")
            .WithDescription("Every word of q, in any order, in the title, description or recommendation; case- and accent-insensitive (å, æ and ø stay letters of their own); best match first. sector filters by the project's sector, tag by a tag.")
            .WithProblems(400);
        return app;
    }

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
        Database database, CancellationToken cancellationToken, string? q = null, string? sector = null, string? tag = null, int? limit = null, string? cursor = null)
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

        var words = LessonSearch.Words(q);
        var ranked = (await database.ReadAsync(db => LessonStore.PublishedAsync(db, sector), cancellationToken))
            .Where(l => tag is null || l.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .Select(l => (Lesson: l, Score: LessonSearch.Score(words, l.Title, l.Description, l.Recommendation)))
            .Where(l => l.Score is not null)
            .OrderByDescending(l => l.Score)
            .ThenByDescending(l => l.Lesson.Id)
            .Select((l, position) => (l.Lesson, Position: (long)position + 1))
            .Skip((int)Math.Min(paging.AfterSequence, int.MaxValue))
            .Take(paging.FetchSize)
            .ToList();
        var page = paging.ToPage(ranked, l => l.Position);
        return TypedResults.Ok(new Page<LessonView>(page.Items.Select(l => l.Lesson).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<LessonView>, ProblemHttpResult>> Publish(Guid id, Guid lessonId, HttpContext http, ProjectWrites writes)
    {
        var result = await writes.RunAsync<LessonView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.PublishLesson) is { } forbidden)
            {
                return forbidden;
            }

            var lesson = await LessonStore.GetAsync(write.Db, id, lessonId);
            if (lesson is null)
            {
                return new DomainError(ErrorKind.NotFound, "not-found", "Not found", "The lesson was not found.");
            }

            if (lesson.PublishedAt is not null)
            {
                return DomainError.Conflict("lesson-published", "Lesson published", "The lesson is already published.");
            }

            await LessonStore.PublishAsync(write.Db, lessonId, write.Now);
            write.Record(EventTypes.LessonPublished, new { lessonId });
            return lesson with { PublishedAt = write.Now };
        });
        return result.Problem ?? (Results<Ok<LessonView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<LessonView>, ProblemHttpResult>> Record(Guid id, RecordLesson request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation()
            .Text("title", request.Title, Validation.ShortText)
            .Text("description", request.Description, Validation.LongText)
            .Text("recommendation", request.Recommendation, Validation.LongText)
            .That((request.Tags?.Count ?? 0) <= MaxTags, "tags", $"At most {MaxTags} tags.")
            .That(request.Tags?.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 50) ?? true, "tags", "Each tag is 1–50 characters.");
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<LessonView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.RecordLesson) is { } forbidden)
            {
                return forbidden;
            }

            var lesson = new LessonView(Ids.New(write.Now), id, request.Title!.Trim(), request.Description!.Trim(),
                request.Recommendation!.Trim(), request.Tags?.Select(t => t.Trim()).Distinct().ToList() ?? [], write.Project.Phase, write.Actor.UserId, write.Now);
            await LessonStore.InsertAsync(write.Db, lesson);
            write.Record(EventTypes.LessonRecorded, new { lessonId = lesson.Id, lesson.Title });
            return lesson;
        });

        return result.Problem ?? (Results<Created<LessonView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/lessons", result.Value);
    }

    private static async Task<Results<Created<LessonsReviewView>, ProblemHttpResult>> Review(
        Guid id, ReviewLessons request, HttpContext http, ProjectWrites writes)
    {
        var lessonIds = request.LessonIds?.Distinct().ToList() ?? [];
        var validation = new Validation()
            .That(lessonIds.Count > 0 || !string.IsNullOrWhiteSpace(request.NoneRelevantReason), "lessonIds",
                "Name the lessons that were read, or say in noneRelevantReason why none were relevant.")
            .That(lessonIds.Count == 0 || request.NoneRelevantReason is null, "noneRelevantReason", "Give lessonIds or noneRelevantReason, not both.")
            .That(lessonIds.Count <= Paging.MaxLimit, "lessonIds", $"At most {Paging.MaxLimit} lessons in one review.")
            .Text("noneRelevantReason", request.NoneRelevantReason, Validation.LongText, required: false, min: 10);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<LessonsReviewView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ReviewLessons) is { } forbidden)
            {
                return forbidden;
            }

            var unknown = lessonIds.Except(await LessonStore.ExistingAsync(write.Db, lessonIds)).ToList();
            if (unknown.Count > 0)
            {
                return DomainError.Invalid("unknown-lessons", "Unknown lessons", $"No lesson has the id {string.Join(", ", unknown)}.");
            }

            var review = new LessonsReviewView(Ids.New(write.Now), lessonIds, request.NoneRelevantReason?.Trim(),
                write.Project.Phase, write.Actor.UserId, write.Now);
            await LessonStore.InsertReviewAsync(write.Db, id, review);
            write.Record(EventTypes.LessonsReviewed, new { reviewId = review.Id, review.LessonIds, review.NoneRelevantReason });
            return review;
        });

        return result.Problem ?? (Results<Created<LessonsReviewView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/lessons", result.Value);
    }

    private static async Task<Results<Created<ReportView>, ProblemHttpResult>> Report(
        Guid id, WriteReport request, HttpContext http, ProjectWrites writes, string kind, ProjectAction action)
    {
        var validation = new Validation()
            .Text("summary", request.Summary, Validation.LongText, min: 10)
            .Text("details", request.Details, Validation.LongText * 4, required: false);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ReportView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, action) is { } forbidden)
            {
                return forbidden;
            }

            if (write.Project.Phase != Phase.Closure)
            {
                return DomainError.Conflict("not-in-closure", "Not in closure", "The end project report and the lessons report are written in closure.");
            }

            var report = new ReportView(Ids.New(write.Now), kind, request.Summary!.Trim(), request.Details?.Trim() ?? "",
                write.Actor.UserId, write.Now);
            await LessonStore.InsertReportAsync(write.Db, id, report);
            if (kind == LessonStore.LessonsReport && await LessonStore.PublishAllAsync(write.Db, id, write.Now) is > 0 and var published)
            {
                write.Record(EventTypes.LessonPublished, new { published });
            }
            write.Record(kind == LessonStore.EndReport ? EventTypes.EndReportWritten : EventTypes.LessonsReportWritten, new { reportId = report.Id, report.Summary });
            return report;
        });

        return result.Problem ?? (Results<Created<ReportView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}", result.Value);
    }
}
