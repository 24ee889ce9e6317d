using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;

namespace ProjectMethod.Api.History;

/// <summary>One audited state change of a project.</summary>
public sealed record HistoryEntry(long Sequence, string Type, string Actor, Instant OccurredAt, JsonElement Payload);

public static class HistoryApi
{
    private sealed record Row
    {
        public required long Sequence { get; init; }

        public required string Type { get; init; }

        public required string Actor { get; init; }

        public required Instant OccurredAt { get; init; }

        public required string Payload { get; init; }
    }

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/projects/{id:guid}/history", Get).WithTags("History").WithName("getProjectHistory")
            .WithSummary("Every audited change of the project, oldest first")
            .WithDescription("Each change appends one event in the same transaction as the change itself: type, actor, time and payload.").WithProblems(400, 404);
        return app;
    }

    private static async Task<Results<Ok<Page<HistoryEntry>>, ProblemHttpResult>> Get(
        Guid id, Database database, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Sequence, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await ProjectStore.GetAsync(connection, null, id, cancellationToken) is null)
        {
            return Problems.NotFound("The project");
        }

        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT sequence, type, actor, occurred_at AS OccurredAt, payload
            FROM audit_events WHERE project_id = @id AND sequence > @after ORDER BY sequence LIMIT @limit
            """, new { id, after = paging.AfterSequence, limit = paging.FetchSize }, cancellationToken: cancellationToken)))
            .Select(r => new HistoryEntry(r.Sequence, r.Type, r.Actor, r.OccurredAt, JsonDocument.Parse(r.Payload).RootElement.Clone()))
            .ToList();
        return TypedResults.Ok(paging.ToPage(rows, e => e.Sequence));
    }
}
