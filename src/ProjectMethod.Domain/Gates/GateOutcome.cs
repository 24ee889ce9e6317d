using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Gates;

/// <summary>A request for a decision (beslutningsanmodning) that is waiting for the decider.</summary>
public sealed record OpenGateRequest(Guid Id, DecisionPoint DecisionPoint, string RequestedBy);

/// <summary>One criterion as evaluated for the gate view and for refusals.</summary>
public sealed record CriterionResult(
    string Id, Principle Principle, string Description, bool Met, string? Detail, Reason? Reason = null, CriterionSource Source = CriterionSource.Method);

/// <summary>The next decision point as the decider sees it: criteria and what may be decided now.</summary>
public sealed record GateEvaluation(
    DecisionPoint DecisionPoint,
    Phase From,
    int? FromStage,
    Phase To,
    Decider Decider,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<Decision> AllowedDecisions);

/// <summary>
/// What a decision does to the project. Under board consensus an approval that others still await is a vote only:
/// <see cref="Concluded"/> is false and the project stays where it is.
/// </summary>
public sealed record GateDecisionOutcome(
    DecisionPoint DecisionPoint,
    Decision Decision,
    Phase From,
    int? FromStage,
    Phase To,
    int? ToStage,
    bool ClosedEarly,
    bool Concluded = true);

/// <summary>Board consensus on an open request: who must approve, who has, and who is still awaited.</summary>
public sealed record ConsensusState(IReadOnlyList<string> Required, IReadOnlyList<string> Approved, IReadOnlyList<string> Awaited);
