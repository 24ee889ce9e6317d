namespace ProjectMethod.Domain.Tolerances;

/// <summary>
/// What a decider changes on one dimension of a baseline: each part left out (null) keeps its current value.
/// </summary>
public sealed record ToleranceChange(Dimension Dimension, decimal? Plan, decimal? Below, decimal? Above);

/// <summary>One dimension of a baseline before and after a change; null where the dimension had (or has) no tolerance.</summary>
public sealed record ToleranceDifference(Dimension Dimension, Tolerance? Before, Tolerance? After)
{
    public bool Changed => Before != After;
}

/// <summary>
/// A new baseline from an exception plan or adjusted tolerances (DESIGN §4): the decider names what changes, and
/// everything not named stays as it was, so no dimension is ever dropped by leaving it out.
/// </summary>
public static class ToleranceChanges
{
    /// <summary>
    /// The current set with the changes laid over it, or the refusal of a change that adds a dimension the baseline
    /// lacks without its plan value.
    /// </summary>
    public static Outcome<ToleranceSet> Apply(ToleranceSet? current, ToleranceLevel level, IEnumerable<ToleranceChange> changes)
    {
        var bands = new Dictionary<Dimension, Tolerance>(current?.ByDimension ?? new Dictionary<Dimension, Tolerance>());
        foreach (var change in changes)
        {
            if (bands.TryGetValue(change.Dimension, out var before))
            {
                bands[change.Dimension] = new Tolerance(change.Dimension, change.Plan ?? before.Plan, change.Below ?? before.Below, change.Above ?? before.Above);
            }
            else if (change.Plan is { } plan)
            {
                bands[change.Dimension] = new Tolerance(change.Dimension, plan, change.Below ?? 0, change.Above ?? 0);
            }
            else
            {
                return DomainError.Invalid("tolerance-plan-required", "Plan value required",
                    $"The baseline has no {ToleranceRules.Name(change.Dimension)} tolerance yet: a new one states its plan value.")
                    with { Extensions = new Dictionary<string, object?> { ["dimension"] = ToleranceRules.Name(change.Dimension) } };
            }
        }

        return new ToleranceSet(level, bands);
    }

    /// <summary>Every dimension either set has, in dimension order, with its value before and after.</summary>
    public static IReadOnlyList<ToleranceDifference> Compare(ToleranceSet? before, ToleranceSet? after) =>
        (before?.ByDimension.Keys ?? []).Union(after?.ByDimension.Keys ?? []).Order()
            .Select(d => new ToleranceDifference(d, before?.ByDimension.GetValueOrDefault(d), after?.ByDimension.GetValueOrDefault(d)))
            .ToList();
}
