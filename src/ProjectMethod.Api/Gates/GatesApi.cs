using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Archive;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>The Project Manager's request for a decision, with a recommendation. In execution it may name the stage boundary.</summary>
public sealed record RequestDecision(string? Recommendation, DecisionPoint? DecisionPoint = null);

/// <summary>The decider's decision. Approve and reject answer the open request; stop needs none.</summary>
/// <summary>
/// A decision at the decision point: approve, reject or stop, and why. Its decider may exempt its content from public
/// access (a section of offentleglova) and give the title the public reads in the archive's journal (by default its title).
/// </summary>
public sealed record MakeDecision(
    Decision? Decision, string? Rationale = null, Archive.ExemptionBasis? Exemption = null, string? PublicTitle = null,
    Domain.Handbooks.ProjectCategory? Category = null);

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
    ConsensusState? Consensus)
{
    /// <summary>The project's category, whose profile of the handbook the criteria come from (each criterion's source says method, handbook or profile).</summary>
    public Domain.Handbooks.ProjectCategory Category { get; init; } = Domain.Handbooks.CategoryRules.Untailored;
}

/// <summary>
/// What deciding at the gate did, one shape for both answers: 201 carries the decision made; 202, a board member's
/// approval under board consensus that leaves others awaited, carries the vote and the consensus as it stands.
/// </summary>
/// <param name="Decision">The decision made (201); null while others are awaited (202).</param>
/// <param name="Vote">The vote cast (202); null once decided.</param>
/// <param name="Consensus">Who must approve, who has and who is awaited (202); null once decided.</param>
public sealed record GateDecisionResult(DecisionView? Decision, GateVoteView? Vote, ConsensusState? Consensus);

public static class GatesApi
{
    public static IEndpointRouteBuilder MapGates(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Gates");
        group.MapGet("/gate", Get).WithName(Operations.GetGate)
            .WithSummary("The next decision point: decider, criteria and allowed decisions")
            .WithDescription("In execution the project heads for the stage boundary when the next stage is planned, else for BP4; decisionPoint=stageBoundary or bp4 asks for one.")
            .WithProblems(400, 404, 409);
        group.MapPost("/gate/requests", Request).WithName(Operations.RequestDecision).Allows(ProjectAccess.Before.Preparer)
            .WithSummary("Ask for the decision at the next decision point")
            .WithDescription("The Project Manager (BP1: the proposer or the Executive; BP6: the Benefit Owner or the Executive). One open request at a time.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/gate/decisions", Decide).WithName(Operations.Decide).Allows(ProjectAccess.Before.Decider)
            .WithSummary("Decide at the decision point: approve, reject or stop")
            .WithDescription("Only the decider of the decision point, never the person who asked. Approve needs every criterion met (409 lists the unmet ones). Where the project's handbook asks for board consensus, the Executive and every Senior User and Senior Supplier vote: an approval others still await is 202 with the consensus as it stands; the last approval decides (the criteria judged again then), one reject rejects; stop stays the Executive's alone.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/gate/requests/{requestId:guid}", ReadRequest).WithName(Operations.GetGateRequest).WithSummary("One request for a decision, open or answered")
            .WithDescription("Anyone may read. Where the 201 of requestDecision and the 202 of a vote under board consensus point: the decision point, the recommendation, who asked and when.")
            .WithProblems(404);
        group.MapGet("/decisions", Log).WithName(Operations.ListDecisions).WithSummary("The decision log")
            .WithDescription("Every approve, reject and stop with its rationale, decider and the phase it led to, oldest first.").WithProblems(400, 404);
        group.MapGet("/decisions/{decisionId:guid}", ReadDecision).WithName(Operations.GetDecision).WithSummary("One decision, as the archive files it")
            .WithDescription("Its title (in bokmål), the decider and the role they decided in, the recommendation it answered and who gave it, the rationale, the criteria as judged when deciding, and the board's votes. With Accept: application/pdf, the decision record as the archive files it: an A4 tagged PDF/A in bokmål.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(404);
        return app;
    }

    private static async Task<Results<Ok<GateView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, GateReader gates, CancellationToken cancellationToken, [OneOf<DecisionPoint>] string? decisionPoint = null)
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
        Guid id, RequestDecision request, HttpContext http, GateCommands decisions)
    {
        var result = (await decisions.RequestAsync(id, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Created<GateRequestView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/gate/requests/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<Created<GateDecisionResult>, Accepted<GateDecisionResult>, ProblemHttpResult>> Decide(
        Guid id, MakeDecision request, HttpContext http, GateCommands decisions)
    {
        var result = (await decisions.DecideAsync(id, request, http.Caller())).Tagged(http);
        if (result.Problem is { } problem)
        {
            return problem;
        }

        return result.Value!.Decision is { } made
            ? TypedResults.Created($"/api/v1/projects/{id}/decisions/{made.Id}", result.Value)
            : TypedResults.Accepted($"/api/v1/projects/{id}/gate/requests/{result.Value.Vote!.RequestId}", result.Value);
    }

    private static async Task<Results<Ok<GateRequestView>, ProblemHttpResult>> ReadRequest(
        Guid id, Guid requestId, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(db => GateStore.RequestAsync(db, id, requestId), cancellationToken) is { } request
            ? TypedResults.Ok(request)
            : Problems.NotFound($"Request for a decision {requestId} of project {id}");

    private static Task<Results<Ok<DecisionView>, FileContentHttpResult, ProblemHttpResult>> ReadDecision(
        Guid id, Guid decisionId, HttpContext http, Database database, GateDocuments documents, CancellationToken cancellationToken) =>
        MediaTypes.JsonOrPdfAsync(http,
            () => database.ReadAsync(async db => (await GateStore.DecisionAsync(db, id, decisionId))?.SeenBy(await ExemptionReader.MayReadAsync(db, http.User.ToActor(), id)), cancellationToken),
            t => documents.DecisionRecordAsync(id, decisionId, t, cancellationToken, http.User.ToActor()),
            $"beslutning-{decisionId}.pdf", $"Decision {decisionId} of project {id}");

    private static async Task<Results<Ok<Page<DecisionView>>, ProblemHttpResult>> Log(
        Guid id, HttpContext http, Database database, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        var decisions = await database.ReadAsync(async db =>
        {
            var mayRead = await ExemptionReader.MayReadAsync(db, http.User.ToActor(), id);
            return (await GateStore.DecisionsAsync(db, id, paging)).Select(d => d.SeenBy(mayRead)).ToList();
        }, cancellationToken);
        return TypedResults.Ok(paging.ToPage(decisions, d => d.Id));
    }
}
