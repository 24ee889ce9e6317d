using System.Data.Common;
using System.Text.Json;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Lessons;

/// <summary>A lesson (erfaring) in the lessons log.</summary>
public sealed record LessonView(
    Guid Id, Guid ProjectId, string Title, string Description, string Recommendation, IReadOnlyList<string> Tags, Phase Phase,
    string RecordedBy, Instant RecordedAt);

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

        public LessonView ToView() => new(Id, ProjectId, Title, Description, Recommendation,
            JsonSerializer.Deserialize<string[]>(Tags) ?? [], Phase, RecordedBy, RecordedAt);
    }

    private const string Columns =
        "l.id, l.project_id AS ProjectId, l.title, l.description, l.recommendation, l.tags, l.phase, l.recorded_by AS RecordedBy, l.recorded_at AS RecordedAt";

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, LessonView lesson, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO lessons (id, project_id, title, description, recommendation, tags, phase, recorded_by, recorded_at)
            VALUES (@Id, @ProjectId, @Title, @Description, @Recommendation, @tags, @phase, @RecordedBy, @RecordedAt)
            """,
            new
            {
                lesson.Id, lesson.ProjectId, lesson.Title, lesson.Description, lesson.Recommendation, tags = JsonSerializer.Serialize(lesson.Tags),
                phase = lesson.Phase.Wire(), lesson.RecordedBy, lesson.RecordedAt,
            }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<LessonView>> ForProjectAsync(DbConnection connection, Guid projectId, Paging paging, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM lessons l WHERE l.project_id = @projectId AND l.id > @after ORDER BY l.id LIMIT @limit",
            new { projectId, after = paging.AfterId, limit = paging.FetchSize }, cancellationToken: cancellationToken)))
        .Select(r => r.ToView()).ToList();

    /// <summary>Lessons across all projects, by words in their text or tags and by the project's sector.</summary>
    public static async Task<IReadOnlyList<LessonView>> SearchAsync(
        DbConnection connection, string? query, string? sector, Paging paging, CancellationToken cancellationToken)
    {
        // Case-insensitive on both providers: both sides lower-cased, LIKE's wildcards in the query escaped.
        var pattern = query is null ? null : "%" + query.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM lessons l JOIN projects p ON p.id = l.project_id
            WHERE (@pattern IS NULL OR LOWER(l.title) LIKE @pattern ESCAPE '\' OR LOWER(l.description) LIKE @pattern ESCAPE '\'
                   OR LOWER(l.recommendation) LIKE @pattern ESCAPE '\' OR LOWER(l.tags) LIKE @pattern ESCAPE '\')
              AND (@sector IS NULL OR p.sector = @sector)
              AND l.id > @after
            ORDER BY l.id LIMIT @limit
            """,
            new { pattern, sector, after = paging.AfterId, limit = paging.FetchSize }, cancellationToken: cancellationToken)))
            .Select(r => r.ToView()).ToList();
    }

    /// <summary>The ids among these that name a lesson (one lookup each: a review names a handful).</summary>
    public static async Task<IReadOnlyList<Guid>> ExistingAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var existing = new List<Guid>();
        foreach (var id in ids)
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM lessons WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)) > 0)
            {
                existing.Add(id);
            }
        }

        return existing;
    }

    public static async Task<bool> HasReportAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, string kind, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM project_reports WHERE project_id = @projectId AND kind = @kind",
            new { projectId, kind }, transaction, cancellationToken: cancellationToken)) > 0;
}

/// <summary>P1/P2 facts: lessons reviewed, lessons report and end project report written.</summary>
public sealed class LessonFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        var reviewed = await query.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM lessons_reviews WHERE project_id = @id", new { id = query.Project.Id }, query.Transaction,
            cancellationToken: query.CancellationToken)) > 0;
        return facts with
        {
            LessonsReviewed = reviewed,
            LessonsReportWritten = await LessonStore.HasReportAsync(query.Connection, query.Transaction, query.Project.Id, LessonStore.LessonsReport, query.CancellationToken),
            EndReportWritten = await LessonStore.HasReportAsync(query.Connection, query.Transaction, query.Project.Id, LessonStore.EndReport, query.CancellationToken),
        };
    }
}
