using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>The Project Manager's request for a decision, with a recommendation. In execution it may name the stage boundary.</summary>
public sealed record RequestDecision(string? Recommendation, DecisionPoint? DecisionPoint = null);

/// <summary>The decider's decision. Approve and reject answer the open request; stop needs none.</summary>
public sealed record MakeDecision(Decision? Decision, string? Rationale = null);

/// <summary>
/// The next decision point: who decides, every criterion met or not, and what may be decided now. Under the handbook's
/// board consensus, consensus shows who must approve the open request, who has, and who is still awaited.
/// </summary>
public sealed record GateView(
    DecisionPoint DecisionPoint,
    Phase From,
    int? Stage,
    Phase To,
    Decider Decider,
    ApprovalMode ApprovalMode,
    GateRequestView? OpenRequest,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<Decision> AllowedDecisions,
    ConsensusState? Consensus);

/// <summary>A board member's vote that leaves others awaited: the vote, and the consensus as it stands.</summary>
public sealed record GateVoteResult(GateVoteView Vote, ConsensusState Consensus);

public static class GatesApi
{
    public static IEndpointRouteBuilder MapGates(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Gates");
        group.MapGet("/gate", Get).WithName("getGate")
            .WithSummary("The next decision point: decider, criteria and allowed decisions")
            .WithDescription("In execution the project heads for the stage boundary when the next stage is planned, else for BP4; decisionPoint=stageBoundary or bp4 asks for one.")
            .WithProblems(400, 404, 409);
        group.MapPost("/gate/requests", Request).WithName("requestDecision").Allows(ProjectAccess.Before.Preparer)
            .WithSummary("Ask for the decision at the next decision point")
            .WithDescription("The Project Manager (BP1: the proposer or the Executive; BP6: the Benefit Owner or the Executive). One open request at a time.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/gate/decisions", Decide).WithName("decide").Allows(ProjectAccess.Before.Decider)
            .WithSummary("Decide at the decision point: approve, reject or stop")
            .WithDescription("Only the decider of the decision point, never the person who asked. Approve needs every criterion met (409 lists the unmet ones). Where the project's handbook asks for board consensus, the Executive and every Senior User and Senior Supplier vote: an approval others still await is 202 with the consensus as it stands; the last approval decides (the criteria judged again then), one reject rejects; stop stays the Executive's alone.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/decisions", Log).WithName("listDecisions").WithSummary("The decision log")
            .WithDescription("Every approve, reject and stop with its rationale, decider and the phase it led to, oldest first.").WithProblems(400, 404);
        return app;
    }

    private static async Task<Results<Ok<GateView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, GateReader gates, CancellationToken cancellationToken, string? decisionPoint = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueryValues.TryParseEnum<DecisionPoint>(decisionPoint, "decisionPoint", out var askedFor, errors))
        {
            return Problems.Validation(errors);
        }

        var gate = await gates.ReadAsync(ProjectScope.Project(http), askedFor, cancellationToken);
        return gate.Error is { } error ? Problems.From(error) : TypedResults.Ok(gate.Value!);
    }

    private static async Task<Results<Created<GateRequestView>, ProblemHttpResult>> Request(
        Guid id, RequestDecision request, HttpContext http, GateDecisions decisions)
    {
        var result = await decisions.RequestAsync(http, id, request);
        return result.Problem ?? (Results<Created<GateRequestView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/gate", result.Value);
    }

    private static async Task<Results<Created<DecisionView>, Accepted<GateVoteResult>, ProblemHttpResult>> Decide(
        Guid id, MakeDecision request, HttpContext http, GateDecisions decisions)
    {
        var result = await decisions.DecideAsync(http, id, request);
        if (result.Problem is { } problem)
        {
            return problem;
        }

        return result.Value.Decision is { } made
            ? TypedResults.Created($"/api/v1/projects/{id}/decisions", made)
            : TypedResults.Accepted($"/api/v1/projects/{id}/gate", result.Value.Vote!);
    }

    private static async Task<Results<Ok<Page<DecisionView>>, ProblemHttpResult>> Log(
        Guid id, Database database, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(paging.ToPage(await database.ReadAsync(db => GateStore.DecisionsAsync(db, id, paging), cancellationToken), d => d.Id));
    }
}
