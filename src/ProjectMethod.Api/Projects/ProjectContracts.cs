using NodaTime;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Projects;

/// <summary>A proposal for a new project.</summary>
public sealed record ProposeProject(string? Name, string? Sector, string? Description);

/// <summary>The mandate: why the project is proposed, and (optionally) the category it proposes with the facts that decide it.</summary>
public sealed record MandateRequest(string? Purpose, string? Background, CategoryProposal? Category = null);

/// <summary>
/// The facts that decide a project's category, and the category proposed: left out, the handbook's thresholds suggest
/// it. The BP1 decider confirms or changes it.
/// </summary>
/// <param name="EstimatedCost">The whole project's estimated cost in NOK.</param>
/// <param name="DurationMonths">From BP1 to BP5, in months (1 to 240).</param>
/// <param name="SectorsInvolved">How many sectors take part, the lead sector included (1 to 50).</param>
/// <param name="Uncertainty">How uncertain the outcome, the solution and the estimates are.</param>
/// <param name="Importance">How much the project matters to the municipality's services and goals.</param>
/// <param name="Proposed">The category proposed; left out, the one the facts suggest.</param>
public sealed record CategoryProposal(
    decimal? EstimatedCost = null, int? DurationMonths = null, int? SectorsInvolved = null, Scale? Uncertainty = null, Scale? Importance = null,
    ProjectCategory? Proposed = null);

/// <summary>
/// A project's category: the one whose profile applies, whether the BP1 decider has confirmed it, and the mandate's
/// proposal with its facts and the category the handbook's thresholds suggest for them.
/// </summary>
public sealed record ProjectCategoryView(
    ProjectCategory Category, bool Confirmed, ProjectCategory? Proposed = null, ProjectCategory? Suggested = null, CategoryFacts? Facts = null);

/// <summary>The mandate's facts as stored, with the category the project's handbook suggested for them then.</summary>
public sealed record CategoryAssessment(CategoryFacts Facts, ProjectCategory Suggested);

/// <summary>A later change of a confirmed category: the Executive between medium and large, otherwise the portfolio board.</summary>
public sealed record ChangeCategory(ProjectCategory? Category, string? Rationale);

public sealed record MandateView(string Purpose, string Background);

/// <summary>The handbook version the project is bound to.</summary>
public sealed record HandbookReference(string Sector, int Version);

/// <summary>A project as the API shows it; one project read alone also shows its newest forecast judged per level and dimension.</summary>
public sealed record ProjectView(
    Guid Id,
    string Name,
    string Sector,
    string Description,
    Phase Phase,
    int? Stage,
    bool ClosedEarly,
    string ProposerId,
    HandbookReference Handbook,
    MandateView? Mandate,
    long Version,
    Instant CreatedAt,
    Instant UpdatedAt,
    ManageByException.EvaluationView? ToleranceStatus = null)
{
    /// <summary>The idea (from an employee, a citizen, an organisation or a politician) the project was proposed from, if any.</summary>
    public Guid? IdeaId { get; init; }

    /// <summary>The programme the project belongs to, if any: its programme board then sets the project tolerances and decides the project's exceptions.</summary>
    public Guid? ProgrammeId { get; init; }

    /// <summary>The sectors the project involves beside its lead sector; given when the project is read alone.</summary>
    public IReadOnlyList<string>? ParticipatingSectors { get; init; }

    /// <summary>The project's size and complexity, and so the profile of its handbook that applies.</summary>
    public ProjectCategoryView Category { get; init; } = new(CategoryRules.Untailored, false);

    public static ProjectCategoryView CategoryOf(ProjectRow row)
    {
        var assessed = row.CategoryFacts is { } json ? System.Text.Json.JsonSerializer.Deserialize<CategoryAssessment>(json, Infrastructure.Json.Options) : null;
        return new ProjectCategoryView(row.EffectiveCategory, row.Category is not null, row.ProposedCategory, assessed?.Suggested, assessed?.Facts);
    }

    public static ProjectView From(ProjectRow row) => new(
        row.Id, row.Name, row.Sector, row.Description, row.Phase, row.Stage, row.ClosedEarly, row.ProposerId,
        new HandbookReference(row.HandbookSector, row.HandbookVersion),
        row.MandatePurpose is null || row.MandateBackground is null ? null : new MandateView(row.MandatePurpose, row.MandateBackground),
        row.Version, row.CreatedAt, row.UpdatedAt) { IdeaId = row.IdeaId, Category = CategoryOf(row), ProgrammeId = row.ProgrammeId };
}
