using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The first look at who asks, declared on a route: the domain's check of the caller's standing on the project.</summary>
public sealed record ProjectGuardMetadata(Func<ProjectStanding, DomainError?> Check);

/// <summary>
/// Authorisation is decided before the body is read: for a route that declares who may call it, the caller's standing
/// on the project is checked after authentication and before the endpoint binds its body, so the wrong caller gets 403
/// whatever the body holds. The write pipeline checks the precise rule again under the write lock.
/// </summary>
public sealed class ProjectGuard(RequestDelegate next, Database database)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var gate = http.GetEndpoint()?.Metadata.GetMetadata<ProjectGuardMetadata>();
        if (gate is null || http.User.Identity?.IsAuthenticated != true
            || !Guid.TryParse(http.Request.RouteValues["id"] as string, out var projectId))
        {
            await next(http);
            return;
        }

        var standing = await database.ReadAsync(async db =>
        {
            var project = await ProjectStore.GetAsync(db, projectId);
            return project is null ? null : await Programmes.ProgrammeStore.StandingAsync(db, http.User.ToActor(), await RoleStore.ForProjectAsync(db, projectId), project);
        }, http.RequestAborted);
        if (standing is not null && gate.Check(standing) is { } refused)
        {
            await Problems.From(refused).ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}

public static class ProjectGuards
{
    /// <summary>Declares who may call the route at all, checked before its body is read.</summary>
    public static RouteHandlerBuilder Allows(this RouteHandlerBuilder builder, Func<ProjectStanding, DomainError?> check) =>
        builder.WithMetadata(new ProjectGuardMetadata(check));

    public static RouteHandlerBuilder Allows(this RouteHandlerBuilder builder, ProjectAction action) =>
        builder.Allows(ProjectAccess.Before.Action(action));
}
