using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>A request for a decision as the API shows it.</summary>
public sealed record GateRequestView(Guid Id, DecisionPoint DecisionPoint, Phase Phase, int? Stage, string Recommendation, string RequestedBy, Instant RequestedAt);

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

    public required string DecidedBy { get; init; }

    public required Instant DecidedAt { get; init; }
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

    public static Task<IReadOnlyList<DecisionView>> DecisionsAsync(DbSession db, Guid projectId, Paging paging) =>
        db.ListAsync<DecisionView>(Decisions, new { projectId, after = paging.AfterId, limit = paging.FetchSize });
}
