namespace ProjectMethod.Domain.Phases;

/// <summary>The triggers of the phase machine: the approval of each decision point, and stop.</summary>
public enum PhaseTrigger
{
    ApproveBp1,
    ApproveBp2,
    ApproveBp3,
    ApproveStageBoundary,
    ApproveBp4,
    ApproveBp5,
    ApproveBp6,
    Stop,
}

public static class PhaseTriggers
{
    public static PhaseTrigger ApprovalOf(DecisionPoint decisionPoint) => decisionPoint switch
    {
        DecisionPoint.Bp1 => PhaseTrigger.ApproveBp1,
        DecisionPoint.Bp2 => PhaseTrigger.ApproveBp2,
        DecisionPoint.Bp3 => PhaseTrigger.ApproveBp3,
        DecisionPoint.StageBoundary => PhaseTrigger.ApproveStageBoundary,
        DecisionPoint.Bp4 => PhaseTrigger.ApproveBp4,
        DecisionPoint.Bp5 => PhaseTrigger.ApproveBp5,
        DecisionPoint.Bp6 => PhaseTrigger.ApproveBp6,
        _ => throw new ArgumentOutOfRangeException(nameof(decisionPoint), decisionPoint, null),
    };
}
