using ProjectMethod.Domain.Gates;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace ProjectMethod.Domain.Phases;

/// <summary>
/// What the phase machine's guards look at, settled before the machine is asked: whether the criteria of a decision
/// point are met (the gatekeeper judges them once), and where BP5 leads.
/// </summary>
public sealed record PhaseConditions(Func<DecisionPoint, bool> CriteriaMet, bool NothingLeftToRealise, bool EveryBenefitEvaluated)
{
    /// <summary>Every guard open: where each approval would lead, and the graph.</summary>
    public static PhaseConditions Open { get; } = new(_ => true, NothingLeftToRealise: false, EveryBenefitEvaluated: true);
}

/// <summary>
/// The method's phase machine (faseinndeling): which decision points lead where, behind which criteria. It holds rules
/// only: a project's phase lives in the database, is handed in, and the destination is read back after firing.
/// Every machine of the method (phases, exceptions) is built this way: a <see cref="StateMachine{TState,TTrigger}"/>
/// over a state passed in, with guards that read facts settled beforehand.
/// </summary>
public static class PhaseMachine
{
    public static StateMachine<Phase, PhaseTrigger> Create(Phase phase, PhaseConditions conditions, CriteriaCatalogue catalogue)
    {
        var machine = new StateMachine<Phase, PhaseTrigger>(() => phase, next => phase = next);
        Func<bool> Met(DecisionPoint point) => () => conditions.CriteriaMet(point);
        string Criteria(DecisionPoint point) => $"{catalogue.For(point).Count(c => c.AppliesTo is null)} criteria";

        machine.Configure(Phase.Proposed)
            .PermitIf(PhaseTrigger.ApproveBp1, Phase.Concept, Met(DecisionPoint.Bp1), Criteria(DecisionPoint.Bp1))
            .Permit(PhaseTrigger.Stop, Phase.Rejected);

        machine.Configure(Phase.Concept)
            .PermitIf(PhaseTrigger.ApproveBp2, Phase.Planning, Met(DecisionPoint.Bp2), Criteria(DecisionPoint.Bp2))
            .Permit(PhaseTrigger.Stop, Phase.Closure);

        machine.Configure(Phase.Planning)
            .PermitIf(PhaseTrigger.ApproveBp3, Phase.Execution, Met(DecisionPoint.Bp3), Criteria(DecisionPoint.Bp3))
            .Permit(PhaseTrigger.Stop, Phase.Closure);

        machine.Configure(Phase.Execution)
            .PermitReentryIf(PhaseTrigger.ApproveStageBoundary, Met(DecisionPoint.StageBoundary), Criteria(DecisionPoint.StageBoundary))
            .PermitIf(PhaseTrigger.ApproveBp4, Phase.Closure, Met(DecisionPoint.Bp4), Criteria(DecisionPoint.Bp4))
            .Permit(PhaseTrigger.Stop, Phase.Closure);

        machine.Configure(Phase.Closure)
            .PermitDynamicIf(
                PhaseTrigger.ApproveBp5,
                () => conditions.NothingLeftToRealise ? Phase.Completed : Phase.Realisation,
                "closed early with no benefit expected?",
                Met(DecisionPoint.Bp5),
                Criteria(DecisionPoint.Bp5),
                new DynamicStateInfos
                {
                    { Phase.Realisation, "not closed early, or a benefit is still expected" },
                    { Phase.Completed, "closed early and no benefit expected" },
                });
        // In closure a stop is no way out: the end report and the lessons report are written whatever happened.

        machine.Configure(Phase.Realisation)
            .PermitIf(PhaseTrigger.ApproveBp6, Phase.Completed, Met(DecisionPoint.Bp6), Criteria(DecisionPoint.Bp6))
            .PermitIf(PhaseTrigger.Stop, Phase.Completed, () => conditions.EveryBenefitEvaluated, "every benefit evaluated");

        return machine;
    }

    /// <summary>The phase a trigger leads to when its guards hold; the phase itself when the phase does not permit it.</summary>
    public static Phase Fire(Phase phase, PhaseTrigger trigger, PhaseConditions conditions, CriteriaCatalogue catalogue)
    {
        var machine = Create(phase, conditions, catalogue);
        machine.Fire(trigger);
        return machine.State;
    }

    /// <summary>The machine as a Mermaid state diagram, from Stateless's own export.</summary>
    public static string Mermaid(CriteriaCatalogue catalogue) =>
        MermaidGraph.Format(Create(Phase.Proposed, PhaseConditions.Open, catalogue).GetInfo());
}
