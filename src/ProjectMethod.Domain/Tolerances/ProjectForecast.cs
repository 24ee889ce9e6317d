using NodaTime;

namespace ProjectMethod.Domain.Tolerances;

/// <summary>A stage's baseline as the project forecast reads it: its planned end and its budget.</summary>
public sealed record StageBaseline(int Stage, LocalDate PlannedEnd, decimal Budget);

/// <summary>
/// The project level is judged on every highlight report: when the Project Manager gives no project values, the
/// project's forecast is derived from the stage's (DESIGN §4, P5).
/// </summary>
public static class ProjectForecast
{
    /// <summary>
    /// Cost: the budgets of the finished stages, this stage's forecast, and the planned budgets of the later stages, with
    /// whatever of the project's budget no stage plan holds yet counted as still to be spent. Time: the later of the
    /// project's planned end and that end moved by this stage's slip. Every other dimension: the stage's own forecast.
    /// Only the dimensions the project has tolerances on are derived.
    /// </summary>
    public static Dictionary<Dimension, decimal> Derive(
        int stage, IReadOnlyDictionary<Dimension, decimal> stageForecast, IReadOnlyList<StageBaseline> plans, ToleranceSet project)
    {
        var derived = new Dictionary<Dimension, decimal>();
        var current = plans.FirstOrDefault(p => p.Stage == stage);
        foreach (var (dimension, tolerance) in project.ByDimension)
        {
            if (!stageForecast.TryGetValue(dimension, out var value))
            {
                continue;
            }

            derived[dimension] = (dimension, current) switch
            {
                (Dimension.Cost, not null) =>
                    plans.Where(p => p.Stage != stage).Sum(p => p.Budget) + value + Math.Max(0, tolerance.Plan - plans.Sum(p => p.Budget)),
                (Dimension.Time, not null) =>
                    tolerance.Plan + Math.Max(0, value - Dimensions.DayNumber(current.PlannedEnd)),
                _ => value,
            };
        }

        return derived;
    }
}
