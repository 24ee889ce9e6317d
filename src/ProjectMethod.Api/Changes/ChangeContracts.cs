using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Changes;

namespace ProjectMethod.Api.Changes;

/// <summary>
/// An issue raised to the register: a request for change, an off-specification or a problem/concern, with its impact
/// and — for a change to the baseline — what it would do to the stage under way: days added to its planned end (fewer
/// when negative), NOK added to its budget, products added (as drafts the Project Manager describes) and removed from
/// scope.
/// </summary>
public sealed record RaiseChange(
    ChangeKind? Kind, string? Title, string? Description, ChangeImpact? Impact, IReadOnlyList<NewProduct>? AddProducts = null,
    IReadOnlyList<Guid>? RemoveProductIds = null);

/// <summary>
/// What the issue does to the six dimensions: time and cost in days and NOK (they move the stage plan when approved),
/// quality, scope, benefit and risk in words.
/// </summary>
public sealed record ChangeImpact(int? Days = 0, decimal? Cost = 0, string? Quality = null, string? Scope = null, string? Benefit = null, string? Risk = null);

/// <summary>A product an approved change adds to the stage under way; <c>productId</c> once it is added.</summary>
public sealed record NewProduct(string? Title, string? Purpose, Guid? ProductId = null);

/// <summary>The change authority's answer: approve, reject or defer, with the reason.</summary>
public sealed record DecideChange(ChangeOutcome? Outcome, string? Rationale);

/// <summary>The person the Executive names to decide issues, and the days and NOK (either way) they decide within.</summary>
public sealed record SetChangeAuthority(string? UserId, decimal? CostLimit, int? DaysLimit);

public sealed record ChangeAuthorityView([property: Person("person")] string UserId, decimal CostLimit, int DaysLimit, [property: Person] string SetBy, Instant SetAt);

/// <summary>
/// One issue as it stands. An approved baseline change moved the stage plan and the products; one that would have taken
/// the stage or the project outside tolerance is <c>escalated</c> instead, with the exceptions it raised, and the
/// baseline stays until an exception plan is approved.
/// </summary>
public sealed record ChangeView
{
    public required Guid Id { get; init; }

    /// <summary>The number in the project's register, from 1.</summary>
    public required int Number { get; init; }

    public required ChangeKind Kind { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required ChangeImpact Impact { get; init; }

    public required IReadOnlyList<NewProduct> AddProducts { get; init; }

    public required IReadOnlyList<Guid> RemoveProductIds { get; init; }

    public required ChangeState State { get; init; }

    [Person]
    public required string RaisedBy { get; init; }

    public required Instant RaisedAt { get; init; }

    [Person]
    public string? DecidedBy { get; init; }

    public Instant? DecidedAt { get; init; }

    public ChangeOutcome? Outcome { get; init; }

    public string? Rationale { get; init; }

    /// <summary>The exceptions an approval outside tolerance raised.</summary>
    public required IReadOnlyList<Guid> ExceptionIds { get; init; }
}

/// <summary>The issue register: every issue, newest first; the change authority the Executive named, if any; how many are undecided.</summary>
public sealed record ChangeList(IReadOnlyList<ChangeView> Items, ChangeAuthorityView? Authority, int Undecided)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}
