using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>
/// Section <c>Tolerances</c>: the active dimensions (default time, cost, quality, scope, risk, benefit; add
/// sustainability, or leave one out) and the share of a band from which a forecast is at risk.
/// </summary>
public sealed class ToleranceSettings
{
    public const string Section = "Tolerances";

    public IList<Dimension> Dimensions { get; init; } = [.. Domain.Tolerances.Dimensions.Default];

    public decimal AtRiskThreshold { get; init; } = ToleranceRules.DefaultAtRiskThreshold;
}
