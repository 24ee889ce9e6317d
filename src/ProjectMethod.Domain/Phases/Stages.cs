namespace ProjectMethod.Domain.Phases;

/// <summary>The stages of execution (faser), as far as a plan or a product may name one.</summary>
public static class Stages
{
    /// <summary>
    /// A stage execution has left behind takes no new plan and no product: what is planned or delivered belongs to the
    /// current stage or a later one. Before execution no stage is over.
    /// </summary>
    public static DomainError? CheckNotOver(Phase phase, int? current, int stage) =>
        phase == Phase.Execution && current is { } now && stage < now
            ? DomainError.Conflict("stage-over", "Stage over", $"Stage {stage} is over; the project is in stage {now}.")
            : null;

    /// <summary>Stages are planned before and during execution (concept, planning, execution), and never one that is over.</summary>
    public static DomainError? CheckPlannable(Phase phase, int? current, int stage) =>
        phase is not (Phase.Concept or Phase.Planning or Phase.Execution)
            ? DomainError.Conflict("stage-planning-closed", "Stage planning closed", $"Stages are planned before and during execution; the project is {WireNames.Of(phase)}.")
            : CheckNotOver(phase, current, stage);

    /// <summary>Costs are booked to a stage that has its plan.</summary>
    public static DomainError? CheckPlanned(int stage, IEnumerable<int> planned) =>
        planned.Contains(stage) ? null : DomainError.Conflict("stage-not-planned", "Stage not planned", $"Stage {stage} has no plan yet: costs are booked to a planned stage.");

    /// <summary>Highlight reports forecast the stage under way: in execution, the current stage only.</summary>
    public static DomainError? CheckUnderWay(Phase phase, int? current, int stage) =>
        phase == Phase.Execution && current == stage
            ? null
            : DomainError.Conflict("not-the-current-stage", "Not the current stage",
                $"Forecasts are for the stage under way; the project is {WireNames.Of(phase)}{(current is { } s ? $" in stage {s}" : "")}.");
}
