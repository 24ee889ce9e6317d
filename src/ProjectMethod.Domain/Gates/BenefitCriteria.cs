using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Gates;

/// <summary>Benefits management at the gates: defined before execution, realistic before closure, owned by the line, evaluated at the end.</summary>
public sealed class BenefitCriteria : ICriteriaSet
{
    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        yield return (DecisionPoint.Bp3, new("benefit-defined", Principle.Benefits,
            "At least one benefit has an owner, a baseline, a target and a target date.",
            f => f.Benefits.Any(b => b.HasLineOwner && b.HasBaselineAndTarget)
                ? CriterionCheck.Pass()
                : f.Benefits.Count == 0 ? CriterionCheck.Fail("No benefit is registered.", Reason.Of("no-benefit")) : CriterionCheck.Fail("No benefit has both an owner and its baseline and target.", Reason.Of("no-complete-benefit"))));
        yield return (DecisionPoint.Bp4, new("benefits-realistic", Principle.Benefits,
            "The Benefit Owner has confirmed in this stage that the benefits are still realistic.",
            f => f.LatestBenefitsReview is { } review && review.Phase == f.Phase && review.Stage == f.Stage
                ? review.Realistic ? CriterionCheck.Pass() : CriterionCheck.Fail("The Benefit Owner found the benefits no longer realistic.", Reason.Of("benefits-not-realistic"))
                : CriterionCheck.Fail("The Benefit Owner has not reviewed the benefits in this stage.", Reason.Of("benefits-not-reviewed"))));
        yield return (DecisionPoint.Bp5, new("benefit-measurement-owners", Principle.Benefits,
            "Every benefit has a measurement owner in a line unit.",
            f => f.Benefits.Where(b => !b.HasLineOwner).Select(b => b.Title).ToList() is { Count: > 0 } unowned
                ? CriterionCheck.Fail($"Without an owner in the line: {string.Join(", ", unowned)}.", Reason.Of("benefits-without-line-owner", ReasonArgument.Text(unowned)))
                : CriterionCheck.Pass()));
        yield return (DecisionPoint.Bp6, new("benefits-evaluated", Principle.Benefits,
            "Every benefit has its final evaluation.",
            f => f.Benefits.Where(b => b.Outcome is null).Select(b => b.Title).ToList() is { Count: > 0 } open
                ? CriterionCheck.Fail($"Not yet evaluated: {string.Join(", ", open)}.", Reason.Of("benefits-not-evaluated", ReasonArgument.Text(open)))
                : CriterionCheck.Pass()));
    }
}
