using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Lessons;

/// <summary>A lesson (erfaring) in the lessons log.</summary>
public sealed record LessonView(
    Guid Id, Guid ProjectId, string Title, string Description, string Recommendation, IReadOnlyList<string> Tags, Phase Phase,
    [property: Person] string RecordedBy, Instant RecordedAt, Instant? PublishedAt = null);

public static class LessonStore
{
    public const string LessonsReport = "lessonsReport";
    public const string EndReport = "endReport";

    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required Guid ProjectId { get; init; }

        public required string Title { get; init; }

        public required string Description { get; init; }

        public required string Recommendation { get; init; }

        public required string Tags { get; init; }

        public required Phase Phase { get; init; }

        public required string RecordedBy { get; init; }

        public required Instant RecordedAt { get; init; }

        public Instant? PublishedAt { get; init; }

        public LessonView ToView() => new(Id, ProjectId, Title, Description, Recommendation,
            JsonSerializer.Deserialize<string[]>(Tags) ?? [], Phase, RecordedBy, RecordedAt, PublishedAt);
    }

    private const string Columns =
        "l.id, l.project_id AS ProjectId, l.title, l.description, l.recommendation, l.tags, l.phase, l.recorded_by AS RecordedBy, l.recorded_at AS RecordedAt, l.published_at AS PublishedAt";

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO lessons (id, project_id, title, description, recommendation, tags, phase, recorded_by, recorded_at)
        VALUES (@Id, @ProjectId, @Title, @Description, @Recommendation, @tags, @phase, @RecordedBy, @RecordedAt)
        """);

    private static readonly Sql OfProject = Sql.Of(
        $"SELECT {Columns} FROM lessons l WHERE l.project_id = @projectId AND l.id > @after ORDER BY l.id LIMIT @limit");

    private static readonly Sql Published = Sql.Of(
        $"""
        SELECT {Columns} FROM lessons l JOIN projects p ON p.id = l.project_id
        WHERE l.published_at IS NOT NULL AND (@sector IS NULL OR p.sector = @sector)
        ORDER BY l.id
        """);

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM lessons l WHERE l.project_id = @projectId AND l.id = @lessonId");

    private static readonly Sql Publish = Sql.Of("UPDATE lessons SET published_at = @at WHERE id = @lessonId");

    private static readonly Sql Unpublished = Sql.Of($"SELECT {Columns} FROM lessons l WHERE l.project_id = @projectId AND l.published_at IS NULL ORDER BY l.id");

    private static readonly Sql PublishAll = Sql.Of("UPDATE lessons SET published_at = @at WHERE project_id = @projectId AND published_at IS NULL");

    private static readonly Sql Exists = Sql.Of("SELECT COUNT(*) FROM lessons WHERE id = @id");

    private static readonly Sql InsertReview = Sql.Of(
        """
        INSERT INTO lessons_reviews (id, project_id, lesson_ids, none_relevant_reason, phase, reviewed_by, reviewed_at)
        VALUES (@Id, @projectId, @lessonIds, @NoneRelevantReason, @phase, @ReviewedBy, @ReviewedAt)
        """);

    private static readonly Sql Reviewed = Sql.Of("SELECT COUNT(*) FROM lessons_reviews WHERE project_id = @projectId");

    private static readonly Sql InsertReport = Sql.Of(
        """
        INSERT INTO project_reports (id, project_id, kind, summary, body, written_by, written_at, citations)
        VALUES (@Id, @projectId, @Kind, @Summary, @Details, @WrittenBy, @WrittenAt, @citations)
        """);

    private static readonly Sql ReportsOfProject = Sql.Of(
        """
        SELECT id, kind, summary, body, written_by AS WrittenBy, written_at AS WrittenAt, citations
        FROM project_reports WHERE project_id = @projectId ORDER BY id
        """);

    /// <summary>What a report cites of the project's co-creation register.</summary>
    private sealed record Citations(IReadOnlyList<Guid> ActivityIds, IReadOnlyList<Guid> InputIds);

    private sealed record ReportRow
    {
        public required Guid Id { get; init; }

        public required string Kind { get; init; }

        public required string Summary { get; init; }

        public required string Body { get; init; }

        public required string WrittenBy { get; init; }

        public required Instant WrittenAt { get; init; }

        public string? Citations { get; init; }

        public ReportView ToView()
        {
            var cited = Citations is null ? null : JsonSerializer.Deserialize<Citations>(Citations, Json.Options);
            return new ReportView(Id, Kind, Summary, Body, WrittenBy, WrittenAt, cited?.ActivityIds ?? [], cited?.InputIds ?? []);
        }
    }

    private static readonly Sql Reports = Sql.Of("SELECT COUNT(*) FROM project_reports WHERE project_id = @projectId AND kind = @kind");

    public static Task InsertAsync(DbSession db, LessonView lesson) =>
        db.ExecuteAsync(Insert, new
        {
            lesson.Id, lesson.ProjectId, lesson.Title, lesson.Description, lesson.Recommendation, tags = JsonSerializer.Serialize(lesson.Tags),
            phase = lesson.Phase.Wire(), lesson.RecordedBy, lesson.RecordedAt,
        });

    public static async Task<IReadOnlyList<LessonView>> ForProjectAsync(DbSession db, Guid projectId, Paging paging) =>
        (await db.ListAsync<Row>(OfProject, new { projectId, after = paging.AfterId, limit = paging.FetchSize })).Select(r => r.ToView()).ToList();

    /// <summary>The published lessons of every project, or of the projects of one sector.</summary>
    public static async Task<IReadOnlyList<LessonView>> PublishedAsync(DbSession db, string? sector) =>
        (await db.ListAsync<Row>(Published, new { sector })).Select(r => r.ToView()).ToList();

    public static async Task<LessonView?> GetAsync(DbSession db, Guid projectId, Guid lessonId) =>
        (await db.SingleOrDefaultAsync<Row>(One, new { projectId, lessonId }))?.ToView();

    public static Task PublishAsync(DbSession db, Guid lessonId, Instant at) => db.ExecuteAsync(Publish, new { lessonId, at });

    /// <summary>Publishes every lesson of the project not yet published; returns how many.</summary>
    /// <summary>Publishes every lesson of the project not yet published; the ids of those it published.</summary>
    public static async Task<IReadOnlyList<Guid>> PublishAllAsync(DbSession db, Guid projectId, Instant at)
    {
        var unpublished = await db.ListAsync<Row>(Unpublished, new { projectId });
        await db.ExecuteAsync(PublishAll, new { projectId, at });
        return unpublished.Select(r => r.Id).ToList();
    }

    /// <summary>The ids among these that name a lesson (one lookup each: a review names a handful).</summary>
    public static async Task<IReadOnlyList<Guid>> ExistingAsync(DbSession db, IReadOnlyList<Guid> ids)
    {
        var existing = new List<Guid>();
        foreach (var id in ids)
        {
            if (await db.ScalarAsync<long>(Exists, new { id }) > 0)
            {
                existing.Add(id);
            }
        }

        return existing;
    }

    public static Task InsertReviewAsync(DbSession db, Guid projectId, LessonsReviewView review) =>
        db.ExecuteAsync(InsertReview, new
        {
            review.Id, projectId, lessonIds = JsonSerializer.Serialize(review.LessonIds), review.NoneRelevantReason,
            phase = review.Phase.Wire(), review.ReviewedBy, review.ReviewedAt,
        });

    public static async Task<bool> ReviewedAsync(DbSession db, Guid projectId) => await db.ScalarAsync<long>(Reviewed, new { projectId }) > 0;

    public static Task InsertReportAsync(DbSession db, Guid projectId, ReportView report) =>
        db.ExecuteAsync(InsertReport, new
        {
            report.Id, projectId, report.Kind, report.Summary, report.Details, report.WrittenBy, report.WrittenAt,
            citations = JsonSerializer.Serialize(new Citations(report.ActivityIds, report.InputIds), Json.Options),
        });

    public static async Task<IReadOnlyList<ReportView>> ReportsAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<ReportRow>(ReportsOfProject, new { projectId })).Select(r => r.ToView()).ToList();

    public static async Task<bool> HasReportAsync(DbSession db, Guid projectId, string kind) =>
        await db.ScalarAsync<long>(Reports, new { projectId, kind }) > 0;
}
