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

    /// <summary>The section of offentleglova a decider named to exempt the exception's report and decisions from public access.</summary>
    public Archive.ExemptionBasis? Exemption { get; init; }

    /// <summary>The title the public may read; null for a public exception.</summary>
    public string? PublicTitle { get; init; }

    /// <summary>
    /// True when the exception is exempt and the reader may not see its content (only those with a role on the project, its
    /// proposer, the portfolio board, admins and integrators may): the report and the rationale are then left out.
    /// </summary>
    public bool ContentWithheld { get; init; }

    /// <summary>The exception as a reader sees it: whole, or, when exempt and the reader may not see its content, without it.</summary>
    public ExceptionView SeenBy(bool mayReadExempt) =>
        Exemption is null || mayReadExempt ? this : this with { Report = null, Rationale = null, ContentWithheld = true };

    /// <summary>The programme of the exception's project, whose programme board then owns it where the portfolio board would.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ProgrammeId { get; init; }

    public Decider Owner => ExceptionRules.OwnerOf(ToCase());

    public ExceptionReport? ExceptionReport => Report is null ? null : JsonSerializer.Deserialize<ExceptionReport>(Report, Json.Options);

    public ExceptionCase ToCase() => new(Id, Level, State, Escalated, ReportedBy, BenefitId, ProgrammeId is not null);
}
