using NodaTime;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Projects;

/// <summary>A proposal for a new project.</summary>
public sealed record ProposeProject(string? Name, string? Sector, string? Description);

/// <summary>The mandate: why the project is proposed.</summary>
public sealed record MandateRequest(string? Purpose, string? Background);

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

    public static ProjectView From(ProjectRow row) => new(
        row.Id, row.Name, row.Sector, row.Description, row.Phase, row.Stage, row.ClosedEarly, row.ProposerId,
        new HandbookReference(row.HandbookSector, row.HandbookVersion),
        row.MandatePurpose is null || row.MandateBackground is null ? null : new MandateView(row.MandatePurpose, row.MandateBackground),
        row.Version, row.CreatedAt, row.UpdatedAt) { IdeaId = row.IdeaId };
}
