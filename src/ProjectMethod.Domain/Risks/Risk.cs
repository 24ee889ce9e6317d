namespace ProjectMethod.Domain.Risks;

/// <summary>A risk or an opportunity (usikkerhet) in the uncertainty register.</summary>
public enum UncertaintyKind
{
    Risk,
    Opportunity,
}

/// <summary>Where an entry of the uncertainty register stands.</summary>
public enum RiskStatus
{
    Identified,
    Actioned,
    Closed,
}

/// <summary>An entry of the uncertainty register as the rules see it; probability and consequence are 1–5.</summary>
public sealed record Uncertainty(UncertaintyKind Kind, RiskStatus Status, int Probability, int Consequence);

/// <summary>The risk dimension's measure (DESIGN §4).</summary>
public static class RiskRules
{
    /// <summary>Probability × consequence of one entry.</summary>
    public static int ExposureOf(int probability, int consequence) => probability * consequence;

    /// <summary>The register's exposure: the sum over open risks; opportunities and closed risks do not count.</summary>
    public static int Exposure(IEnumerable<Uncertainty> register) =>
        register.Where(u => u.Kind == UncertaintyKind.Risk && u.Status != RiskStatus.Closed).Sum(u => ExposureOf(u.Probability, u.Consequence));
}
