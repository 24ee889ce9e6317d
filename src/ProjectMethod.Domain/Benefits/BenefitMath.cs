using NodaTime;

namespace ProjectMethod.Domain.Benefits;

/// <summary>The benefits realisation arithmetic of DESIGN §5: achievement, trend, forecast and status, derived on read.</summary>
public static class BenefitMath
{
    /// <summary>The municipality's time zone: "today" is the date in Oslo.</summary>
    public static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InZone(Oslo).Date;

    /// <summary>
    /// The figures as of today. A measurement is overdue only while measurements are due at all: from the start of
    /// execution on, and never for a completed or rejected project (<see cref="BenefitRules.MeasuredIn"/>).
    /// </summary>
    public static BenefitFigures Figures(BenefitPlan plan, IReadOnlyList<Point> measurements, LocalDate today, bool measurementsDue = true)
    {
        var ordered = measurements.OrderBy(m => m.Date).ToList();
        Point? latest = ordered.Count > 0 ? ordered[^1] : null;
        var achievement = latest is { } last ? Achievement(plan, last.Value) : (decimal?)null;
        var forecast = ForecastAtTarget(plan, ordered);
        var nextDue = (latest?.Date ?? plan.Baseline.Date).Plus(plan.MeasurementInterval);
        var status = latest is { } reached && Reached(plan, reached.Value) ? BenefitStatus.Realised
            : measurementsDue && today > nextDue ? BenefitStatus.Overdue
            : forecast is { } f && FallsShort(plan, f) ? BenefitStatus.AtRisk
            : BenefitStatus.OnTrack;
        return new BenefitFigures(achievement, TrendOf(plan, ordered), forecast, status, nextDue, latest);
    }

    /// <summary>(latest − baseline) / (target − baseline) × 100, which holds for falling indicators too.</summary>
    public static decimal Achievement(BenefitPlan plan, decimal latest) =>
        Math.Round((latest - plan.Baseline.Value) / (plan.Target.Value - plan.Baseline.Value) * 100, 1);

    public static Trend TrendOf(BenefitPlan plan, IReadOnlyList<Point> ordered)
    {
        if (ordered.Count < 2)
        {
            return Trend.Unknown;
        }

        var change = (ordered[^1].Value - ordered[^2].Value) * plan.Direction;
        return change > 0 ? Trend.Improving : change < 0 ? Trend.Worsening : Trend.Flat;
    }

    /// <summary>
    /// The least-squares line through the baseline and the measurements, read at the target date. Null without a
    /// measurement: the baseline alone says nothing of where the indicator is heading.
    /// </summary>
    public static decimal? ForecastAtTarget(BenefitPlan plan, IReadOnlyList<Point> measurements)
    {
        if (measurements.Count == 0)
        {
            return null;
        }

        var points = measurements.Prepend(plan.Baseline).Select(p => (X: (double)Day(plan, p.Date), Y: (double)p.Value)).ToList();
        var (meanX, meanY) = (points.Average(p => p.X), points.Average(p => p.Y));
        var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        if (spread == 0)
        {
            return (decimal)meanY;
        }

        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
        var atTarget = meanY + slope * (Day(plan, plan.Target.Date) - meanX);
        return Math.Round((decimal)atTarget, 2);
    }

    /// <summary>Short of target − shortfall for a rising indicator; above target + shortfall for a falling one.</summary>
    public static bool FallsShort(BenefitPlan plan, decimal value) =>
        (plan.Target.Value - value) * plan.Direction > plan.AllowedShortfall;

    /// <summary>A forecast judged against the target and the allowed shortfall, as the benefit dimension of the tolerances.</summary>
    public static Tolerances.DimensionEvaluation AgainstTarget(BenefitPlan plan, decimal forecast) => new(
        Tolerances.Dimension.Benefit, forecast, plan.Target.Value, forecast - plan.Target.Value, plan.AllowedShortfall,
        FallsShort(plan, forecast) ? Tolerances.ToleranceStatus.Exceeded
        : Reached(plan, forecast) || (plan.Target.Value - forecast) * plan.Direction < plan.AllowedShortfall * Tolerances.ToleranceRules.DefaultAtRiskThreshold
            ? Tolerances.ToleranceStatus.WithinTolerance
            : Tolerances.ToleranceStatus.AtRisk);

    public static bool Reached(BenefitPlan plan, decimal value) => (value - plan.Target.Value) * plan.Direction >= 0;

    private static int Day(BenefitPlan plan, LocalDate date) => Period.Between(plan.Baseline.Date, date, PeriodUnits.Days).Days;
}
