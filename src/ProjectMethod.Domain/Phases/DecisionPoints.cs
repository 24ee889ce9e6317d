namespace ProjectMethod.Domain.Phases;

/// <summary>Which decision points lie ahead of a phase, and who decides each (DESIGN §2).</summary>
public static class DecisionPoints
{
    /// <summary>The decision points a project in this phase may be brought to; execution has two (next stage or closure).</summary>
    public static IReadOnlyList<DecisionPoint> Ahead(Phase phase) => phase switch
    {
        Phase.Proposed => [DecisionPoint.Bp1],
        Phase.Concept => [DecisionPoint.Bp2],
        Phase.Planning => [DecisionPoint.Bp3],
        Phase.Execution => [DecisionPoint.StageBoundary, DecisionPoint.Bp4],
        Phase.Closure => [DecisionPoint.Bp5],
        Phase.Realisation => [DecisionPoint.Bp6],
        _ => [],
    };

    public static Decider DeciderOf(DecisionPoint decisionPoint) => decisionPoint switch
    {
        DecisionPoint.Bp1 or DecisionPoint.Bp2 or DecisionPoint.Bp6 => Decider.PortfolioBoard,
        _ => Decider.Executive,
    };

    public static bool IsTerminal(Phase phase) => phase is Phase.Completed or Phase.Rejected;

    /// <summary>A completed or rejected project is a closed record: it can be read, never changed.</summary>
    public static DomainError? CheckOpen(Phase phase) =>
        IsTerminal(phase) ? DomainError.Conflict("project-finished", "Project finished", $"The project is {WireNames.Of(phase)}; its record is closed to changes.") : null;

    /// <summary>The mandate is written while the project is proposed; at BP1 it is settled, and changes belong in the business case.</summary>
    public static DomainError? CheckMandateOpen(Phase phase) =>
        phase == Phase.Proposed
            ? null
            : DomainError.Conflict("mandate-settled", "Mandate settled", "The mandate is settled at BP1; later changes belong in the business case.");
}
