using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Risks;

namespace ProjectMethod.Api.Risks;

/// <summary>An entry of the uncertainty register; probability and consequence are 1–5.</summary>
public sealed record RiskRequest(
    UncertaintyKind? Kind, string? Title, int? Probability, int? Consequence, string? OwnerUserId, string? Proximity = null, string? Strategy = null,
    RiskStatus? Status = null);

public sealed record RiskView
{
    public required Guid Id { get; init; }

    public required UncertaintyKind Kind { get; init; }

    public required string Title { get; init; }

    public required int Probability { get; init; }

    public required int Consequence { get; init; }

    public required string Proximity { get; init; }

    public required string Strategy { get; init; }

    [Person("owner")]
    public required string OwnerUserId { get; init; }

    public required RiskStatus Status { get; init; }

    [Person]
    public required string RecordedBy { get; init; }

    public required Instant RecordedAt { get; init; }

    public required Instant UpdatedAt { get; init; }

    /// <summary>Probability × consequence.</summary>
    public int Exposure => RiskRules.ExposureOf(Probability, Consequence);

    public Uncertainty ToDomain() => new(Kind, Status, Probability, Consequence);
}

/// <summary>The register and the exposure the risk dimension is measured by.</summary>
public sealed record RiskRegister(IReadOnlyList<RiskView> Items, int Exposure)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}

