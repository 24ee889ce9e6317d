using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Gates;

/// <summary>
/// P4 and P5 at the gates: the next stage is planned with tolerances on every active dimension inside a project
/// tolerance; and no approval while the project is in exception.
/// </summary>
public sealed class ToleranceCriteria : ICriteriaSet
{
    private static readonly DecisionPoint[] StageStarts = [DecisionPoint.Bp3, DecisionPoint.StageBoundary];

    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        foreach (var point in StageStarts)
        {
            yield return (point, new("next-stage-planned", Principle.P4,
                "A stage plan exists for the stage to be authorised.",
                f => f.PlannedStages.Contains(f.NextStage) ? CriterionCheck.Pass() : CriterionCheck.Fail($"Stage {f.NextStage} has no plan.", Reason.Of("stage-not-planned", ReasonArgument.Number(f.NextStage)))));
            yield return (point, new("next-stage-tolerances", Principle.P5,
                "The stage to be authorised has tolerances on every active dimension.",
                f => Complete(f.StageTolerances.GetValueOrDefault(f.NextStage), f.ActiveDimensions, f.NextStage)));
            yield return (point, new("project-tolerances-set", Principle.P5,
                "Project tolerances are set on every active dimension.",
                f => Complete(f.ProjectTolerance, f.ActiveDimensions, null)));
        }

        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            yield return (point, new("no-open-exception", Principle.P5,
                "No exception is waiting for a decision.",
                f => f.OpenExceptions == 0
                    ? CriterionCheck.Pass()
                    : CriterionCheck.Fail($"The project is in exception: {f.OpenExceptions} exception(s) not yet decided.", Reason.Of("in-exception", ReasonArgument.Number(f.OpenExceptions)))));
        }
    }

    /// <summary>Every active dimension has a tolerance: the next stage's (its number given), or the project's.</summary>
    private static CriterionCheck Complete(ToleranceSet? tolerances, IReadOnlyList<Dimension> active, int? stage)
    {
        var (whose, level) = stage is { } n ? ($"Stage {n}", "stage") : ("The project", "project");
        ReasonArgument[] which = stage is { } number ? [ReasonArgument.Number(number)] : [];
        if (tolerances is null)
        {
            return CriterionCheck.Fail($"{whose} has no tolerances.", Reason.Of($"{level}-no-tolerances", which));
        }

        var missing = tolerances.Missing(active);
        return missing.Count == 0
            ? CriterionCheck.Pass()
            : CriterionCheck.Fail($"{whose} has no tolerance on {string.Join(", ", missing.Select(ToleranceRules.Name))}.",
                Reason.Of($"{level}-tolerances-missing", [.. which, ReasonArgument.Of(ReasonArgumentKind.Dimension, missing.Select(ToleranceRules.Name))]));
    }
}
