using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>Turns the API's tolerance and forecast shapes into the domain's numbers, with a field error for each fault.</summary>
public static class ToleranceInput
{
    private const decimal MaxAmount = 1_000_000_000_000m;

    public static ToleranceSet? Read(ToleranceLevel level, ToleranceSetRequest? request, IEnumerable<Dimension> active, Validation validation, string prefix = "")
    {
        if (request is null)
        {
            validation.Add(prefix.TrimEnd('.') is { Length: > 0 } field ? field : "tolerances", "Tolerances are required.");
            return null;
        }

        var activeSet = active.ToHashSet();
        var bands = new Dictionary<Dimension, Tolerance>();
        void Add(Dimension dimension, decimal? plan, decimal? lower, decimal? upper, bool given)
        {
            var field = prefix + ToleranceRules.Name(dimension);
            if (!given)
            {
                return;
            }

            if (!activeSet.Contains(dimension))
            {
                validation.Add(field, $"{dimension} is not an active tolerance dimension.");
                return;
            }

            if (plan is null)
            {
                validation.Add(field + ".plan", "plan is required.");
            }

            if (lower is < 0 or > MaxAmount || upper is < 0 or > MaxAmount || plan is < -MaxAmount or > MaxAmount)
            {
                validation.Add(field, "lower and upper are allowed deviations: 0 or more, within bounds.");
            }

            if (plan is not null)
            {
                bands[dimension] = new Tolerance(dimension, plan.Value, lower ?? 0, upper ?? 0);
            }
        }

        Add(Dimension.Time, request.Time?.Plan is { } date ? Dimensions.DayNumber(date) : null, request.Time?.Lower, request.Time?.Upper, request.Time is not null);
        foreach (var (dimension, band) in Amounts(request))
        {
            Add(dimension, band?.Plan, band?.Lower, band?.Upper, band is not null);
        }

        return new ToleranceSet(level, bands);
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
    public static Validation CheckActive(ToleranceSet? set, IEnumerable<Dimension> active, string prefix = "")
    {
        var validation = new Validation();
        var activeSet = active.ToHashSet();
        foreach (var dimension in set?.ByDimension.Keys.Where(d => !activeSet.Contains(d)) ?? [])
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

        return validation
            .Required(prefix + "plannedEnd", request.PlannedEnd)
            .Required(prefix + "budget", request.Budget)
            .That(request.Budget is null or (>= 0 and <= 1_000_000_000_000m), prefix + "budget", "budget is 0 or more, in NOK.")
            .That(request.ProductsInScope is null or (>= 0 and <= 10_000), prefix + "productsInScope", "productsInScope is 0 or more.")
            .Text(prefix + "description", request.Description, Validation.LongText, required: false)
            .That(request.CarriedProductIds is null or { Count: <= 1000 }, prefix + "carriedProductIds", "carriedProductIds holds at most 1000 products.");
    }

    public static StagePlanView ToPlan(int stage, StagePlanRequest request, string setBy, NodaTime.Instant at) =>
        new(stage, request.PlannedEnd!.Value, request.Budget!.Value, request.ProductsInScope ?? 0, request.Description?.Trim() ?? "",
            (request.CarriedProductIds ?? []).Distinct().ToList(), setBy, at);

    private static IEnumerable<(Dimension, AmountBand?)> Amounts(ToleranceSetRequest request) =>
    [
        (Dimension.Cost, request.Cost), (Dimension.Quality, request.Quality), (Dimension.Scope, request.Scope),
        (Dimension.Risk, request.Risk), (Dimension.Benefit, request.Benefit), (Dimension.Sustainability, request.Sustainability),
    ];
}
