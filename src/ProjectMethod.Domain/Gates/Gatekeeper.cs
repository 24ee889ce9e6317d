using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Gates;

/// <summary>
/// Decides requests and decisions at decision points (P4): the right person, the criteria, four eyes. The criteria of
/// a decision are judged once, here; the phase machine's guards read that verdict.
/// </summary>
public sealed class Gatekeeper(CriteriaCatalogue catalogue)
{
    public static Gatekeeper Default { get; } = new(CriteriaCatalogue.Default);

    /// <summary>Every criterion of the decision point, judged against the facts.</summary>
    public IReadOnlyList<CriterionResult> Judge(GateFacts facts, DecisionPoint point) =>
        catalogue.For(point).Where(c => c.Applies(facts)).Select(c => c.Judge(facts)).ToList();

    /// <summary>The decision point a project is heading for: the open request's, the one asked for, or the default.</summary>
    public static Outcome<DecisionPoint> PointAhead(GateFacts facts, OpenGateRequest? openRequest, DecisionPoint? askedFor)
    {
        var phase = facts.Phase;
        var ahead = DecisionPoints.Ahead(phase);
        if (ahead.Count == 0)
        {
            return DomainError.Conflict("project-finished", "Project finished", $"A project that is {phase} has no decision point ahead.");
        }

        if (openRequest is not null)
        {
            return askedFor is null || askedFor == openRequest.DecisionPoint
                ? openRequest.DecisionPoint
                : DomainError.Conflict("request-open", "A request is open",
                    $"A decision is already requested at {ProjectAccess.Describe(openRequest.DecisionPoint)}.");
        }

        if (askedFor is { } point && !ahead.Contains(point))
        {
            return DomainError.Conflict("decision-point-not-ahead", "Decision point not ahead",
                $"A project in {phase} can be brought to {string.Join(" or ", ahead.Select(ProjectAccess.Describe))}, not {ProjectAccess.Describe(point)}.");
        }

        // In execution a planned next stage makes the stage boundary the default; otherwise the stage is the last and BP4 is next.
        return askedFor ?? (phase == Phase.Execution && facts.PlannedStages.Contains(facts.NextStage) ? DecisionPoint.StageBoundary : ahead[^1]);
    }

    public GateEvaluation Evaluate(GateFacts facts, DecisionPoint point, OpenGateRequest? openRequest)
    {
        var criteria = Judge(facts, point);

        var allowed = new List<Decision>();
        if (facts.BusinessCase != BusinessCaseStanding.Unjustified && openRequest is not null)
        {
            if (criteria.All(c => c.Met))
            {
                allowed.Add(Decision.Approve);
            }

            allowed.Add(Decision.Reject);
        }

        if (CheckStop(facts) is null)
        {
            allowed.Add(Decision.Stop);
        }

        var to = PhaseMachine.Fire(facts.Phase, PhaseTriggers.ApprovalOf(point), Conditions(facts, _ => true), catalogue);
        return new GateEvaluation(point, facts.Phase, facts.Stage, to, DecisionPoints.DeciderOf(point), criteria, allowed);
    }

    /// <summary>May this person ask for the decision now? The request itself needs no criteria met.</summary>
    public static DomainError? CheckRequest(GateFacts facts, ProjectStanding standing, DecisionPoint point, OpenGateRequest? openRequest, string? recommendation)
    {
        if (ProjectAccess.CheckPreparer(standing, point) is { } forbidden)
        {
            return forbidden;
        }

        if (openRequest is not null)
        {
            return DomainError.Conflict("request-open", "A request is open",
                $"A decision is already requested at {ProjectAccess.Describe(openRequest.DecisionPoint)}; it must be decided first.");
        }

        return string.IsNullOrWhiteSpace(recommendation)
            ? DomainError.Invalid("recommendation-required", "Recommendation required", "A request for a decision states a recommendation.")
            : null;
    }

    public Outcome<GateDecisionOutcome> Decide(
        GateFacts facts, ProjectStanding standing, DecisionPoint point, OpenGateRequest? openRequest, Decision decision, string? rationale)
    {
        var consensus = decision != Decision.Stop && facts.Handbook.ApprovalModeAt(point) == ApprovalMode.BoardConsensus;
        if ((consensus ? CheckVoter(facts, standing, point) : ProjectAccess.CheckDecider(standing, point)) is { } notDecider)
        {
            return notDecider;
        }

        if (openRequest is not null && openRequest.RequestedBy == standing.Actor.UserId)
        {
            return new DomainError(ErrorKind.Forbidden, "four-eyes", "Four eyes",
                "The person who asked for a decision never decides it.");
        }

        if (decision is Decision.Approve or Decision.Reject && openRequest is null)
        {
            return DomainError.Conflict("no-open-request", "No open request",
                $"{decision} answers a request for a decision, and none is open at {ProjectAccess.Describe(point)}.");
        }

        if (decision is Decision.Reject or Decision.Stop && string.IsNullOrWhiteSpace(rationale))
        {
            return DomainError.Invalid("rationale-required", "Rationale required", $"A {decision.ToString().ToLowerInvariant()} decision states its rationale.");
        }

        if (decision == Decision.Stop && CheckStop(facts) is { } noStop)
        {
            return noStop;
        }

        if (decision != Decision.Stop && facts.BusinessCase == BusinessCaseStanding.Unjustified)
        {
            return DomainError.Conflict("business-case-unjustified", "Business case unjustified",
                "The Executive found the business case no longer justified in this phase: only stop may be decided.");
        }

        if (consensus && facts.Votes.Any(v => v.UserId == standing.Actor.UserId))
        {
            return DomainError.Conflict("already-voted", "Already voted", $"{standing.Actor.UserId} has already voted on this request.");
        }

        var outcome = decision switch
        {
            Decision.Approve => Approve(facts, point),
            Decision.Reject => new GateDecisionOutcome(point, decision, facts.Phase, facts.Stage, facts.Phase, facts.Stage, facts.ClosedEarly),
            _ => Stop(facts, point),
        };

        // Under consensus one reject rejects; an approval concludes only when no one else is awaited (the criteria judged just now).
        return consensus && decision == Decision.Approve && outcome.Value is { } approved
               && Consensus(facts, openRequest!, standing.Actor.UserId).Awaited.Count > 0
            ? approved with { To = facts.Phase, ToStage = facts.Stage, Concluded = false }
            : outcome;
    }

    /// <summary>
    /// Under board consensus the Executive and every Senior User and Senior Supplier approve, except whoever asked
    /// (four eyes: the requester's vote never counts). <paramref name="approving"/> counts as approved.
    /// </summary>
    public static ConsensusState Consensus(GateFacts facts, OpenGateRequest request, string? approving = null)
    {
        var required = facts.Roles.Where(r => r.Role is ProjectRole.Executive or ProjectRole.SeniorUser or ProjectRole.SeniorSupplier)
            .Select(r => r.UserId).Where(u => u != request.RequestedBy).Distinct().Order(StringComparer.Ordinal).ToList();
        var approved = facts.Votes.Where(v => v.Decision == Decision.Approve).Select(v => v.UserId)
            .Concat(approving is null ? [] : [approving]).Where(required.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ConsensusState(required, approved, required.Except(approved).ToList());
    }

    private static DomainError? CheckVoter(GateFacts facts, ProjectStanding standing, DecisionPoint point) =>
        standing.Holds(ProjectRole.Executive) || standing.Holds(ProjectRole.SeniorUser) || standing.Holds(ProjectRole.SeniorSupplier)
            ? null
            : DomainError.Forbidden(
                $"Under the handbook's board consensus at {ProjectAccess.Describe(point)} the Executive, the Senior Users and the Senior Suppliers decide.");

    private Outcome<GateDecisionOutcome> Approve(GateFacts facts, DecisionPoint point)
    {
        var unmet = Judge(facts, point).Where(c => !c.Met).ToList();
        var machine = PhaseMachine.Create(facts.Phase, Conditions(facts, p => p == point && unmet.Count == 0), catalogue);
        var trigger = PhaseTriggers.ApprovalOf(point);
        if (!machine.CanFire(trigger))
        {
            return DomainError.Conflict("criteria-unmet", "Criteria unmet",
                $"{ProjectAccess.Describe(point)} cannot be approved: {string.Join(" ", unmet.Select(c => c.Description))}")
                with { Extensions = new Dictionary<string, object?> { ["unmetCriteria"] = unmet } };
        }

        machine.Fire(trigger);
        var to = machine.State;

        int? toStage = (point, to) switch
        {
            (DecisionPoint.Bp3, _) => 1,
            (DecisionPoint.StageBoundary, _) => facts.Stage + 1,
            _ => null,
        };
        return new GateDecisionOutcome(point, Decision.Approve, facts.Phase, facts.Stage, to, toStage, facts.ClosedEarly);
    }

    /// <summary>Premature closure: stop at the decision point ahead, whoever's authority decided it (a gate or an exception).</summary>
    public GateDecisionOutcome Stop(GateFacts facts, DecisionPoint point)
    {
        var to = PhaseMachine.Fire(facts.Phase, PhaseTrigger.Stop, Conditions(facts, _ => false), catalogue);
        // Stopping before closure is premature closure (DESIGN §2).
        var closedEarly = facts.ClosedEarly || facts.Phase is Phase.Concept or Phase.Planning or Phase.Execution;
        return new GateDecisionOutcome(point, Decision.Stop, facts.Phase, facts.Stage, to, null, closedEarly);
    }

    /// <summary>
    /// A stop never skips closure: in closure the only way on is BP5; in realisation a stop ends realisation early only
    /// once every benefit has its final evaluation (notRealised is one). Null when a stop may be decided.
    /// </summary>
    public static DomainError? CheckStop(GateFacts facts)
    {
        if (facts.Phase == Phase.Closure)
        {
            return DomainError.Conflict("no-stop-in-closure", "No stop in closure",
                "A project in closure is already closing: the only way on is BP5, with the end report and the lessons report written.");
        }

        var unevaluated = facts.Benefits.Where(b => b.Outcome is null).Select(b => b.Title).ToList();
        return facts.Phase == Phase.Realisation && unevaluated.Count > 0
            ? DomainError.Conflict("benefits-not-evaluated", "Benefits not evaluated",
                $"Realisation ends early only when every benefit has its final evaluation (notRealised is one); without one: {string.Join(", ", unevaluated)}.")
                with { Extensions = new Dictionary<string, object?> { ["benefits"] = unevaluated } }
            : null;
    }

    private static PhaseConditions Conditions(GateFacts facts, Func<DecisionPoint, bool> criteriaMet) =>
        new(criteriaMet, NothingLeftToRealise: facts.ClosedEarly && !facts.AnyBenefitExpected, EveryBenefitEvaluated: !facts.AnyBenefitExpected);
}
