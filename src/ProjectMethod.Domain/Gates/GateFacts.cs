using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Handbooks;
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

    /// <summary>The handbook version the project is bound to: its waivers, approval modes and extra criteria.</summary>
    public HandbookVersion Handbook { get; init; } = HandbookVersion.Standard;

    /// <summary>The votes cast so far on the open request, where the handbook asks for board consensus.</summary>
    public IReadOnlyList<GateVote> Votes { get; init; } = [];

    /// <summary>Risks (not opportunities) in the uncertainty register, each assessed with probability and consequence.</summary>
    public int AssessedRisks { get; init; }

    /// <summary>The co-creation register, read when the handbook switches the co-creation criteria on.</summary>
    public CoCreation.CoCreationFacts CoCreation { get; init; } = Domain.CoCreation.CoCreationFacts.Empty;

    /// <summary>The newest business case version, or null when none is written.</summary>
    public int? BusinessCaseVersion { get; init; }

    /// <summary>The newest review of the business case, in any phase.</summary>
    public BusinessCaseReview? LatestBusinessCaseReview { get; init; }

    public bool LessonsReviewed { get; init; }

    public bool LessonsReportWritten { get; init; }

    /// <summary>How many decisions of the municipality's political bodies adopted the project (with or without changes).</summary>
    public int AdoptedPoliticalDecisions { get; init; }

    /// <summary>Follow-up actions of earlier decisions still open past their day.</summary>
    public int OverdueActions { get; init; }

    /// <summary>The decision points (BP3, BP4) for which independent quality assurance is recorded.</summary>
    public IReadOnlySet<DecisionPoint> IndependentAssurances { get; init; } = new HashSet<DecisionPoint>();

    public bool EndReportWritten { get; init; }

    public IReadOnlyList<ChecklistEntry> Checklist { get; init; } = [];

    /// <summary>The benefits register as the gates see it.</summary>
    public IReadOnlyList<BenefitFact> Benefits { get; init; } = [];

    /// <summary>The Benefit Owner's newest confirmation (or not) that the benefits are still realistic.</summary>
    public BenefitsReview? LatestBenefitsReview { get; init; }

    /// <summary>A benefit without its final evaluation is still expected; after an early close, BP5 leads to realisation only then.</summary>
    public bool AnyBenefitExpected => Benefits.Any(b => b.Outcome is null);

    /// <summary>The tolerance dimensions in force for the project (the handbook or the configuration may change them).</summary>
    public IReadOnlyList<Dimension> ActiveDimensions { get; init; } = Dimensions.Default;

    public ToleranceSet? ProjectTolerance { get; init; }

    /// <summary>The execution stages that have a stage plan (faseplan).</summary>
    public IReadOnlySet<int> PlannedStages { get; init; } = new HashSet<int>();

    public IReadOnlyDictionary<int, ToleranceSet> StageTolerances { get; init; } = new Dictionary<int, ToleranceSet>();

    /// <summary>The products (P6) and the stage that delivers each.</summary>
    public IReadOnlyList<Products.ProductFact> Products { get; init; } = [];

    /// <summary>Exceptions raised and not yet decided: while any is open, the project is in exception.</summary>
    public int OpenExceptions { get; init; }

    /// <summary>The stage the next decision point authorises: stage 1 at BP3, n + 1 at a stage boundary.</summary>
    public int NextStage => (Stage ?? 0) + 1;

    public BusinessCaseStanding BusinessCase => BusinessCaseStandings.Of(this);
}

/// <summary>A board member's vote on an open request under board consensus.</summary>
public sealed record GateVote(string UserId, Decision Decision);

/// <summary>One benefit (gevinst) as the gates see it.</summary>
public sealed record BenefitFact(Guid Id, string Title, bool HasLineOwner, bool HasBaselineAndTarget, Benefits.BenefitOutcome? Outcome);

/// <summary>The Benefit Owner's review, in one phase or stage, of whether the benefits are still realistic.</summary>
public sealed record BenefitsReview(Phase Phase, int? Stage, bool Realistic);

/// <summary>The mandate (mandat): why the project is proposed.</summary>
public sealed record Mandate(string Purpose, string Background);

/// <summary>The Executive's confirmation, in one phase or stage, that a business case version is still justified.</summary>
public sealed record BusinessCaseReview(int CaseVersion, Phase Phase, int? Stage, bool Justified);
