using NodaTime;

namespace ProjectMethod.Domain.Benefits;

/// <summary>The kind of benefit (gevinst).</summary>
public enum BenefitType
{
    /// <summary>Direct economic: money saved or earned.</summary>
    Direct,

    Indirect,

    Qualitative,
}


/// <summary>Who a benefit is for: the municipality's own figures, or the people and businesses it serves.</summary>
public enum Beneficiary
{
    Citizens,
    Businesses,
    ServiceUsers,
    Employees,
    Municipality,
}

/// <summary>The final evaluation of a benefit at the end of realisation.</summary>
public enum BenefitOutcome
{
    Realised,
    PartlyRealised,
    NotRealised,
}

/// <summary>Derived status of a benefit, never stored.</summary>
public enum BenefitStatus
{
    OnTrack,

    /// <summary>The forecast at the target date falls short of the target by more than the allowed shortfall.</summary>
    AtRisk,

    /// <summary>The latest measurement has reached the target.</summary>
    Realised,

    /// <summary>A measurement was due by the interval and is missing.</summary>
    Overdue,
}

/// <summary>Whether the last two measurements moved the way the benefit should.</summary>
public enum Trend
{
    Unknown,
    Improving,
    Flat,
    Worsening,
}

/// <summary>A dated value of an indicator.</summary>
public readonly record struct Point(LocalDate Date, decimal Value);

/// <summary>The plan of a benefit: where the indicator starts, where it should be and by when, and how often it is measured.</summary>
public sealed record BenefitPlan(Point Baseline, Point Target, decimal AllowedShortfall, Period MeasurementInterval)
{
    /// <summary>+1 when the indicator should rise, −1 when it should fall (fewer hours, lower cost).</summary>
    public int Direction => Target.Value > Baseline.Value ? 1 : -1;
}

/// <summary>A benefit's derived figures as of a day.</summary>
public sealed record BenefitFigures(
    decimal? Achievement, Trend Trend, decimal? ForecastAtTarget, BenefitStatus Status, LocalDate NextMeasurementDue, Point? Latest);

/// <summary>Where a proposed change of a baselined benefit stands.</summary>
public enum BenefitChangeState
{
    Proposed,
    Approved,
    Rejected,
}

/// <summary>The answer to a proposed change of a baselined benefit.</summary>
public enum ChangeDecision
{
    Approve,
    Reject,
}
