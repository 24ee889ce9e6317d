using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Checklists;

namespace ProjectMethod.Api.Checklists;

public sealed record UpdateChecklistItem(ChecklistStatus? Status, string? Comment = null);

public sealed record ChecklistView(IReadOnlyList<ChecklistItemView> Items)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}

public static class ChecklistsApi
{
    public static IEndpointRouteBuilder MapChecklists(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Checklist");
        group.MapGet("/checklist", Get).WithName(Operations.GetChecklist)
            .WithSummary("The handbook's checklist for every decision point, with this project's answers")
            .WithDescription("Stage-boundary items show the answers for the current stage.").WithProblems(404);
        group.MapPut("/checklist/{itemId}", async (Guid id, string itemId, UpdateChecklistItem request, HttpContext http, ChecklistCommands commands) =>
                (await commands.UpdateAsync(id, itemId, request, http.Caller())).AsOk(http)).WithName(Operations.UpdateChecklistItem).Allows(ProjectAccess.Before.Preparer)
            .WithSummary("Answer a checklist item")
            .WithDescription("Whoever prepares that decision point (the Project Manager; at BP1 the proposer or Executive; at BP6 the Benefit Owner or Executive). notRelevant and stillOpen need a comment of at least 10 characters.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ChecklistView>> Get(Guid id, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var project = ProjectScope.Project(http);
        return TypedResults.Ok(new ChecklistView(await database.ReadAsync(db => ChecklistStore.ForProjectAsync(db, project), cancellationToken)));
    }
}
