using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

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

/// <summary>Turns the API's tolerance and forecast shapes into the domain's numbers, with a field error for each fault.</summary>
public static class ToleranceInput
{
    private const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>A whole set of tolerances, as a PUT gives it: every band given states its plan value.</summary>
    public static ToleranceSet? Read(ToleranceLevel level, ToleranceSetRequest? request, IEnumerable<Dimension> active, Validation validation, string prefix = "")
    {
        if (request is null)
        {
            validation.Add(prefix.TrimEnd('.') is { Length: > 0 } field ? field : "tolerances", "Tolerances are required.");
            return null;
        }

        var changes = Check(Given(request.AsChange()), active, validation, prefix);
        foreach (var change in changes.Where(c => c.Plan is null))
        {
            validation.Add(prefix + ToleranceRules.Name(change.Dimension) + ".plan", "plan is required.");
        }

        return new ToleranceSet(level, changes.Where(c => c.Plan is not null)
            .ToDictionary(c => c.Dimension, c => new Tolerance(c.Dimension, c.Plan!.Value, c.Below ?? 0, c.Above ?? 0)));
    }

    /// <summary>
    /// What a decision changes, dimension by dimension, laid over the current baseline: a band or a part of one left out
    /// is no change (see <see cref="ToleranceChanges.Apply"/>).
    /// </summary>
    public static List<ToleranceChange>? ReadChanges(ToleranceSetChange? request, IEnumerable<Dimension> active, Validation validation, string prefix = "")
    {
        if (request is null)
        {
            validation.Add(prefix.TrimEnd('.') is { Length: > 0 } field ? field : "tolerances", "Tolerances are required.");
            return null;
        }

        return Check(Given(request), active, validation, prefix);
    }

    private static IEnumerable<(Dimension, decimal?, decimal?, decimal?)> Given(ToleranceSetChange request)
    {
        if (request.Time is { } time)
        {
            yield return (Dimension.Time, time.Plan is { } date ? Dimensions.DayNumber(date) : null, time.Lower, time.Upper);
        }

        foreach (var (dimension, band) in new[] { (Dimension.Cost, request.Cost), (Dimension.Quality, request.Quality), (Dimension.Scope, request.Scope),
                     (Dimension.Risk, request.Risk), (Dimension.Benefit, request.Benefit), (Dimension.Sustainability, request.Sustainability) })
        {
            if (band is not null)
            {
                yield return (dimension, band.Plan, band.Lower, band.Upper);
            }
        }
    }

    /// <summary>Each band given, checked: on an active dimension, its deviations 0 or more, every value within bounds.</summary>
    private static List<ToleranceChange> Check(IEnumerable<(Dimension Dimension, decimal? Plan, decimal? Lower, decimal? Upper)> given, IEnumerable<Dimension> active,
        Validation validation, string prefix)
    {
        var activeSet = active.ToHashSet();
        var changes = new List<ToleranceChange>();
        foreach (var (dimension, plan, lower, upper) in given)
        {
            var field = prefix + ToleranceRules.Name(dimension);
            if (!activeSet.Contains(dimension))
            {
                validation.Add(field, $"{dimension} is not an active tolerance dimension.");
            }
            else if (lower is < 0 or > MaxAmount || upper is < 0 or > MaxAmount || plan is < -MaxAmount or > MaxAmount)
            {
                validation.Add(field, "lower and upper are allowed deviations: 0 or more, within bounds.");
            }
            else
            {
                changes.Add(new ToleranceChange(dimension, plan, lower, upper));
            }
        }

        return changes;
    }

    /// <summary>Risk is always measured; quality and scope are measured once the project has products, and forecast by hand before.</summary>
    public static bool MayBeMeasured(Dimension dimension) => dimension is Dimension.Risk or Dimension.Quality or Dimension.Scope;

    /// <summary>Every dimension there is: what a request is read against before the project's handbook is known.</summary>
    public static IReadOnlyList<Dimension> AllDimensions { get; } = Enum.GetValues<Dimension>();

    /// <summary>The forecast values given, by dimension; which must be given is the project handbook's to say (<see cref="CheckForecast"/>).</summary>
    public static Dictionary<Dimension, decimal> Read(ForecastValues? values, Validation validation, string field)
    {
        if (values is null)
        {
            validation.Add(field, $"{field} is required.");
            return [];
        }

        var given = new Dictionary<Dimension, decimal?>
        {
            [Dimension.Time] = values.Time is { } time ? Dimensions.DayNumber(time) : null,
            [Dimension.Cost] = values.Cost,
            [Dimension.Quality] = values.Quality,
            [Dimension.Scope] = values.Scope,
            [Dimension.Benefit] = values.Benefit,
            [Dimension.Sustainability] = values.Sustainability,
        };
        return given.Where(g => g.Value is not null).ToDictionary(g => g.Key, g => g.Value!.Value);
    }

    /// <summary>
    /// Against the project's active dimensions: every one but risk must be forecast, except quality and scope, which the
    /// forecast judges from the products when there are any (and asks for otherwise); none outside them may be.
    /// </summary>
    public static Validation CheckForecast(IReadOnlyDictionary<Dimension, decimal>? values, IEnumerable<Dimension> active, string field, Validation? validation = null)
    {
        validation ??= new Validation();
        if (values is null)
        {
            return validation;
        }

        var activeSet = active.ToHashSet();
        foreach (var dimension in activeSet.Where(d => !MayBeMeasured(d) && !values.ContainsKey(d)))
        {
            validation.Add($"{field}.{ToleranceRules.Name(dimension)}", $"A forecast for {ToleranceRules.Name(dimension)} is required.");
        }

        foreach (var dimension in values.Keys.Where(d => !activeSet.Contains(d)))
        {
            validation.Add($"{field}.{ToleranceRules.Name(dimension)}", $"{dimension} is not an active tolerance dimension.");
        }

        return validation;
    }

    /// <summary>Against the project's active dimensions: a tolerance on a dimension its handbook does not use is refused.</summary>
    public static Validation CheckActive(ToleranceSet? set, IEnumerable<Dimension> active, string prefix = "") =>
        CheckActive(set?.ByDimension.Keys ?? [], active, prefix);

    /// <summary>Against the project's active dimensions: a tolerance given on a dimension its handbook does not use is refused.</summary>
    public static Validation CheckActive(IEnumerable<Dimension> given, IEnumerable<Dimension> active, string prefix = "")
    {
        var validation = new Validation();
        var activeSet = active.ToHashSet();
        foreach (var dimension in given.Where(d => !activeSet.Contains(d)))
        {
            validation.Add(prefix + ToleranceRules.Name(dimension), $"{dimension} is not an active tolerance dimension.");
        }

        return validation;
    }

    public static Validation ValidatePlan(StagePlanRequest? request, Validation validation, string prefix)
    {
        if (request is null)
        {
            validation.Add(prefix.TrimEnd('.') is { Length: > 0 } field ? field : "plan", "A stage plan is required.");
            return validation;
        }

        return ValidatePlanFields(request, validation.Required(prefix + "plannedEnd", request.PlannedEnd).Required(prefix + "budget", request.Budget), prefix);
    }

    /// <summary>The fields a plan gives, each checked; whether any must be given is the caller's to say.</summary>
    public static Validation ValidatePlanFields(StagePlanRequest request, Validation validation, string prefix) =>
        validation
            .That(request.Budget is null or (>= 0 and <= 1_000_000_000_000m), prefix + "budget", "budget is 0 or more, in NOK.")
            .That(request.ProductsInScope is null or (>= 0 and <= 10_000), prefix + "productsInScope", "productsInScope is 0 or more.")
            .Text(prefix + "description", request.Description, Validation.LongText, required: false)
            .That(request.CarriedProductIds is null or { Count: <= 1000 }, prefix + "carriedProductIds", "carriedProductIds holds at most 1000 products.");

    public static StagePlanView ToPlan(int stage, StagePlanRequest request, string setBy, NodaTime.Instant at) =>
        new(stage, request.PlannedEnd!.Value, request.Budget!.Value, request.ProductsInScope ?? 0, request.Description?.Trim() ?? "",
            (request.CarriedProductIds ?? []).Distinct().ToList(), setBy, at);

    private static IEnumerable<(Dimension, AmountBand?)> Amounts(ToleranceSetRequest request) =>
    [
        (Dimension.Cost, request.Cost), (Dimension.Quality, request.Quality), (Dimension.Scope, request.Scope),
        (Dimension.Risk, request.Risk), (Dimension.Benefit, request.Benefit), (Dimension.Sustainability, request.Sustainability),
    ];
}

/// <summary>
/// A project's tolerance dimensions and the share of a band from which a forecast is at risk: its handbook's. The
/// configuration section <c>Tolerances</c> (default time, cost, quality, scope, risk, benefit; add sustainability, or
/// leave one out) only fills the handbook versions that existed before handbooks held them, at the first start.
/// </summary>
public sealed class ToleranceSettings
{
    public const string Section = "Tolerances";

    public IList<Dimension> Dimensions { get; init; } = [.. Domain.Tolerances.Dimensions.Default];

    public decimal AtRiskThreshold { get; init; } = ToleranceRules.DefaultAtRiskThreshold;

    public static ToleranceSettings Of(HandbookVersion handbook) => new() { Dimensions = [.. handbook.Dimensions], AtRiskThreshold = handbook.AtRiskThreshold };
}
