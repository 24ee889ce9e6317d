using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Handbooks;
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
        group.MapPost("/roles", Assign).WithName("assignRole").Allows(ProjectAction.AppointOtherRole)
            .WithSummary("Assign a role")
            .WithDescription("The portfolio board appoints the Executive; the Executive (or the board) appoints the rest. Every combination rule is checked; a broken one is a 409 naming it.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapDelete("/roles/{assignmentId:guid}", Remove).WithName("removeRole").Allows(ProjectAction.AppointOtherRole).WithSummary("Remove a role assignment")
            .WithDescription("The portfolio board removes the Executive; the Executive (or the board) the others.").WithProblems(403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<RoleList>> List(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RoleList(await database.ReadAsync(db => RoleStore.ViewsAsync(db, id), cancellationToken)));

    private static async Task<Results<Created<RoleView>, ProblemHttpResult>> Assign(
        Guid id, AssignRole request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation()
            .Required("role", request.Role)
            .Text("userId", request.UserId, Validation.ShortText)
            .Text("displayName", request.DisplayName, Validation.ShortText);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<RoleView>(http, id, async write =>
        {
            var role = request.Role!.Value;
            if (ProjectAccess.Check(write.Standing, ProjectAccess.AppointmentOf(role)) is { } forbidden)
            {
                return forbidden;
            }

            var handbook = await write.HandbookAsync();
            var candidate = new RoleAssignment(Ids.New(write.Now), role, request.UserId!.Trim(), request.DisplayName!.Trim());
            if (RoleRules.CheckAssignment(write.Roles, candidate, handbook.RoleWaivers) is { } broken)
            {
                return DomainError.Conflict("role-rule-broken", "Role rule broken", broken.Description)
                    with { Extensions = new Dictionary<string, object?> { ["rule"] = broken.Rule } };
            }

            var assigned = new RoleView(candidate.Id, role, candidate.UserId, candidate.DisplayName, write.Actor.UserId, write.Now);
            await RoleStore.InsertAsync(write.Db, id, assigned);
            write.Record(EventTypes.RoleAssigned, new { assignmentId = candidate.Id, role, candidate.UserId, candidate.DisplayName });
            return assigned;
        });

        return result.Problem ?? (Results<Created<RoleView>, ProblemHttpResult>)TypedResults.Created(
            $"/api/v1/projects/{id}/roles/{result.Value!.Id}", result.Value);
    }

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
