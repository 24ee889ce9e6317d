using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Groups;

public static class GroupsApi
{
    /// <summary>Who sets up groups around the board: the Executive or the Project Manager (observers on the board: the Executive, checked with the group).</summary>
    public static DomainError? Manager(ProjectStanding s) =>
        s.Holds(ProjectRole.Executive) || s.Holds(ProjectRole.ProjectManager)
            ? null
            : DomainError.Forbidden("Only the Executive or the Project Manager sets up the project's groups.");

    public static IEndpointRouteBuilder MapGroups(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Organisation");
        project.MapGet("/groups", List).WithName(Operations.ListGroups)
            .WithSummary("The groups around the project board")
            .WithDescription("Anyone may read. Reference groups, working groups and the board's observers (union representatives, who sit with the board without a vote), each with its mandate, its members and — for citizens — stakeholder groups of the co-creation register.")
            .WithProblems(404);
        project.MapPost("/groups", Create).WithName(Operations.CreateGroup).Allows(Manager)
            .WithSummary("Set up a reference group, a working group or the board's observers")
            .WithDescription("The Executive or the Project Manager; the board's observers the Executive alone. A name, a mandate, and at least one member: people from the register or (not for observers) stakeholder groups of the project. Nobody who votes on the board — the Executive, a Senior User, a Senior Supplier — is also its observer (409 observer-on-board).")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPut("/groups/{groupId:guid}", Replace).WithName(Operations.ReplaceGroup).Allows(Manager)
            .WithSummary("Change a group")
            .WithDescription("The whole group as it is to be, by whoever may set up its kind.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ItemList<GroupView>>> List(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<GroupView>(await database.ReadAsync(db => GroupStore.OfProjectAsync(db, id), cancellationToken)));

    private static async Task<Results<Created<GroupView>, ProblemHttpResult>> Create(Guid id, GroupRequest request, HttpContext http, GroupCommands commands) =>
        (await commands.SaveAsync(id, null, request, http.Caller())).Tagged(http).AsCreated(http, g => $"/api/v1/projects/{id}/groups");

    private static async Task<Results<Ok<GroupView>, ProblemHttpResult>> Replace(Guid id, Guid groupId, GroupRequest request, HttpContext http, GroupCommands commands)
    {
        var result = (await commands.SaveAsync(id, groupId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<GroupView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }
}
