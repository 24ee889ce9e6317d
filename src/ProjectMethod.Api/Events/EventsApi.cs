using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Events;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", Feed).WithTags("Events").WithName(Operations.GetEvents).RequireAuthorization(Policies.FeedReaders)
            .WithSummary("The change feed: every state change as a CloudEvent, in commit order")
            .WithDescription("Integrators and the portfolio board. cursor is the sequence of the last event seen (nextCursor gives it while more events wait; at the end, keep the last event's sequence and ask again with it); sequences have no gaps. projectId keeps one project's events; type (repeatable) keeps events of those types, as the feed names them (no.projectmethod.decisionMade) or by their short name (decisionMade).")
            .WithProblems(400, 403);
        app.MapGet("/api/v1/audit/verify", Verify).WithTags("Events").WithName(Operations.VerifyAudit).RequireAuthorization(Policies.AuditVerifiers)
            .WithSummary("Walk the audit chain and report whether it holds")
            .WithDescription("The portfolio board or an admin. Recomputes every hash; reports the first sequence where an event was altered, removed or reordered.")
            .WithProblems(403);
        return app;
    }

    private static async Task<Results<Ok<Page<CloudEvent>>, ProblemHttpResult>> Feed(
        Database database, CancellationToken cancellationToken, string? cursor = null, int? limit = null, Guid? projectId = null, string[]? type = null)
    {
        Paging.TryParse(limit, null, CursorKind.Sequence, out var paging, out var errors);
        var after = 0L;
        if (cursor is not null && !(long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after)))
        {
            errors["cursor"] = ["cursor is the sequence of the last event seen, a whole number (0 or more)."];
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var asked in type ?? [])
        {
            var name = asked.StartsWith(CloudEvent.TypePrefix, StringComparison.Ordinal) ? asked[CloudEvent.TypePrefix.Length..] : asked;
            if (!EventTypes.Known.Contains(name))
            {
                errors["type"] = [$"'{asked}' is no event type: the types are the webhooks the document lists."];
            }

            types.Add(name);
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var rows = (await database.ReadAsync(db => AuditStore.AfterAsync(db, after, paging.FetchSize, projectId, types), cancellationToken))
            .Select(r => CloudEvent.From(r.Sequence, r.ProjectId, r.Type, r.Actor, r.OccurredAt, r.Payload))
            .ToList();
        return TypedResults.Ok(paging.ToPage(rows, e => e.Sequence));
    }

    private static async Task<Ok<AuditVerification>> Verify(Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditChain.VerifyAsync(database, cancellationToken));
}
