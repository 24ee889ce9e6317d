using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

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

    public BusinessCaseStanding BusinessCase => BusinessCaseStandings.Of(this);
}

/// <summary>The mandate (mandat): why the project is proposed.</summary>
public sealed record Mandate(string Purpose, string Background);

/// <summary>The Executive's confirmation, in one phase or stage, that a business case version is still justified.</summary>
public sealed record BusinessCaseReview(int CaseVersion, Phase Phase, int? Stage, bool Justified);
