using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.History;

/// <summary>One audited state change of a project.</summary>
public sealed record HistoryEntry(long Sequence, string Type, [property: Person] string Actor, Instant OccurredAt, JsonElement Payload);

public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        app.MapProjectScope("History").MapGet("/history", Get).WithName(Operations.GetProjectHistory)
            .WithSummary("Every audited change of the project, oldest first")
            .WithDescription("Each change appends one event in the same transaction as the change itself: type, actor, time and payload.").WithProblems(400);
        return app;
    }

    private static async Task<Results<Ok<Page<HistoryEntry>>, ProblemHttpResult>> Get(
        Guid id, Database database, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Sequence, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        var rows = (await database.ReadAsync(db => AuditStore.ForProjectAsync(db, id, paging.AfterSequence, paging.FetchSize), cancellationToken))
            .Select(r => new HistoryEntry(r.Sequence, r.Type, r.Actor, r.OccurredAt, JsonDocument.Parse(r.Payload).RootElement.Clone()))
            .ToList();
        return TypedResults.Ok(paging.ToPage(rows, e => e.Sequence));
    }
}
