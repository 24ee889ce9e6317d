using NodaTime;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Programmes;

/// <summary>The programme's tolerances: when its projects may end at the latest and what they may cost together.</summary>
public sealed record ProgrammeTolerances(DateBand? Time, AmountBand? Cost);

/// <summary>
/// A new programme: its name and purpose, its owner (the programme's Executive), the other members of its programme
/// board, the sectors it spans and its tolerances.
/// </summary>
public sealed record CreateProgramme(
    string? Name, string? Description, string? OwnerUserId, IReadOnlyList<string>? BoardUserIds, IReadOnlyList<string>? Sectors, ProgrammeTolerances? Tolerances);

/// <summary>A project joining the programme.</summary>
public sealed record AddProgrammeProject(Guid? ProjectId);

/// <summary>The portfolio board's decision on a breach of the programme's tolerances: why, and new programme tolerances if it sets them.</summary>
public sealed record ProgrammeBreachDecision(string? Rationale, ProgrammeTolerances? Tolerances = null);

/// <summary>A project's participating sectors, beside its lead sector; the portfolio counts the project under each.</summary>
public sealed record ParticipatingSectors(IReadOnlyList<string>? Sectors);

/// <summary>A programme in the list: its name, owner, sectors, how many projects and open exceptions it has.</summary>
public sealed record ProgrammeSummary(
    Guid Id, string Name, [property: Person("owner")] string OwnerUserId, IReadOnlyList<string> Sectors, int Projects, int OpenExceptions);

/// <summary>
/// A member project rolled up: where it stands, its project budget and planned end (its project tolerance's plan
/// values), its newest forecast of both, its open exceptions, its benefits planned and realised, and whether its highlight
/// report or a follow-up action is overdue.
/// </summary>
public sealed record ProgrammeProject(
    Guid Id, string Name, string Sector, IReadOnlyList<string> ParticipatingSectors, Phase Phase, int? Stage, ProjectCategory Category, Rag? Rag,
    decimal? Budget, LocalDate? PlannedEnd, decimal? ForecastCost, LocalDate? ForecastEnd, int OpenExceptions, int BenefitsPlanned, int BenefitsRealised,
    LocalDate? NextReportDue, bool ReportOverdue, int OverdueActions);

/// <summary>The programme's sums over its projects; open exceptions count its projects' at every level and the open breaches of its own tolerances.</summary>
public sealed record ProgrammeTotals(
    decimal Budget, decimal ForecastCost, LocalDate? ForecastEnd, int OpenExceptions, int BenefitsPlanned, int BenefitsRealised, int OverdueReports, int OverdueActions);

/// <summary>
/// An exception the programme sees: a member project's exception its programme board owns (<c>projectId</c> set), or a
/// breach of the programme's own tolerances, which the portfolio board decides (<c>level</c> programme).
/// </summary>
public sealed record ProgrammeExceptionView
{
    public required Guid Id { get; init; }

    public Guid? ProjectId { get; init; }

    public required ToleranceLevel Level { get; init; }

    public required Dimension Dimension { get; init; }

    public required bool Open { get; init; }

    /// <summary>Who decides it: the programme board (a project's exception) or the portfolio board (a breach of the programme's tolerances).</summary>
    public required Decider Decider { get; init; }

    public required decimal ForecastValue { get; init; }

    public required decimal Plan { get; init; }

    public required Instant RaisedAt { get; init; }

    public string? Rationale { get; init; }

    [Person]
    public string? DecidedBy { get; init; }

    public Instant? DecidedAt { get; init; }
}

/// <summary>What the programme's decision log says happened.</summary>
public enum ProgrammeEntryKind
{
    Created,
    TolerancesSet,
    ProjectAdded,
    ProjectTolerancesSet,
    ProjectExceptionDecided,
    ProgrammeExceptionRaised,
    ProgrammeExceptionDecided,
}

/// <summary>One entry of the programme's decision log.</summary>
public sealed record ProgrammeEntry(ProgrammeEntryKind Kind, Guid? ProjectId, string Summary, [property: Person("by")] string Actor, Instant At);

/// <summary>
/// A programme rolled up: its board, sectors and tolerances; each member project with phase, RAG, budget, forecast,
/// exceptions, benefits and what is overdue; the sums; benefits per beneficiary; the exceptions its board and the
/// portfolio board decide; and its own decision log, newest first.
/// </summary>
public sealed record ProgrammeView
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    [Person("owner")]
    public required string OwnerUserId { get; init; }

    [Person("board")]
    public required IReadOnlyList<string> BoardUserIds { get; init; }

    public required IReadOnlyList<string> Sectors { get; init; }

    public required IReadOnlyList<ToleranceView> Tolerances { get; init; }

    public required IReadOnlyList<ProgrammeProject> Projects { get; init; }

    public required ProgrammeTotals Totals { get; init; }

    public required IReadOnlyList<BeneficiaryFigures> Beneficiaries { get; init; }

    public required IReadOnlyList<ProgrammeExceptionView> Exceptions { get; init; }

    public required IReadOnlyList<ProgrammeEntry> Decisions { get; init; }
}
