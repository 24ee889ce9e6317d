using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Roles;

public sealed record AssignRole(ProjectRole? Role, string? UserId, string? DisplayName);

public sealed record RoleList(IReadOnlyList<RoleView> Items);

public static class RolesApi
{
    public static IEndpointRouteBuilder MapRoles(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Roles");
        group.MapGet("/roles", List).WithName("listRoles").WithSummary("The project organisation: who holds which role")
            .WithDescription("Any employee may read it.").WithProblems(404);
        group.MapPost("/roles", async (Guid id, AssignRole request, HttpContext http, ProjectWrites writes) =>
                (await Appointments.AssignAsync(id, request, http, writes)).AsCreated(role => $"/api/v1/projects/{id}/roles/{role.Id}")).WithName("assignRole").Allows(ProjectAction.AppointOtherRole)
            .WithSummary("Assign a role")
            .WithDescription("The portfolio board appoints the Executive; the Executive (or the board) appoints the rest. Every combination rule is checked; a broken one is a 409 naming it.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapDelete("/roles/{assignmentId:guid}", Remove).WithName("removeRole").Allows(ProjectAction.AppointOtherRole).WithSummary("Remove a role assignment")
            .WithDescription("The portfolio board removes the Executive; the Executive (or the board) the others.").WithProblems(403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<RoleList>> List(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RoleList(await database.ReadAsync(db => RoleStore.ViewsAsync(db, id), cancellationToken)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, Guid assignmentId, HttpContext http, ProjectWrites writes)
    {
        var result = await writes.RunAsync<bool>(http, id, async write =>
        {
            var assignment = write.Roles.FirstOrDefault(r => r.Id == assignmentId);
            if (assignment is null)
            {
                return new DomainError(ErrorKind.NotFound, "not-found", "Not found", "The role assignment was not found.");
            }

            if (ProjectAccess.Check(write.Standing, ProjectAccess.AppointmentOf(assignment.Role)) is { } forbidden)
            {
                return forbidden;
            }

            await RoleStore.RemoveAsync(write.Db, id, assignmentId);
            write.Record(EventTypes.RoleRemoved, new { assignmentId, assignment.Role, assignment.UserId });
            return true;
        });

        return result.Problem ?? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent();
    }
}
