using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>A time tolerance: the planned date and the days allowed before (lower) and after (upper) it.</summary>
public sealed record DateBand(LocalDate? Plan, decimal? Lower = null, decimal? Upper = null);

/// <summary>A tolerance in NOK, counts or exposure: the plan value and the deviation allowed below and above it.</summary>
public sealed record AmountBand(decimal? Plan, decimal? Lower = null, decimal? Upper = null);

/// <summary>Tolerances on the active dimensions; a missing side of a band allows no deviation that way.</summary>
public sealed record ToleranceSetRequest(
    DateBand? Time = null, AmountBand? Cost = null, AmountBand? Quality = null, AmountBand? Scope = null, AmountBand? Risk = null, AmountBand? Benefit = null,
    AmountBand? Sustainability = null)
{
    /// <summary>The same bands as changes, read by the one reader of both; a whole set then asks each band for its plan value.</summary>
    public ToleranceSetChange AsChange()
    {
        static AmountBandChange? Change(AmountBand? band) => band is null ? null : new AmountBandChange(band.Plan, band.Lower, band.Upper);
        return new ToleranceSetChange(Time is null ? null : new DateBandChange(Time.Plan, Time.Lower, Time.Upper), Change(Cost), Change(Quality), Change(Scope),
            Change(Risk), Change(Benefit), Change(Sustainability));
    }
}

/// <summary>A change to a time tolerance: each of the planned date and the days before and after left out keeps its current value.</summary>
public sealed record DateBandChange(LocalDate? Plan = null, decimal? Lower = null, decimal? Upper = null);

/// <summary>A change to a tolerance in NOK, counts or exposure: each of the plan value and the deviations left out keeps its current value.</summary>
public sealed record AmountBandChange(decimal? Plan = null, decimal? Lower = null, decimal? Upper = null);

/// <summary>
/// Changes to a baseline's tolerances: a dimension left out keeps its tolerance, and so does each part of a band left
/// out. A dimension the baseline has no tolerance on yet needs its plan value.
/// </summary>
public sealed record ToleranceSetChange(
    DateBandChange? Time = null, AmountBandChange? Cost = null, AmountBandChange? Quality = null, AmountBandChange? Scope = null, AmountBandChange? Risk = null,
    AmountBandChange? Benefit = null, AmountBandChange? Sustainability = null)
;

/// <summary>
/// A change to a stage plan in an exception plan: each field left out keeps its current value — the planned end and
/// budget follow the time and cost tolerances when those are changed instead — and the products in scope and carried on
/// stay with the stage unless given.
/// </summary>
public sealed record StagePlanChange(
    LocalDate? PlannedEnd = null, decimal? Budget = null, int? ProductsInScope = null, string? Description = null, IReadOnlyList<Guid>? CarriedProductIds = null);

/// <summary>
/// Forecast values at the end of the stage or project. Risk is not given: it is the register's exposure. Quality and
/// scope are measured from the products once the project has any; a value given for them then is overruled.
/// </summary>
public sealed record ForecastValues(
    LocalDate? Time = null, decimal? Cost = null, decimal? Quality = null, decimal? Scope = null, decimal? Benefit = null, decimal? Sustainability = null);

/// <summary>
/// A stage plan (faseplan): planned end, budget, the products in scope, and the unfinished products of earlier stages
/// this stage carries on (carriedProductIds). The plan as given replaces the one before.
/// </summary>
public sealed record StagePlanRequest(
    LocalDate? PlannedEnd, decimal? Budget, int? ProductsInScope = null, string? Description = null, IReadOnlyList<Guid>? CarriedProductIds = null);

public sealed record StagePlanView(
    int Stage, LocalDate PlannedEnd, decimal Budget, int ProductsInScope, string Description, IReadOnlyList<Guid> CarriedProductIds, [property: Person] string SetBy, Instant SetAt)
{
    public bool Equals(StagePlanView? other) =>
        other is not null && (Stage, PlannedEnd, Budget, ProductsInScope, Description, SetBy, SetAt)
            == (other.Stage, other.PlannedEnd, other.Budget, other.ProductsInScope, other.Description, other.SetBy, other.SetAt)
        && CarriedProductIds.SequenceEqual(other.CarriedProductIds);

    public override int GetHashCode() => HashCode.Combine(Stage, PlannedEnd, Budget, ProductsInScope, Description, SetBy, SetAt, CarriedProductIds.Count);
}

/// <summary>One tolerance as the API shows it: a date's plan is planDate (lower and upper are days), any other's is plan.</summary>
public sealed record ToleranceView(Dimension Dimension, decimal? Plan, LocalDate? PlanDate, decimal Lower, decimal Upper);

public sealed record ToleranceSetView(ToleranceLevel Level, int? Stage, Guid? WorkPackageId, IReadOnlyList<ToleranceView> Tolerances)
{
    public static ToleranceSetView From(ToleranceSet set, int? stage, Guid? workPackageId) => new(set.Level, stage, workPackageId,
        set.ByDimension.Values.OrderBy(t => t.Dimension).Select(t => new ToleranceView(
            t.Dimension, t.Dimension == Dimension.Time ? null : t.Plan, t.Dimension == Dimension.Time ? Dimensions.FromDayNumber(t.Plan) : null, t.Below,
            t.Above)).ToList());
}

/// <summary>One dimension of a forecast judged against its tolerance.</summary>
public sealed record DimensionView(
    Dimension Dimension, decimal Forecast, decimal Plan, LocalDate? ForecastDate, LocalDate? PlanDate, decimal Deviation, decimal? AllowedDeviation,
    ToleranceStatus Status, Rag Rag)
{
    public static DimensionView From(DimensionEvaluation e) => new(
        e.Dimension, e.Forecast, e.Plan,
        e.Dimension == Dimension.Time ? Dimensions.FromDayNumber(e.Forecast) : null,
        e.Dimension == Dimension.Time ? Dimensions.FromDayNumber(e.Plan) : null,
        e.Deviation, e.AllowedDeviation == decimal.MaxValue ? null : e.AllowedDeviation, e.Status, e.Rag);
}

/// <summary>A forecast judged per level: the stage (or work package) and, when given, the project.</summary>
public sealed record EvaluationView(IReadOnlyList<DimensionView> Stage, IReadOnlyList<DimensionView>? Project, IReadOnlyList<DimensionView>? WorkPackage);
