namespace ProjectMethod.Domain.Tolerances;

/// <summary>A forecast against its tolerance.</summary>
public enum ToleranceStatus
{
    WithinTolerance,

    /// <summary>Still inside the band, but 80 % (the handbook's threshold) or more of it is used.</summary>
    AtRisk,

    Exceeded,
}

/// <summary>Red, amber, green: how the status is shown.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>One dimension's forecast judged against its tolerance.</summary>
public sealed record DimensionEvaluation(Dimension Dimension, decimal Forecast, decimal Plan, decimal Deviation, decimal AllowedDeviation, ToleranceStatus Status)
{
    public Rag Rag => Status switch
    {
        ToleranceStatus.Exceeded => Rag.Red,
        ToleranceStatus.AtRisk => Rag.Amber,
        _ => Rag.Green,
    };
}
