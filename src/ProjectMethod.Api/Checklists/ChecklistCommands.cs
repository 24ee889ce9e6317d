using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Checklists;

namespace ProjectMethod.Api.Checklists;

/// <summary>Answering the checklist: the use case the API and the web pages share.</summary>
public sealed class ChecklistCommands(ProjectWrites writes)
{
    /// <summary>An answer to a checklist item, by whoever prepares its decision point, while the project heads for it.</summary>
    public async Task<WriteResult<ChecklistItemView>> UpdateAsync(Guid id, string itemId, UpdateChecklistItem request, Caller caller)
    {
        var validation = new Validation().Required("status", request.Status).Text("comment", request.Comment, Validation.LongText, required: false);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ChecklistItemView>(Problems.Validation(validation.Errors));
        }

        if (ChecklistRules.Validate(request.Status!.Value, request.Comment) is { } invalid)
        {
            return WriteResult.Refused<ChecklistItemView>(Problems.Validation(new Dictionary<string, string[]> { ["comment"] = [invalid.Detail] }));
        }

        var result = await writes.RunAsync<ChecklistItemView>(caller, id, async write =>
        {
            var items = await ChecklistStore.ForProjectAsync(write.Db, write.Project);
            var item = items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return DomainError.NotFound($"The project's handbook has no checklist item '{itemId}'.");
            }

            if (ProjectAccess.CheckPreparer(write.Standing, item.DecisionPoint) is { } forbidden)
            {
                return forbidden;
            }

            if (ChecklistRules.CheckAnswerable(item.DecisionPoint, write.Project.Phase) is { } closed)
            {
                return closed;
            }

            var (status, comment) = (request.Status.Value, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim());
            await ChecklistStore.UpsertAsync(write.Db, id, itemId, ChecklistStore.RoundOf(item.DecisionPoint, write.Project), status, comment, write.Actor.UserId, write.Now);
            write.Record(EventTypes.ChecklistItemUpdated, new ChecklistItemUpdatedData(itemId, item.DecisionPoint, status, comment));
            return item with { Status = status, Comment = comment, UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now };
        });

        return result;
    }
}
