using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Exceptions;

/// <summary>
/// A tolerance breach: a forecast past the band on one dimension of one level. ScopeId names what inside the level
/// breached, where there can be several: a work package, or a benefit in realisation.
/// </summary>
public sealed record Breach(ToleranceLevel Level, int? Stage, Guid? ScopeId, Dimension Dimension, DimensionEvaluation Evaluation);

/// <summary>An undecided exception or open issue already standing for one level, scope and dimension.</summary>
public sealed record OpenBreach(ToleranceLevel Level, int? Stage, Guid? ScopeId, Dimension Dimension);

public static class Breaches
{
    /// <summary>
    /// The breaches a forecast raises: each exceeded dimension, once. While an exception (or, for a work package, an
    /// issue) for the same level and dimension is still open, a forecast still outside raises nothing new.
    /// </summary>
    public static IReadOnlyList<Breach> ToRaise(
        ToleranceLevel level, int? stage, Guid? scopeId, IEnumerable<DimensionEvaluation> evaluations, IReadOnlyCollection<OpenBreach> open) =>
        evaluations
            .Where(e => e.Status == ToleranceStatus.Exceeded)
            .Where(e => !open.Contains(new OpenBreach(level, level == ToleranceLevel.Project ? null : stage, scopeId, e.Dimension)))
            .Select(e => new Breach(level, level == ToleranceLevel.Project ? null : stage, scopeId, e.Dimension, e))
            .ToList();
}
