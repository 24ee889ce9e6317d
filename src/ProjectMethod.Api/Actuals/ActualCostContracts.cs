using NodaTime;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Actuals;

/// <summary>A month's booked cost of a stage as the finance system posts it: the amount, and the ledger's own reference.</summary>
public sealed record BookActualCost(decimal? Amount, string? Reference = null);

/// <summary>One month's booked cost of a stage, and who booked it when.</summary>
public sealed record ActualCostView(int Stage, string Period, decimal Amount, string? Reference, [property: Person] string BookedBy, Instant BookedAt);

/// <summary>A stage's cost three ways: the budget its plan gives, the Project Manager's newest forecast, and what is booked so far.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Budget">The stage plan's budget; null for a stage not planned (costs booked before its plan).</param>
/// <param name="Forecast">The cost at the end of the stage in the newest highlight report; null before the first.</param>
/// <param name="Actual">The sum of the months booked.</param>
public sealed record StageCostView(int Stage, decimal? Budget, decimal? Forecast, decimal Actual);

/// <summary>Every month booked, oldest stage and month first, and each stage's budget, forecast and actual.</summary>
public sealed record ActualCosts(IReadOnlyList<ActualCostView> Items, IReadOnlyList<StageCostView> Stages)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}
