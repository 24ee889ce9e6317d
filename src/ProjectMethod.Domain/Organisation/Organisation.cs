using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Organisation;

/// <summary>The groups around the project board.</summary>
public enum BoardGroupKind
{
    /// <summary>Referansegruppe: people whose knowledge and views the project draws on; they advise, they do not decide.</summary>
    ReferenceGroup,

    /// <summary>Arbeidsgruppe: people who do a piece of the project's work under its mandate.</summary>
    WorkingGroup,

    /// <summary>Observatører i styringsgruppen: union representatives (tillitsvalgte) who sit with the board without a vote.</summary>
    BoardObservers,
}

/// <summary>
/// The organisation around the board (DESIGN §2): reference groups and working groups with a mandate and members — people
/// from the register, or a stakeholder group of the co-creation register for citizens — and union representatives who
/// observe the board without a vote.
/// </summary>
public static class GroupRules
{
    /// <summary>The Executive or the Project Manager sets up the groups around the board; the Executive alone seats observers on it.</summary>
    public static DomainError? CheckManage(ProjectStanding standing, BoardGroupKind kind) => kind switch
    {
        BoardGroupKind.BoardObservers when !standing.Holds(ProjectRole.Executive) =>
            DomainError.Forbidden("Only the Executive seats observers on the board."),
        _ when !standing.Holds(ProjectRole.Executive) && !standing.Holds(ProjectRole.ProjectManager) =>
            DomainError.Forbidden("Only the Executive or the Project Manager sets up the project's reference and working groups."),
        _ => null,
    };

    /// <summary>
    /// An observer on the board has no vote, so nobody who votes on it — the Executive, a Senior User or a Senior
    /// Supplier — observes it; and the board's observers are people, not a stakeholder group.
    /// </summary>
    public static DomainError? CheckMembers(BoardGroupKind kind, IReadOnlyCollection<string> members, int stakeholderGroups, IEnumerable<RoleAssignment> roles)
    {
        if (members.Count == 0 && stakeholderGroups == 0)
        {
            return DomainError.Invalid("group-empty", "A group without members", "A group has at least one member: a person from the register or a stakeholder group.");
        }

        if (kind != BoardGroupKind.BoardObservers)
        {
            return null;
        }

        if (stakeholderGroups > 0)
        {
            return DomainError.Invalid("observers-are-people", "Observers are people", "The board's observers are named people, not a stakeholder group.");
        }

        var voting = roles.Where(r => r.Role is ProjectRole.Executive or ProjectRole.SeniorUser or ProjectRole.SeniorSupplier && members.Contains(r.UserId))
            .Select(r => r.UserId).Distinct().ToList();
        return voting.Count == 0
            ? null
            : DomainError.Conflict("observer-on-board", "An observer who votes",
                $"{string.Join(", ", voting)} sits on the board with a vote and cannot also be an observer without one.");
    }
}
