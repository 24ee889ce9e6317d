using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

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
