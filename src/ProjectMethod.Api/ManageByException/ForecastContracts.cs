using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>Where a measured dimension's value comes from.</summary>
public enum MeasuredFrom
{
    /// <summary>Risk: the exposure of the uncertainty register.</summary>
    UncertaintyRegister,

    /// <summary>Quality: the open defects of failed reviews in the quality register.</summary>
    QualityRegister,

    /// <summary>Scope: the products removed from scope.</summary>
    ProductScope,
}

/// <summary>A dimension measured rather than forecast by hand, on each level, and what the forecast gave for it, if anything.</summary>
public sealed record MeasuredValue(Dimension Dimension, decimal Stage, decimal? Project, decimal? Given, MeasuredFrom Source);

/// <summary>A highlight report's forecast, judged, and the exceptions (or, for a work package, the issues) it raised.</summary>
public sealed record ForecastView(
    Guid Id, int Stage, Guid? WorkPackageId, string Comment, EvaluationView Evaluation, IReadOnlyList<ExceptionView> RaisedExceptions,
    IReadOnlyList<IssueView> RaisedIssues, IReadOnlyList<MeasuredValue> Measured, [property: Person] string SubmittedBy, Instant SubmittedAt,
    HighlightNarrative? Narrative = null);
