namespace ProjectMethod.Domain.Tolerances;

/// <summary>
/// A tolerance on one dimension: the plan value and the deviation allowed below and above it. A missing side allows
/// no deviation that way. Dates are day numbers (see <see cref="Dimensions.DayNumber"/>).
/// </summary>
public sealed record Tolerance(Dimension Dimension, decimal Plan, decimal Below, decimal Above)
{
    public decimal LowestAllowed => Plan - Below;

    public decimal HighestAllowed => Dimensions.HasUpperLimit(Dimension) ? Plan + Above : decimal.MaxValue;
}

/// <summary>The tolerances of one level (the project, a stage or a work package), one per dimension.</summary>
public sealed record ToleranceSet(ToleranceLevel Level, IReadOnlyDictionary<Dimension, Tolerance> ByDimension)
{
    public IReadOnlyList<Dimension> Missing(IEnumerable<Dimension> active) => active.Where(d => !ByDimension.ContainsKey(d)).ToList();
}

/// <summary>Whose tolerances a set is: the project's, one stage's, or one work package's.</summary>
public sealed record ToleranceScope(ToleranceLevel Level, int? Stage = null, Guid? WorkPackageId = null)
{
    public static ToleranceScope Project { get; } = new(ToleranceLevel.Project);

    public static ToleranceScope OfStage(int stage) => new(ToleranceLevel.Stage, stage);

    public static ToleranceScope OfWorkPackage(Guid workPackageId) => new(ToleranceLevel.WorkPackage, WorkPackageId: workPackageId);
}
