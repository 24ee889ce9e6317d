using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Gates;

/// <summary>The answer a criterion gives for one project: met or not, and why (in English, and as a reason each language renders).</summary>
public readonly record struct CriterionCheck(bool Met, string? Detail = null, Reason? Reason = null)
{
    public static CriterionCheck Pass() => new(true);

    public static CriterionCheck Pass(string detail, Reason reason) => new(true, detail, reason);

    public static CriterionCheck Fail(string detail, Reason reason) => new(false, detail, reason);
}

/// <summary>Where a criterion of a project's decision point comes from: the method itself, the handbook, or the category's profile.</summary>
public enum CriterionSource
{
    Method,
    Handbook,
    Profile,
}

/// <summary>
/// An automatic criterion of a decision point: checked before approval, reported by id and principle when unmet. A
/// criterion a handbook switches on (<paramref name="AppliesTo"/>) is judged only for projects whose handbook does;
/// <paramref name="SourceOf"/> says whether the handbook or the category's profile switched it on.
/// </summary>
public sealed record GateCriterion(
    string Id, Principle Principle, string Description, Func<GateFacts, CriterionCheck> Check, Func<GateFacts, bool>? AppliesTo = null,
    Func<GateFacts, CriterionSource>? SourceOf = null)
{
    public bool Applies(GateFacts facts) => AppliesTo?.Invoke(facts) != false;

    public CriterionResult Judge(GateFacts facts)
    {
        var check = Check(facts);
        return new CriterionResult(Id, Principle, Description, check.Met, check.Detail, check.Reason, SourceOf?.Invoke(facts) ?? CriterionSource.Method);
    }
}

/// <summary>A feature's contribution of criteria to decision points.</summary>
public interface ICriteriaSet
{
    IEnumerable<(DecisionPoint DecisionPoint, GateCriterion Criterion)> Criteria();
}

/// <summary>The criteria of every decision point, composed from the features' criteria sets.</summary>
public sealed class CriteriaCatalogue
{
    private readonly List<(DecisionPoint DecisionPoint, GateCriterion Criterion)> entries = [];

    public CriteriaCatalogue(IEnumerable<ICriteriaSet> sets)
    {
        foreach (var set in sets)
        {
            entries.AddRange(set.Criteria());
        }

        var duplicate = entries.GroupBy(e => (e.DecisionPoint, e.Criterion.Id)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Criterion {duplicate.Key.Id} is declared twice for {duplicate.Key.DecisionPoint}.");
        }
    }

    /// <summary>The criteria sets of the method as built so far.</summary>
    public static CriteriaCatalogue Default { get; } = new(
    [
        new MandateCriteria(),
        new BusinessCaseCriteria(),
        new LessonsCriteria(),
        new RoleCriteria(),
        new ChecklistCriteria(),
        new ToleranceCriteria(),
        new BenefitCriteria(),
        new ProductCriteria(),
        new HandbookCriteria(),
    ]);

    public IReadOnlyList<GateCriterion> For(DecisionPoint decisionPoint) =>
        entries.Where(e => e.DecisionPoint == decisionPoint).Select(e => e.Criterion).ToList();
}
