using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>A request for a decision as the API shows it.</summary>
public sealed record GateRequestView(Guid Id, DecisionPoint DecisionPoint, Phase Phase, int? Stage, string Recommendation, [property: Person] string RequestedBy, Instant RequestedAt);

/// <summary>One entry of the decision log (beslutningslogg).</summary>
public sealed record DecisionView
{
    public required Guid Id { get; init; }

    public required DecisionPoint DecisionPoint { get; init; }

    public required Decision Decision { get; init; }

    public required string Rationale { get; init; }

    public Guid? RequestId { get; init; }

    public required Phase FromPhase { get; init; }

    public int? FromStage { get; init; }

    public required Phase ToPhase { get; init; }

    public int? ToStage { get; init; }

    public bool ClosedEarly { get; init; }

    [Person]
    public required string DecidedBy { get; init; }

    public required Instant DecidedAt { get; init; }

    /// <summary>Under board consensus, every board member's vote on the request, in the order cast; empty otherwise.</summary>
    public IReadOnlyList<GateVoteView> Votes { get; init; } = [];
}

/// <summary>A board member's vote on a request under board consensus.</summary>
public sealed record GateVoteView
{
    public required Guid Id { get; init; }

    public required Guid RequestId { get; init; }

    public required DecisionPoint DecisionPoint { get; init; }

    [Person("voter")]
    public required string UserId { get; init; }

    public required Decision Decision { get; init; }

    public required string Rationale { get; init; }

    public required Instant VotedAt { get; init; }
}

public static class GateStore
{
    private sealed record RequestRow
    {
        public required Guid Id { get; init; }

        public required DecisionPoint DecisionPoint { get; init; }

        public required Phase Phase { get; init; }

        public int? Stage { get; init; }

        public required string Recommendation { get; init; }

        public required string RequestedBy { get; init; }

        public required Instant RequestedAt { get; init; }
    }

    private static readonly Sql OpenRequest = Sql.Of(
        """
        SELECT id, decision_point AS DecisionPoint, phase, stage, recommendation, requested_by AS RequestedBy, requested_at AS RequestedAt
        FROM gate_requests WHERE project_id = @projectId AND decision_id IS NULL
        """);

    private static readonly Sql InsertRequest = Sql.Of(
        """
        INSERT INTO gate_requests (id, project_id, decision_point, phase, stage, recommendation, requested_by, requested_at)
        VALUES (@Id, @projectId, @decisionPoint, @phase, @Stage, @Recommendation, @RequestedBy, @RequestedAt)
        """);

    private static readonly Sql InsertDecision = Sql.Of(
        """
        INSERT INTO decisions (id, project_id, decision_point, decision, rationale, request_id, from_phase, from_stage, to_phase, to_stage,
                               closed_early, decided_by, decided_at)
        VALUES (@Id, @projectId, @decisionPoint, @decision, @Rationale, @RequestId, @fromPhase, @FromStage, @toPhase, @ToStage,
                @ClosedEarly, @DecidedBy, @DecidedAt)
        """);

    private static readonly Sql AnswerRequest = Sql.Of("UPDATE gate_requests SET decision_id = @Id WHERE id = @requestId");

    private static readonly Sql Decisions = Sql.Of(
        """
        SELECT id, decision_point AS DecisionPoint, decision, rationale, request_id AS RequestId, from_phase AS FromPhase, from_stage AS FromStage,
               to_phase AS ToPhase, to_stage AS ToStage, closed_early AS ClosedEarly, decided_by AS DecidedBy, decided_at AS DecidedAt
        FROM decisions WHERE project_id = @projectId AND id > @after ORDER BY id LIMIT @limit
        """);

    private static readonly Sql InsertVote = Sql.Of(
        """
        INSERT INTO gate_votes (id, project_id, request_id, decision_point, user_id, decision, rationale, voted_at)
        VALUES (@Id, @projectId, @RequestId, @decisionPoint, @UserId, @decision, @Rationale, @VotedAt)
        """);

    private static readonly Sql Votes = Sql.Of(
        """
        SELECT id, request_id AS RequestId, decision_point AS DecisionPoint, user_id AS UserId, decision, rationale, voted_at AS VotedAt
        FROM gate_votes WHERE project_id = @projectId ORDER BY id
        """);

    public static Task InsertVoteAsync(DbSession db, Guid projectId, GateVoteView vote) =>
        db.ExecuteAsync(InsertVote, new
        {
            vote.Id, projectId, vote.RequestId, decisionPoint = vote.DecisionPoint.Wire(), vote.UserId, decision = vote.Decision.Wire(), vote.Rationale,
            vote.VotedAt,
        });

    /// <summary>The votes cast on these requests, oldest first (a project has few: they are read together and picked here).</summary>
    public static async Task<IReadOnlyList<GateVoteView>> VotesAsync(DbSession db, Guid projectId, IReadOnlyCollection<Guid> requestIds) =>
        requestIds.Count == 0 ? [] : (await db.ListAsync<GateVoteView>(Votes, new { projectId })).Where(v => requestIds.Contains(v.RequestId)).ToList();

    public static async Task<GateRequestView?> OpenRequestAsync(DbSession db, Guid projectId) =>
        await db.SingleOrDefaultAsync<RequestRow>(OpenRequest, new { projectId }) is { } row
            ? new GateRequestView(row.Id, row.DecisionPoint, row.Phase, row.Stage, row.Recommendation, row.RequestedBy, row.RequestedAt)
            : null;

    public static OpenGateRequest? ToDomain(this GateRequestView? request) =>
        request is null ? null : new OpenGateRequest(request.Id, request.DecisionPoint, request.RequestedBy);

    public static Task InsertRequestAsync(DbSession db, Guid projectId, GateRequestView request) =>
        db.ExecuteAsync(InsertRequest, new
        {
            request.Id, projectId, decisionPoint = request.DecisionPoint.Wire(), phase = request.Phase.Wire(), request.Stage,
            request.Recommendation, request.RequestedBy, request.RequestedAt,
        });

    /// <summary>Records a decision in the decision log; one that answers a request closes it.</summary>
    public static async Task InsertDecisionAsync(DbSession db, Guid projectId, DecisionView decision)
    {
        await db.ExecuteAsync(InsertDecision, new
        {
            decision.Id, projectId, decisionPoint = decision.DecisionPoint.Wire(), decision = decision.Decision.Wire(), decision.Rationale,
            decision.RequestId, fromPhase = decision.FromPhase.Wire(), decision.FromStage, toPhase = decision.ToPhase.Wire(), decision.ToStage,
            decision.ClosedEarly, decision.DecidedBy, decision.DecidedAt,
        });
        if (decision.RequestId is { } requestId)
        {
            await db.ExecuteAsync(AnswerRequest, new { decision.Id, requestId });
        }
    }

    /// <summary>A page of the decision log, each decision with the votes cast on its request.</summary>
    public static async Task<IReadOnlyList<DecisionView>> DecisionsAsync(DbSession db, Guid projectId, Paging paging)
    {
        var decisions = await db.ListAsync<DecisionView>(Decisions, new { projectId, after = paging.AfterId, limit = paging.FetchSize });
        var votes = (await VotesAsync(db, projectId, decisions.Select(d => d.RequestId).OfType<Guid>().ToList())).ToLookup(v => v.RequestId);
        return decisions.Select(d => d.RequestId is { } request && votes.Contains(request) ? d with { Votes = votes[request].ToList() } : d).ToList();
    }
}

/// <summary>Board consensus facts: the votes cast so far on the open request.</summary>
public sealed class GateVoteFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        if (facts.Handbook.ApprovalModes.Count == 0 || await GateStore.OpenRequestAsync(query.Db, query.Project.Id) is not { } request)
        {
            return facts;
        }

        var votes = await GateStore.VotesAsync(query.Db, query.Project.Id, [request.Id]);
        return facts with { Votes = votes.Select(v => new GateVote(v.UserId, v.Decision)).ToList() };
    }
}
