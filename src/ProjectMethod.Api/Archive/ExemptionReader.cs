using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Archive;

/// <summary>
/// Who may read the content of a record exempt from public access: those who hold a role on its project or proposed it,
/// the portfolio board, admins, and integrators (the municipality's own systems, which receive every event). Everyone else sees its
/// public title and that it is exempt, and by which section of offentleglova.
/// </summary>
public static class ExemptionReader
{
    /// <summary>Whether the actor's global roles let them read exempt content on every project.</summary>
    public static bool MayReadEverywhere(Actor actor) =>
        actor.IsPortfolioBoard || actor.GlobalRoles.Contains(GlobalRoles.Admin) || actor.GlobalRoles.Contains(GlobalRoles.Integrator);

    /// <summary>Whether the actor may read exempt content on this project.</summary>
    public static async Task<bool> MayReadAsync(DbSession db, Actor actor, Guid projectId) =>
        MayReadEverywhere(actor) || (await RoleStore.ForProjectAsync(db, projectId)).Any(r => r.UserId == actor.UserId)
        || (await Projects.ProjectStore.GetAsync(db, projectId))?.ProposerId == actor.UserId;

    /// <summary>Whether someone with this standing on a project may read its exempt content.</summary>
    public static bool MayRead(ProjectStanding standing) => MayReadEverywhere(standing.Actor) || standing.HasAnyRole || standing.IsProposer;
}
