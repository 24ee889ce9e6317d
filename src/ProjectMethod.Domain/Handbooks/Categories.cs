using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Handbooks;

/// <summary>A project's size and complexity (prosjektkategori): how much control the method asks of it (P7).</summary>
public enum ProjectCategory
{
    Small,
    Medium,
    Large,
}

/// <summary>A three-step scale for what is judged rather than counted: uncertainty and importance.</summary>
public enum Scale
{
    Low,
    Medium,
    High,
}

/// <summary>What decides a project's category, as the mandate states it.</summary>
/// <param name="EstimatedCost">The whole project's estimated cost in NOK.</param>
/// <param name="DurationMonths">From BP1 to BP5, in months.</param>
/// <param name="SectorsInvolved">How many sectors take part, the lead sector included.</param>
/// <param name="Uncertainty">How uncertain the outcome, the solution and the estimates are.</param>
/// <param name="Importance">How much the project matters to the municipality's services and goals.</param>
public sealed record CategoryFacts(decimal EstimatedCost, int DurationMonths, int SectorsInvolved, Scale Uncertainty, Scale Importance);

/// <summary>
/// Where each counted fact turns a project medium or large. Uncertainty and importance point at their own step (low →
/// small, medium → medium, high → large). The suggestion is the middle of the five facts' categories: what most of them
/// point at, so neither one large number nor one high judgement alone makes a pilot large.
/// </summary>
public sealed record CategoryThresholds(
    decimal MediumFromCost, decimal LargeFromCost, int MediumFromMonths, int LargeFromMonths, int MediumFromSectors, int LargeFromSectors)
{
    public static CategoryThresholds Standard { get; } = new(1_000_000m, 20_000_000m, 6, 24, 2, 3);

    /// <summary>The category each fact points at, by the fact's wire name.</summary>
    public IReadOnlyDictionary<string, ProjectCategory> PerFact(CategoryFacts facts) => new Dictionary<string, ProjectCategory>
    {
        ["estimatedCost"] = Step(facts.EstimatedCost, MediumFromCost, LargeFromCost),
        ["durationMonths"] = Step(facts.DurationMonths, MediumFromMonths, LargeFromMonths),
        ["sectorsInvolved"] = Step(facts.SectorsInvolved, MediumFromSectors, LargeFromSectors),
        ["uncertainty"] = (ProjectCategory)(int)facts.Uncertainty,
        ["importance"] = (ProjectCategory)(int)facts.Importance,
    };

    public ProjectCategory Suggest(CategoryFacts facts) => PerFact(facts).Values.Order().ElementAt(2);

    /// <summary>Each threshold is positive and the large one lies above the medium one.</summary>
    public IEnumerable<string> Faults()
    {
        if (MediumFromCost <= 0 || LargeFromCost <= MediumFromCost)
        {
            yield return "The cost thresholds are positive, the large one above the medium one.";
        }

        if (MediumFromMonths <= 0 || LargeFromMonths <= MediumFromMonths)
        {
            yield return "The duration thresholds are positive, the large one above the medium one.";
        }

        if (MediumFromSectors <= 1 || LargeFromSectors <= MediumFromSectors)
        {
            yield return "The sector thresholds are 2 or more, the large one above the medium one.";
        }
    }

    private static ProjectCategory Step(decimal value, decimal medium, decimal large) =>
        value >= large ? ProjectCategory.Large : value >= medium ? ProjectCategory.Medium : ProjectCategory.Small;
}

/// <summary>
/// How a handbook version tailors the method to one category. The method's core — a justified business case, the right
/// decider, four eyes, tolerances on every active dimension, an Executive, a Project Manager and a Senior User — never
/// falls away; a profile chooses only what lies around it.
/// </summary>
public sealed record CategoryProfile
{
    /// <summary>The active tolerance dimensions for the category; null keeps the handbook's. Time and cost always.</summary>
    public IReadOnlyList<Dimension>? Dimensions { get; init; }

    /// <summary>Whether BP3 needs a Senior Supplier on the board; a small project may run with its supplier in the line.</summary>
    public bool SeniorSupplierRequired { get; init; } = true;

    /// <summary>Days between highlight reports: a report not submitted within them is overdue.</summary>
    public int HighlightReportDays { get; init; } = 30;

    /// <summary>Criteria the category adds to the handbook's (political decision, independent assurance …).</summary>
    public IReadOnlySet<string> ExtraCriteria { get; init; } = new HashSet<string>();

    /// <summary>The handbook's checklist items that do not apply to the category.</summary>
    public IReadOnlySet<string> OmittedChecklistItems { get; init; } = new HashSet<string>();

    /// <summary>Lighter than the method untailored: time and cost only, the supplier optional, a report every two months.</summary>
    public static CategoryProfile Small { get; } = new()
    {
        Dimensions = [Dimension.Time, Dimension.Cost], SeniorSupplierRequired = false, HighlightReportDays = 60,
    };

    /// <summary>The method as it is untailored.</summary>
    public static CategoryProfile Medium { get; } = new();

    /// <summary>
    /// A political decision and independent quality assurance before BP3 (and assurance again before BP4), no overdue
    /// follow-up action at a stage boundary or BP4, monthly reports.
    /// </summary>
    public static CategoryProfile Large { get; } = new()
    {
        HighlightReportDays = 30,
        ExtraCriteria = new HashSet<string>(StringComparer.Ordinal)
        {
            Handbooks.ExtraCriteria.PoliticalDecisionBeforeBp3, Handbooks.ExtraCriteria.IndependentAssurance, Handbooks.ExtraCriteria.NoOverdueActions,
        },
    };

    public const int MinHighlightReportDays = 7;

    public const int MaxHighlightReportDays = 180;
}

/// <summary>A handbook version's three profiles.</summary>
public sealed record CategoryProfiles(CategoryProfile Small, CategoryProfile Medium, CategoryProfile Large)
{
    public static CategoryProfiles Standard { get; } = new(CategoryProfile.Small, CategoryProfile.Medium, CategoryProfile.Large);

    public CategoryProfile Of(ProjectCategory category) => category switch
    {
        ProjectCategory.Small => Small,
        ProjectCategory.Large => Large,
        _ => Medium,
    };
}

/// <summary>Who may settle a project's category, and when.</summary>
public static class CategoryRules
{
    /// <summary>A project is medium until its category is proposed or confirmed: the method as it is untailored.</summary>
    public const ProjectCategory Untailored = ProjectCategory.Medium;

    /// <summary>A decision names a category only when it approves BP1: that approval confirms or changes the mandate's proposal.</summary>
    public static DomainError? CheckConfirmation(ProjectCategory? named, Phases.DecisionPoint point, Phases.Decision decision) =>
        named is not null && (point != Phases.DecisionPoint.Bp1 || decision != Phases.Decision.Approve)
            ? DomainError.Invalid("category-at-bp1", "Category only at BP1",
                "A category is confirmed by approving BP1; later it is changed with PUT /category by the Executive or the portfolio board.")
            : null;

    /// <summary>Only a category the BP1 decider confirmed is changed; before that the mandate proposes it.</summary>
    public static DomainError? CheckConfirmed(ProjectCategory? confirmed) =>
        confirmed is null
            ? DomainError.Conflict("category-not-confirmed", "Category not confirmed",
                "The category is proposed in the mandate and confirmed at BP1; only a confirmed category is changed.")
            : null;

    /// <summary>
    /// After BP1 the Executive moves a project between medium and large; any other change (to or from small) is the
    /// portfolio board's. Null when the change is allowed.
    /// </summary>
    public static DomainError? CheckChange(ProjectCategory from, ProjectCategory to, bool isExecutive, bool isPortfolioBoard)
    {
        if (from == to)
        {
            return DomainError.Conflict("category-unchanged", "Category unchanged", $"The project is already {WireNames.Of(to)}.");
        }

        if (isPortfolioBoard)
        {
            return null;
        }

        var betweenMediumAndLarge = from != ProjectCategory.Small && to != ProjectCategory.Small;
        return isExecutive && betweenMediumAndLarge
            ? null
            : DomainError.Forbidden(isExecutive
                ? "The Executive moves a project between medium and large; to or from small is the portfolio board's decision."
                : "The project's Executive (medium ↔ large) or the portfolio board changes a project's category.");
    }
}
