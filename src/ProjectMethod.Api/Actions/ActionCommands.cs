using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Actions;

/// <summary>Follow-up actions added to a project's decisions and marked done by their owners.</summary>
public sealed class ActionCommands(ProjectWrites writes, IClock clock)
{
    private static readonly Domain.DomainError MissingAction = Domain.DomainError.NotFound("The action was not found.");

    public async Task<WriteResult<ActionView>> AddAsync(Guid id, AddAction request, Caller caller)
    {
        var today = BenefitMath.Today(clock);
        var validation = new Validation()
            .Text("what", request.What, Validation.LongText)
            .Text("ownerUserId", request.OwnerUserId, Validation.ShortText)
            .Required("dueOn", request.DueOn)
            .That(request.DueOn is null || request.DueOn >= today, "dueOn", "dueOn is the day the action is due: today or later.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ActionView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<ActionView>(caller, id, async write =>
        {
            if (ActionsApi.Adder(write.Standing) is { } forbidden)
            {
                return forbidden;
            }

            if (await write.CheckKnownAsync(("ownerUserId", request.OwnerUserId)) is { } unknown)
            {
                return unknown;
            }

            if (request.DecisionId is { } decision && !await ActionStore.DecidedHereAsync(write.Db, id, decision))
            {
                return new Validation().That(false, "decisionId", "decisionId names a gate decision or an exception of this project.").ToError();
            }

            var row = new ActionStore.Row
            {
                Id = Ids.New(write.Now), ProjectId = id, DecisionId = request.DecisionId, What = request.What!.Trim(), OwnerUserId = request.OwnerUserId!.Trim(),
                DueOn = request.DueOn!.Value, State = ActionState.Open, CreatedBy = write.Actor.UserId, CreatedAt = write.Now,
            };
            await ActionStore.InsertAsync(write.Db, row);
            var view = row.ToView(today);
            write.Record(EventTypes.ActionAdded, view);
            return view;
        });
    }

    public async Task<WriteResult<ActionView>> CompleteAsync(Guid id, Guid actionId, CompleteAction request, Caller caller)
    {
        var validation = new Validation().Text("note", request.Note, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ActionView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<ActionView>(caller, id, async write =>
        {
            if (await ActionStore.GetAsync(write.Db, id, actionId) is not { } action)
            {
                return MissingAction;
            }

            if (DecisionActions.CheckDone(write.Actor.UserId, action.OwnerUserId, action.State) is { } refused)
            {
                return refused;
            }

            var note = request.Note!.Trim();
            await ActionStore.CompleteAsync(write.Db, actionId, note, write.Now);
            var view = (action with { State = ActionState.Done, Note = note, DoneAt = write.Now }).ToView(BenefitMath.Today(clock));
            write.Record(EventTypes.ActionDone, view);
            return view;
        });
    }
}
