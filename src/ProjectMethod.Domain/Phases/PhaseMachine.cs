using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.StateMachines;

namespace ProjectMethod.Domain.Phases;

/// <summary>The method's phase machine (faseinndeling): which decision points lead where, behind which criteria.</summary>
public static class PhaseMachine
{
    public static StateMachine<Phase, PhaseTrigger, GateFacts> Create(CriteriaCatalogue catalogue)
    {
        var machine = new StateMachine<Phase, PhaseTrigger, GateFacts>();
        IEnumerable<Guard<GateFacts>> Criteria(DecisionPoint point) => catalogue.For(point).Select(c => c.ToGuard());

        machine.Configure(Phase.Proposed)
            .PermitIf(PhaseTrigger.ApproveBp1, Phase.Concept, Criteria(DecisionPoint.Bp1))
            .Permit(PhaseTrigger.Stop, Phase.Rejected);

        machine.Configure(Phase.Concept)
            .PermitIf(PhaseTrigger.ApproveBp2, Phase.Planning, Criteria(DecisionPoint.Bp2))
            .Permit(PhaseTrigger.Stop, Phase.Closure);

        machine.Configure(Phase.Planning)
            .PermitIf(PhaseTrigger.ApproveBp3, Phase.Execution, Criteria(DecisionPoint.Bp3))
            .Permit(PhaseTrigger.Stop, Phase.Closure);

        machine.Configure(Phase.Execution)
            .PermitIf(PhaseTrigger.ApproveStageBoundary, Phase.Execution, Criteria(DecisionPoint.StageBoundary))
            .PermitIf(PhaseTrigger.ApproveBp4, Phase.Closure, Criteria(DecisionPoint.Bp4))
            .Permit(PhaseTrigger.Stop, Phase.Closure);

        machine.Configure(Phase.Closure)
            .PermitDynamicIf(
                PhaseTrigger.ApproveBp5,
                f => f.ClosedEarly && !f.AnyBenefitExpected ? Phase.Completed : Phase.Realisation,
                [
                    new(Phase.Realisation, "not closed early, or a benefit is still expected"),
                    new(Phase.Completed, "closed early and no benefit expected"),
                ],
                Criteria(DecisionPoint.Bp5))
            .Permit(PhaseTrigger.Stop, Phase.Completed);

        machine.Configure(Phase.Realisation)
            .PermitIf(PhaseTrigger.ApproveBp6, Phase.Completed, Criteria(DecisionPoint.Bp6))
            .Permit(PhaseTrigger.Stop, Phase.Completed);

        return machine;
    }
}
