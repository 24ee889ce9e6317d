using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

public sealed record CreateWorkPackage(string? Title, int? Stage, string? TeamManagerUserId, ToleranceSetRequest? Tolerances);

/// <summary>A work package and the products it delivers (those whose description names it).</summary>
public sealed record WorkPackageView(Guid Id, int Stage, string Title, [property: Person("teamManager")] string TeamManagerUserId, ToleranceSetView? Tolerances, IReadOnlyList<Guid> ProductIds);

public sealed record WorkPackageForecast(ForecastValues? Values, string? Comment = null);

/// <summary>Where an issue for the Project Manager stands.</summary>
public enum IssueStatus
{
    Open,
    Resolved,
}

/// <summary>An issue for the Project Manager: a work package forecast past its tolerance (no board involvement).</summary>
public sealed record IssueView
{
    public required Guid Id { get; init; }

    public required Guid WorkPackageId { get; init; }

    public required int Stage { get; init; }

    public required Dimension Dimension { get; init; }

    public required IssueStatus Status { get; init; }

    public required Guid ForecastId { get; init; }

    public required string Description { get; init; }

    public required Instant RaisedAt { get; init; }

    public string? Resolution { get; init; }

    [Person]
    public string? ResolvedBy { get; init; }

    public Instant? ResolvedAt { get; init; }
}

public sealed record ResolveIssue(string? Resolution);
