using System.Text.RegularExpressions;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;
using Stateless;

namespace ProjectMethod.Domain.Handbooks;

/// <summary>How a decision point whose decider is the Executive is approved.</summary>
public enum ApprovalMode
{
    /// <summary>The decider of DESIGN §2 decides alone.</summary>
    SingleDecider,

    /// <summary>The Executive and every Senior User and Senior Supplier approve; one reject rejects.</summary>
    BoardConsensus,
}

/// <summary>A handbook version is edited as a draft and never changes once published.</summary>
public enum HandbookState
{
    Draft,
    Published,
}

/// <summary>Role rules a handbook may relax, each off by default and named in the rule it relaxes.</summary>
public sealed record RoleWaivers(bool ProjectManagerMayHoldBoardRole = false, bool SeniorUserMayBeSeniorSupplier = false)
{
    public static RoleWaivers None { get; } = new();
}

/// <summary>The deviations a handbook suggests for one dimension; used to pre-fill tolerances, never applied silently.</summary>
public sealed record ToleranceBand(decimal Lower, decimal Upper);

/// <summary>Criteria a sector switches on in addition to the method's.</summary>
public static class ExtraCriteria
{
    /// <summary>BP2 needs a co-creation plan (enforced with the co-creation register).</summary>
    public const string CoCreationPlan = "co-creation-plan";

    /// <summary>BP2 needs an uncertainty register with at least one assessed risk.</summary>
    public const string RiskAssessmentBeforeBp2 = "risk-assessment-before-bp2";

    /// <summary>BP3 needs a political body's decision adopting the project (kommunestyre, formannskap, hovedutvalg …).</summary>
    public const string PoliticalDecisionBeforeBp3 = "political-decision-before-bp3";

    /// <summary>BP3 and BP4 need independent quality assurance (a kvalitetssikrer outside the line) recorded with its conclusion.</summary>
    public const string IndependentAssurance = "independent-assurance-before-bp3-bp4";

    /// <summary>A stage boundary and BP4 need every follow-up action of earlier decisions done or not yet due.</summary>
    public const string NoOverdueActions = "no-overdue-actions";

    public static IReadOnlySet<string> Known { get; } =
        new HashSet<string>(StringComparer.Ordinal) { CoCreationPlan, RiskAssessmentBeforeBp2, PoliticalDecisionBeforeBp3, IndependentAssurance, NoOverdueActions };
}

/// <summary>One version of a sector's project handbook (prosjekthåndbok): how the sector tailors the method (P7).</summary>
public sealed record HandbookVersion
{
    public required string Sector { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public HandbookState State { get; init; } = HandbookState.Published;

    public IReadOnlyList<ChecklistItem> Checklist { get; init; } = [];

    /// <summary>The active tolerance dimensions: time and cost always.</summary>
    public IReadOnlyList<Dimension> Dimensions { get; init; } = Tolerances.Dimensions.Default;

    /// <summary>The share of a band from which a forecast is at risk.</summary>
    public decimal AtRiskThreshold { get; init; } = ToleranceRules.DefaultAtRiskThreshold;

    public IReadOnlyDictionary<ToleranceLevel, IReadOnlyDictionary<Dimension, ToleranceBand>> DefaultTolerances { get; init; } =
        new Dictionary<ToleranceLevel, IReadOnlyDictionary<Dimension, ToleranceBand>>();

    /// <summary>The approval mode per decision point; a point not named is decided by its single decider.</summary>
    public IReadOnlyDictionary<DecisionPoint, ApprovalMode> ApprovalModes { get; init; } = new Dictionary<DecisionPoint, ApprovalMode>();

    public RoleWaivers RoleWaivers { get; init; } = RoleWaivers.None;

    public IReadOnlySet<string> ExtraCriteria { get; init; } = new HashSet<string>();

    /// <summary>The archive's journal type (N or X) per kind of record, where the sector differs from the method's default.</summary>
    public IReadOnlyDictionary<string, char> JournalTypes { get; init; } = new Dictionary<string, char>();

    /// <summary>How many days before a highlight report or benefit measurement falls due its reminder goes: a week unless the sector says otherwise.</summary>
    public int ReminderDaysAhead { get; init; } = DefaultReminderDaysAhead;

    public const int DefaultReminderDaysAhead = 7;

    /// <summary>Where the facts of a mandate turn a project medium or large.</summary>
    public CategoryThresholds CategoryThresholds { get; init; } = CategoryThresholds.Standard;

    /// <summary>How the version tailors the method to each category.</summary>
    public CategoryProfiles Profiles { get; init; } = CategoryProfiles.Standard;

    /// <summary>The category the version is tailored for (<see cref="For"/>); null for the version as published.</summary>
    public ProjectCategory? TailoredFor { get; init; }

    /// <summary>The category whose profile applies: a version not tailored reads as medium, the method untailored.</summary>
    public ProjectCategory Category => TailoredFor ?? CategoryRules.Untailored;

    public CategoryProfile Profile => Profiles.Of(Category);

    /// <summary>The version as a project of the category sees it: the profile's dimensions and checklist applied.</summary>
    public HandbookVersion For(ProjectCategory category)
    {
        var profile = Profiles.Of(category);
        return this with
        {
            TailoredFor = category,
            Dimensions = profile.Dimensions ?? Dimensions,
            Checklist = Checklist.Where(i => !profile.OmittedChecklistItems.Contains(i.Id)).ToList(),
        };
    }

    /// <summary>Whether a criterion is switched on, by the handbook for every project or by the category's profile.</summary>
    public bool Requires(string criterion) => ExtraCriteria.Contains(criterion) || Profile.ExtraCriteria.Contains(criterion);

    public ApprovalMode ApprovalModeAt(DecisionPoint point) => ApprovalModes.GetValueOrDefault(point, ApprovalMode.SingleDecider);

    /// <summary>The method's rules untailored: what a project sees when no other version is given.</summary>
    public static HandbookVersion Standard { get; } = new() { Sector = "standard", Version = 1, Name = "Standard prosjekthåndbok" };
}

/// <summary>What a publishable handbook version looks like, and what moving a project to another version may not break.</summary>
public static partial class HandbookRules
{
    public const int MaxChecklistItems = 200;

    /// <summary>Every fault of the version, by the field it is in; empty when it may be published.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(HandbookVersion version)
    {
        var faults = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (faults.TryGetValue(field, out var list) ? list : faults[field] = []).Add(message);

        if (string.IsNullOrWhiteSpace(version.Name) || version.Name.Length > 200)
        {
            Add("name", "A handbook has a name of 1 to 200 characters.");
        }

        if (!version.Dimensions.Contains(Dimension.Time) || !version.Dimensions.Contains(Dimension.Cost))
        {
            Add("dimensions", "Time and cost are always active.");
        }

        if (version.Dimensions.Count != version.Dimensions.Distinct().Count())
        {
            Add("dimensions", "A dimension is named twice.");
        }

        if (version.AtRiskThreshold is <= 0 or >= 1)
        {
            Add("atRiskThreshold", "The at-risk threshold lies strictly between 0 and 1.");
        }

        if (version.Checklist.Count > MaxChecklistItems)
        {
            Add("checklists", $"At most {MaxChecklistItems} checklist items.");
        }

        foreach (var duplicate in version.Checklist.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            Add("checklists", $"The item id {duplicate.Key} is used twice.");
        }

        foreach (var item in version.Checklist)
        {
            if (!ItemId().IsMatch(item.Id))
            {
                Add("checklists", $"The item id '{item.Id}' is not 1 to 64 lower-case letters, digits and hyphens.");
            }

            if (string.IsNullOrWhiteSpace(item.TextNb) || string.IsNullOrWhiteSpace(item.TextEn) || item.TextNb.Length > 1000 || item.TextEn.Length > 1000)
            {
                Add("checklists", $"The item {item.Id} needs a text in Norwegian and in English, each at most 1000 characters.");
            }
        }

        foreach (var (point, mode) in version.ApprovalModes)
        {
            if (mode == ApprovalMode.BoardConsensus && DecisionPoints.DeciderOf(point) != Decider.Executive)
            {
                Add("approvalMode", $"Board consensus replaces the Executive's decision; the portfolio board decides at {point.ToString().ToLowerInvariant()}.");
            }
        }

        foreach (var (level, bands) in version.DefaultTolerances)
        {
            foreach (var (dimension, band) in bands)
            {
                if (!version.Dimensions.Contains(dimension))
                {
                    Add("defaultTolerances", $"{dimension} is not an active dimension of the handbook ({level}).");
                }

                if (band.Lower < 0 || band.Upper < 0)
                {
                    Add("defaultTolerances", $"The {dimension} deviations of {level} are 0 or more.");
                }
            }
        }

        if (version.ReminderDaysAhead is < 1 or > 60)
        {
            Add("reminderDaysAhead", "A reminder goes 1 to 60 days before what falls due.");
        }

        foreach (var fault in Archive.JournalTypes.Faults(version.JournalTypes))
        {
            Add("journalTypes", fault);
        }

        foreach (var unknown in version.ExtraCriteria.Where(c => !ExtraCriteria.Known.Contains(c)))
        {
            Add("extraCriteria", $"'{unknown}' is not a known criterion: {string.Join(", ", ExtraCriteria.Known.Order())}.");
        }

        foreach (var fault in version.CategoryThresholds.Faults())
        {
            Add("categories.thresholds", fault);
        }

        foreach (var category in Enum.GetValues<ProjectCategory>())
        {
            var field = $"categories.{WireNames.Of(category)}";
            var profile = version.Profiles.Of(category);
            if (profile.Dimensions is { } dimensions
                && (!dimensions.Contains(Dimension.Time) || !dimensions.Contains(Dimension.Cost) || dimensions.Count != dimensions.Distinct().Count()))
            {
                Add(field, "The profile's dimensions hold time and cost, each dimension once.");
            }

            if (profile.HighlightReportDays is < CategoryProfile.MinHighlightReportDays or > CategoryProfile.MaxHighlightReportDays)
            {
                Add(field, $"Highlight reports fall due every {CategoryProfile.MinHighlightReportDays} to {CategoryProfile.MaxHighlightReportDays} days.");
            }

            foreach (var unknown in profile.ExtraCriteria.Where(c => !ExtraCriteria.Known.Contains(c)))
            {
                Add(field, $"'{unknown}' is not a known criterion: {string.Join(", ", ExtraCriteria.Known.Order())}.");
            }

            foreach (var missing in profile.OmittedChecklistItems.Where(id => version.Checklist.All(i => i.Id != id)))
            {
                Add(field, $"The omitted checklist item {missing} is not in the handbook.");
            }
        }

        return faults.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    /// <summary>
    /// What a draft must be to be kept at all: checklist item ids present, at most 64 characters and unique, texts at
    /// most 1000 characters, and not too many items. Everything else is judged when the draft is published.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> CheckStorable(HandbookVersion version)
    {
        var faults = new List<string>();
        if (version.Checklist.Count > MaxChecklistItems)
        {
            faults.Add($"At most {MaxChecklistItems} checklist items.");
        }

        faults.AddRange(version.Checklist.Where(i => i.Id.Length is 0 or > 64).Select(i => $"The item id '{i.Id}' is not 1 to 64 characters."));
        faults.AddRange(version.Checklist.Where(i => i.TextNb.Length > 1000 || i.TextEn.Length > 1000).Select(i => $"The texts of {i.Id} are at most 1000 characters."));
        faults.AddRange(version.Checklist.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => $"The item id {g.Key} is used twice."));
        return faults.Count == 0 ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { ["checklists"] = [.. faults] };
    }

    /// <summary>
    /// The Executive may move a project to a newer published version of its handbook, unless the move would break
    /// something in force: a dimension that has an undecided exception disappears, or the roles held break a rule the
    /// new version no longer waives. A newly mandatory item of a decision point already passed is fine.
    /// </summary>
    public static DomainError? CheckMove(
        HandbookVersion current, HandbookVersion target, IEnumerable<Dimension> openExceptionDimensions, IReadOnlyCollection<RoleAssignment> roles)
    {
        if (target.Sector != current.Sector || target.State != HandbookState.Published || target.Version <= current.Version)
        {
            return DomainError.Conflict("handbook-not-newer", "Not a newer version",
                $"A project bound to {current.Sector} version {current.Version} moves only to a newer published version of that handbook.");
        }

        var lost = openExceptionDimensions.Distinct().Where(d => !target.Dimensions.Contains(d)).ToList();
        if (lost.Count > 0)
        {
            return DomainError.Conflict("handbook-move-breaks", "The move would break the project",
                $"Version {target.Version} drops {string.Join(", ", lost.Select(ToleranceRules.Name))}, which has an exception not yet decided.");
        }

        var broken = RoleRules.Violations(roles, target.RoleWaivers).Except(RoleRules.Violations(roles, current.RoleWaivers)).ToList();
        return broken.Count > 0
            ? DomainError.Conflict("handbook-move-breaks", "The move would break the project",
                $"Version {target.Version} no longer waives a rule the roles rely on: {string.Join(" ", broken.Select(b => b.Description).Distinct())}")
            : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ItemId();

    /// <summary>A sector's handbook has one draft at a time.</summary>
    public static DomainError? CheckNewDraft(string sector, bool draftExists) =>
        draftExists ? DomainError.Conflict("draft-exists", "A draft exists", $"The {sector} handbook already has a draft; edit or publish it.") : null;
}

/// <summary>The facts a draft's lifecycle looks at.</summary>
public sealed record DraftConditions(HandbookState State, IReadOnlyDictionary<string, string[]> Faults);

/// <summary>A handbook draft's lifecycle, a Stateless machine like the phases: edited while a draft, published once valid, then final.</summary>
public static class HandbookDraftMachine
{
    public enum Trigger
    {
        Edit,
        Publish,
    }

    public const string Invalid = "The draft does not validate.";

    public static StateMachine<HandbookState, Trigger> Create(DraftConditions conditions)
    {
        var state = conditions.State;
        var machine = new StateMachine<HandbookState, Trigger>(() => state, next => state = next);
        machine.Configure(HandbookState.Draft)
            .PermitReentry(Trigger.Edit)
            .PermitIf(Trigger.Publish, HandbookState.Published, () => conditions.Faults.Count == 0, Invalid);
        return machine;
    }

    /// <summary>Whether the draft may take the step; the refusal names what is wrong.</summary>
    public static DomainError? Check(DraftConditions conditions, Trigger trigger)
    {
        var machine = Create(conditions);
        if (machine.CanFire(trigger))
        {
            return null;
        }

        return conditions.State == HandbookState.Published
            ? DomainError.Conflict("handbook-published", "Published", "A published handbook version never changes; make a new draft.")
            : DomainError.Conflict("handbook-invalid", "The draft does not validate", $"{Invalid} {string.Join(" ", conditions.Faults.SelectMany(f => f.Value))}")
                with { Extensions = new Dictionary<string, object?> { ["errors"] = conditions.Faults } };
    }
}
