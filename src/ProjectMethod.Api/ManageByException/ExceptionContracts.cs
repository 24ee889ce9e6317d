using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>An option of the exception report with its effect on business case, risks and tolerances.</summary>
public sealed record ExceptionOption(string? Title, string? Effect);

/// <summary>The Project Manager's exception report (avviksrapport).</summary>
public sealed record ExceptionReport(string? Cause, string? Consequences, IReadOnlyList<ExceptionOption>? Options, string? Recommendation);

/// <summary>An exception as the API shows it; owner is who decides it.</summary>
public sealed record ExceptionView
{
    public required Guid Id { get; init; }

    public required Guid ProjectId { get; init; }

    public required ToleranceLevel Level { get; init; }

    public int? Stage { get; init; }

    /// <summary>For a benefit falling short in realisation, the benefit.</summary>
    public Guid? BenefitId { get; init; }

    public required Dimension Dimension { get; init; }

    public required ExceptionState State { get; init; }

    public bool Escalated { get; init; }

    public required Guid ForecastId { get; init; }

    public required decimal ForecastValue { get; init; }

    public required decimal Plan { get; init; }

    public required decimal Deviation { get; init; }

    public required decimal Allowed { get; init; }

    public required Instant RaisedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string? Report { get; init; }

    [Person]
    public string? ReportedBy { get; init; }

    public Instant? ReportedAt { get; init; }

    public ExceptionDecision? Decision { get; init; }

    public string? Rationale { get; init; }

    [Person]
    public string? DecidedBy { get; init; }

    public Instant? DecidedAt { get; init; }

    public Decider Owner => ExceptionRules.OwnerOf(ToCase());

    public ExceptionReport? ExceptionReport => Report is null ? null : JsonSerializer.Deserialize<ExceptionReport>(Report, Json.Options);

    public ExceptionCase ToCase() => new(Id, Level, State, Escalated, ReportedBy, BenefitId);
}
