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
}
