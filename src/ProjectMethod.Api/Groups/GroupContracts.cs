using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Organisation;

namespace ProjectMethod.Api.Groups;

/// <summary>
/// A group around the board: a reference group, a working group or the board's observers; its name, its mandate, its
/// members from the register and — for citizens, in a reference or working group — stakeholder groups of the project's
/// co-creation register.
/// </summary>
public sealed record GroupRequest(
    BoardGroupKind? Kind, string? Name, string? Mandate, IReadOnlyList<string>? MemberUserIds = null, IReadOnlyList<Guid>? StakeholderGroupIds = null);

public sealed record GroupView
{
    public required Guid Id { get; init; }

    public required BoardGroupKind Kind { get; init; }

    public required string Name { get; init; }

    public required string Mandate { get; init; }

    [Person("members")]
    public required IReadOnlyList<string> MemberUserIds { get; init; }

    public required IReadOnlyList<Guid> StakeholderGroupIds { get; init; }

    [Person]
    public required string UpdatedBy { get; init; }

    public required Instant UpdatedAt { get; init; }
}
