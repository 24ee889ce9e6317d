using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Checklists;

public sealed record UpdateChecklistItem(ChecklistStatus? Status, string? Comment = null);

public sealed record ChecklistView(IReadOnlyList<ChecklistItemView> Items);

public static class ChecklistsApi
{
    public static IEndpointRouteBuilder MapChecklists(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Checklist");
        group.MapGet("/checklist", Get).WithName("getChecklist")
            .WithSummary("The handbook's checklist for every decision point, with this project's answers")
            .WithDescription("Stage-boundary items show the answers for the current stage.").WithProblems(404);
        group.MapPut("/checklist/{itemId}", Update).WithName("updateChecklistItem").Allows(ProjectAccess.Before.Preparer)
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

    private static async Task<Results<Ok<ChecklistItemView>, ProblemHttpResult>> Update(
        Guid id, string itemId, UpdateChecklistItem request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Required("status", request.Status).Text("comment", request.Comment, Validation.LongText, required: false);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        if (ChecklistRules.Validate(request.Status!.Value, request.Comment) is { } invalid)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["comment"] = [invalid.Detail] });
        }

        var result = await writes.RunAsync<ChecklistItemView>(http, id, async write =>
        {
            var items = await ChecklistStore.ForProjectAsync(write.Db, write.Project);
            var item = items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return new DomainError(ErrorKind.NotFound, "not-found", "Not found", $"The project's handbook has no checklist item '{itemId}'.");
            }

            if (ProjectAccess.CheckPreparer(write.Standing, item.DecisionPoint) is { } forbidden)
            {
                return forbidden;
            }

            if (!DecisionPoints.Ahead(write.Project.Phase).Contains(item.DecisionPoint))
            {
                return DomainError.Conflict("checklist-closed", "Checklist closed",
                    $"Items of {ProjectAccess.Describe(item.DecisionPoint)} are answered while the project heads for it; it is {write.Project.Phase.Wire()} now.");
            }

            var (status, comment) = (request.Status.Value, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim());
            await ChecklistStore.UpsertAsync(write.Db, id, itemId, ChecklistStore.RoundOf(item.DecisionPoint, write.Project), status, comment, write.Actor.UserId, write.Now);
            write.Record(EventTypes.ChecklistItemUpdated, new { itemId, item.DecisionPoint, status, comment });
            return item with { Status = status, Comment = comment, UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now };
        });

        return result.Problem ?? (Results<Ok<ChecklistItemView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }
}
