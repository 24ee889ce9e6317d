using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Roles;

/// <summary>A role for a person of the register (userId); the name shown is the register's, so displayName is no longer needed.</summary>
public sealed record AssignRole(ProjectRole? Role, string? UserId, string? DisplayName = null);

public sealed record RoleList(IReadOnlyList<RoleView> Items)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}

/// <summary>Somebody else in a role: who, and why the holder is replaced.</summary>
public sealed record ReplaceRole(string? UserId, string? Rationale, string? DisplayName = null);

/// <summary>Why a role assignment ends.</summary>
public sealed record RemoveRole(string? Rationale);

public static class RolesApi
{
    public static IEndpointRouteBuilder MapRoles(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Roles");
        group.MapGet("/roles", List).WithName(Operations.ListRoles).WithSummary("The project organisation: who holds which role")
            .WithDescription("Any employee may read it.").WithProblems(404);
        group.MapPost("/roles", async (Guid id, AssignRole request, HttpContext http, RoleCommands commands) =>
                (await commands.AssignAsync(id, request, http.Caller())).AsCreated(http, role => $"/api/v1/projects/{id}/roles/{role.Id}")).WithName(Operations.AssignRole).Allows(ProjectAction.AppointOtherRole)
            .WithSummary("Assign a role")
            .WithDescription("The portfolio board appoints the Executive; the Executive (or the board) appoints the rest. Every combination rule is checked; a broken one is a 409 naming it.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/roles/{assignmentId:guid}/replacement", async (Guid id, Guid assignmentId, ReplaceRole request, HttpContext http, RoleCommands commands) =>
                (await commands.ReplaceAsync(id, assignmentId, request, http.Caller())).AsCreated(http, role => $"/api/v1/projects/{id}/roles/{role.Id}"))
            .WithName(Operations.ReplaceRole).Allows(ProjectAction.AppointOtherRole)
            .WithSummary("Put somebody else in a role")
            .WithDescription("The portfolio board replaces the Executive; the Executive (or the board) the others. The reason is required and audited; the combination rules hold for the organisation as it will be, and a role is never handed to its holder. The answer is the new assignment. Decisions and votes awaited from the role wait for the new holder; products the old Senior User was to accept, or the old Senior Supplier to review, move to the new one.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/roles/{assignmentId:guid}/removal", async (Guid id, Guid assignmentId, RemoveRole request, HttpContext http, RoleCommands commands) =>
                (await commands.RemoveAsync(id, assignmentId, request, http.Caller())).Tagged(http).Problem ?? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent())
            .WithName(Operations.RemoveRole).Allows(ProjectAction.AppointOtherRole).WithSummary("End a role assignment")
            .WithDescription("The portfolio board removes the Executive; the Executive (or the board) the others; the reason is required and audited. A role that a decision point already passed requires (the Executive from concept, the Project Manager and Benefit Owner from planning, the last Senior User or Senior Supplier from execution) is replaced instead: 409 role-rule-broken with rule role-required.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<RoleList>> List(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RoleList(await database.ReadAsync(db => RoleStore.ViewsAsync(db, id), cancellationToken)));

}
