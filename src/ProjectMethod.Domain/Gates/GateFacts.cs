using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Gates;

/// <summary>
/// Everything the criteria of a decision point look at, read from the store before a decision.
/// A feature that adds criteria adds the facts they need here.
/// </summary>
public sealed record GateFacts
{
    public required Phase Phase { get; init; }

    public int? Stage { get; init; }

    public bool ClosedEarly { get; init; }

    public Mandate? Mandate { get; init; }

    public string Sector { get; init; } = "";

    public IReadOnlyList<RoleAssignment> Roles { get; init; } = [];

    /// <summary>The handbook's permission for the Project Manager to hold a board role.</summary>
    public bool PmMayHoldBoardRole { get; init; }

    /// <summary>The newest business case version, or null when none is written.</summary>
    public int? BusinessCaseVersion { get; init; }

    /// <summary>The newest review of the business case, in any phase.</summary>
    public BusinessCaseReview? LatestBusinessCaseReview { get; init; }

    public bool LessonsReviewed { get; init; }

    public bool LessonsReportWritten { get; init; }

    public bool EndReportWritten { get; init; }

    public IReadOnlyList<ChecklistEntry> Checklist { get; init; } = [];

    /// <summary>
    /// Whether any benefit is still expected; decides where BP5 leads after an early close. Nothing sets it
    /// before benefits are registered, so until then an early-closed project ends at BP5.
    /// </summary>
    public bool AnyBenefitExpected { get; init; }

    /// <summary>The tolerance dimensions in force for the project (the handbook or the configuration may change them).</summary>
    public IReadOnlyList<Dimension> ActiveDimensions { get; init; } = Dimensions.Default;

    public ToleranceSet? ProjectTolerance { get; init; }

    /// <summary>The execution stages that have a stage plan (faseplan).</summary>
    public IReadOnlySet<int> PlannedStages { get; init; } = new HashSet<int>();

    public IReadOnlyDictionary<int, ToleranceSet> StageTolerances { get; init; } = new Dictionary<int, ToleranceSet>();

    /// <summary>Exceptions raised and not yet decided: while any is open, the project is in exception.</summary>
    public int OpenExceptions { get; init; }

    /// <summary>The stage the next decision point authorises: stage 1 at BP3, n + 1 at a stage boundary.</summary>
    public int NextStage => (Stage ?? 0) + 1;

    public BusinessCaseStanding BusinessCase => BusinessCaseStandings.Of(this);
}

/// <summary>The mandate (mandat): why the project is proposed.</summary>
public sealed record Mandate(string Purpose, string Background);

/// <summary>The Executive's confirmation, in one phase or stage, that a business case version is still justified.</summary>
public sealed record BusinessCaseReview(int CaseVersion, Phase Phase, int? Stage, bool Justified);
