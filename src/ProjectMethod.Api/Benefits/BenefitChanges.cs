using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Benefits;

/// <summary>A benefit's baseline, target and allowed shortfall: what is baselined at BP3. A field left out stays as it is.</summary>
public sealed record BenefitBaselineRequest(PointRequest? Baseline = null, PointRequest? Target = null, decimal? AllowedShortfall = null);

/// <summary>A proposed change of a baselined benefit, with why.</summary>
public sealed record ProposeBenefitChange(BenefitBaselineRequest? Proposed, string? Rationale);

/// <summary>The decider's answer to a proposed change.</summary>
public sealed record DecideBenefitChange(ChangeDecision? Decision, string? Rationale);

/// <summary>A benefit's baseline, target and allowed shortfall as one version of it.</summary>
public sealed record BenefitBaselineView(PointView? Baseline, PointView? Target, decimal AllowedShortfall);

/// <summary>A proposed change of a baselined benefit and, once decided, the decision.</summary>
public sealed record BenefitChangeView
{
    public required Guid Id { get; init; }

    public required Guid BenefitId { get; init; }

    public required BenefitBaselineView Proposed { get; init; }

    public required string Rationale { get; init; }

    public required BenefitChangeState State { get; init; }

    [Person]
    public required string ProposedBy { get; init; }

    public required Instant ProposedAt { get; init; }

    public string? DecisionRationale { get; init; }

    [Person]
    public string? DecidedBy { get; init; }

    public Instant? DecidedAt { get; init; }
}

/// <summary>One version of a benefit's baseline, target and shortfall; a version made by a decided change names it.</summary>
public sealed record BenefitVersionView(int Version, PointView? Baseline, PointView? Target, decimal AllowedShortfall, Guid? ChangeId, [property: Person] string SetBy, Instant SetAt);
