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
                f => f.PlannedStages.Contains(f.NextStage) ? CriterionCheck.Pass() : CriterionCheck.Fail($"Stage {f.NextStage} has no plan.")));
            yield return (point, new("next-stage-tolerances", Principle.P5,
                "The stage to be authorised has tolerances on every active dimension.",
                f => Complete(f.StageTolerances.GetValueOrDefault(f.NextStage), f.ActiveDimensions, $"Stage {f.NextStage}")));
            yield return (point, new("project-tolerances-set", Principle.P5,
                "Project tolerances are set on every active dimension.",
                f => Complete(f.ProjectTolerance, f.ActiveDimensions, "The project")));
        }

        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            yield return (point, new("no-open-exception", Principle.P5,
                "No exception is waiting for a decision.",
                f => f.OpenExceptions == 0
                    ? CriterionCheck.Pass()
                    : CriterionCheck.Fail($"The project is in exception: {f.OpenExceptions} exception(s) not yet decided.")));
        }
    }

    private static CriterionCheck Complete(ToleranceSet? tolerances, IReadOnlyList<Dimension> active, string whose)
    {
        if (tolerances is null)
        {
            return CriterionCheck.Fail($"{whose} has no tolerances.");
        }

        var missing = tolerances.Missing(active);
        return missing.Count == 0
            ? CriterionCheck.Pass()
            : CriterionCheck.Fail($"{whose} has no tolerance on {string.Join(", ", missing.Select(ToleranceRules.Name))}.");
    }
}
