using NodaTime;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Ideas;

/// <summary>Where an idea comes from.</summary>
public enum IdeaOrigin
{
    Employee,
    Citizen,
    Organisation,
    Politician,
}

/// <summary>Where an idea stands: received, or answered by the project office.</summary>
public enum IdeaStatus
{
    Received,

    /// <summary>Made a project proposal, which keeps the idea it came from.</summary>
    Proposed,

    /// <summary>Kept for later; it may be triaged again.</summary>
    Parked,

    Declined,
}

/// <summary>The project office's answer to an idea.</summary>
public enum TriageDecision
{
    Propose,
    Park,
    Decline,
}

/// <summary>
/// An idea, by any employee or by an integrator on behalf of a citizen portal. No personal data: a portal keeps its own
/// contact with the sender and may give its reference for it (<c>externalReference</c>).
/// </summary>
public sealed record SubmitIdea(string? Title, string? Description, IdeaOrigin? Origin, string? Sector, string? ExternalReference = null);

/// <summary>The project office's decision on an idea, with the rationale the sender gets as the answer.</summary>
public sealed record TriageIdea(TriageDecision? Decision, string? Rationale);

public sealed record IdeaView
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required IdeaOrigin Origin { get; init; }

    public required string Sector { get; init; }

    public string? ExternalReference { get; init; }

    public required IdeaStatus Status { get; init; }

    [Person]
    public required string SubmittedBy { get; init; }

    public required Instant SubmittedAt { get; init; }

    /// <summary>The answer: why it was proposed, parked or declined.</summary>
    public string? Rationale { get; init; }

    [Person]
    public string? TriagedBy { get; init; }

    public Instant? TriagedAt { get; init; }

    /// <summary>The project proposal made from it.</summary>
    public Guid? ProjectId { get; init; }
}
