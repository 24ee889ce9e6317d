using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Access;

/// <summary>An authenticated employee: user id, display name and global roles from the token.</summary>
public sealed record Actor(string UserId, string DisplayName, IReadOnlySet<string> GlobalRoles)
{
    public bool IsPortfolioBoard => GlobalRoles.Contains(Roles.GlobalRoles.PortfolioBoard);
}

/// <summary>An actor as seen from one project: the roles they hold there and whether they proposed it.</summary>
public sealed record ProjectStanding(Actor Actor, IReadOnlySet<ProjectRole> Roles, bool IsProposer)
{
    /// <summary>Where the actor stands towards the programme the project belongs to; null when it is in none.</summary>
    public Programmes.ProgrammeSeat? Programme { get; init; }

    /// <summary>Whether the actor sits on the programme board of the project's programme.</summary>
    public bool OnProgrammeBoard => Programme is { OnBoard: true };

    public bool Holds(ProjectRole role) => Roles.Contains(role);

    public bool HasAnyRole => Roles.Count > 0;

    public static ProjectStanding Of(Actor actor, IEnumerable<RoleAssignment> assignments, string proposerId) => new(
        actor,
        assignments.Where(a => a.UserId == actor.UserId).Select(a => a.Role).ToHashSet(),
        actor.UserId == proposerId);
}
