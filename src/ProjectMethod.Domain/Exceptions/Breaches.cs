using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Exceptions;

/// <summary>A tolerance breach: a forecast past the band on one dimension of one level (a stage, the project or a work package).</summary>
public sealed record Breach(ToleranceLevel Level, int? Stage, Guid? WorkPackageId, Dimension Dimension, DimensionEvaluation Evaluation);

/// <summary>An undecided exception or open issue already standing for one level and dimension.</summary>
public sealed record OpenBreach(ToleranceLevel Level, int? Stage, Guid? WorkPackageId, Dimension Dimension);

public static class Breaches
{
    /// <summary>
    /// The breaches a forecast raises: each exceeded dimension, once. While an exception (or, for a work package, an
    /// issue) for the same level and dimension is still open, a forecast still outside raises nothing new.
    /// </summary>
    public static IReadOnlyList<Breach> ToRaise(
        ToleranceLevel level, int? stage, Guid? workPackageId, IEnumerable<DimensionEvaluation> evaluations, IReadOnlyCollection<OpenBreach> open) =>
        evaluations
            .Where(e => e.Status == ToleranceStatus.Exceeded)
            .Where(e => !open.Contains(new OpenBreach(level, level == ToleranceLevel.Project ? null : stage, workPackageId, e.Dimension)))
            .Select(e => new Breach(level, level == ToleranceLevel.Project ? null : stage, workPackageId, e.Dimension, e))
            .ToList();
}
