using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Events;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", Feed).WithTags("Events").WithName("getEvents").RequireAuthorization(Policies.FeedReaders)
            .WithSummary("The change feed: every state change as a CloudEvent, in commit order")
            .WithDescription("Integrators and the portfolio board. Pass the sequence of the last event seen as after; sequences have no gaps.")
            .WithProblems(400, 403);
        app.MapGet("/api/v1/audit/verify", Verify).WithTags("Events").WithName("verifyAudit").RequireAuthorization(Policies.AuditVerifiers)
            .WithSummary("Walk the audit chain and report whether it holds")
            .WithDescription("The portfolio board or an admin. Recomputes every hash; reports the first sequence where an event was altered, removed or reordered.")
            .WithProblems(403);
        return app;
    }

    private static async Task<Results<Ok<Page<CloudEvent>>, ProblemHttpResult>> Feed(
        Database database, CancellationToken cancellationToken, long? after = null, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Sequence, out var paging, out var errors) || after is < 0)
        {
            if (after is < 0)
            {
                errors["after"] = ["after is a sequence number, 0 or more."];
            }

            return Problems.Validation(errors);
        }

        var from = Math.Max(after ?? 0, paging.AfterSequence);
        var rows = (await database.ReadAsync(db => AuditStore.AfterAsync(db, from, paging.FetchSize), cancellationToken))
            .Select(r => CloudEvent.From(r.Sequence, r.ProjectId, r.Type, r.Actor, r.OccurredAt, r.Payload))
            .ToList();
        return TypedResults.Ok(paging.ToPage(rows, e => e.Sequence));
    }

    private static async Task<Ok<AuditVerification>> Verify(Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditChain.VerifyAsync(database, cancellationToken));
}
