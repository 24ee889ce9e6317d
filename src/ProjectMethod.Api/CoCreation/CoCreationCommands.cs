using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.CoCreation;

namespace ProjectMethod.Api.CoCreation;

/// <summary>Keeping the co-creation register: the use cases the API and the web pages share.</summary>
public sealed class CoCreationCommands(ProjectWrites writes)
{
    public const int MaxPlanEntries = 500;
    public const int MaxGroupsPerActivity = 50;
    public const int MaxParticipants = 100_000;

    /// <summary>A stakeholder group registered by the Project Manager.</summary>
    public async Task<WriteResult<StakeholderGroupView>> AddGroupAsync(Guid id, StakeholderGroupRequest request, Caller caller)
    {
        var validation = new Validation()
            .Text("name", request.Name, Validation.ShortText)
            .Required("kind", request.Kind)
            .Required("hardToReach", request.HardToReach)
            .Text("notes", request.Notes, Validation.LongText, required: false);
        return await WriteAsync<StakeholderGroupView>(id, validation, ProjectAction.ManageCoCreation, caller, async write =>
        {
            var name = request.Name!.Trim();
            if (CoCreationRules.CheckNewGroup((await CoCreationStore.GroupsAsync(write.Db, id)).Select(g => g.Name), name) is { } registered)
            {
                return registered;
            }

            var group = new StakeholderGroupView
            {
                Id = Ids.New(write.Now), Name = name, Kind = request.Kind!.Value, HardToReach = request.HardToReach!.Value,
                Notes = request.Notes?.Trim() ?? "", RecordedBy = write.Actor.UserId, RecordedAt = write.Now,
            };
            await CoCreationStore.InsertGroupAsync(write.Db, id, group);
            write.Record(EventTypes.CoCreationGroupAdded, group);
            return group;
        });
    }

    /// <summary>
    /// The whole plan, replacing the one before it. What was planned for a phase the project has left stays as it was,
    /// with its explanations; an explanation of a phase not yet left is kept while the entry is unchanged.
    /// </summary>
    public async Task<WriteResult<CoCreationPlanView>> SetPlanAsync(Guid id, CoCreationPlanRequest request, Caller caller)
    {
        var entries = request.Entries ?? [];
        var validation = new Validation()
            .That(request.Entries is not null, "entries", "entries is required (an empty list removes the plan of the phases not yet left).")
            .That(entries.Count <= MaxPlanEntries, "entries", $"At most {MaxPlanEntries} entries.")
            .That(entries.All(e => e.GroupId is not null && e.Phase is not null && e.Level is not null && e.Purpose is not null), "entries",
                "Each entry has groupId, phase, level and purpose.")
            .That(entries.All(e => e.Phase is null || CoCreationRules.Phases.Contains(e.Phase.Value)), "entries",
                "An entry's phase is concept, planning, execution, closure or realisation.")
            .That(entries.GroupBy(e => (e.GroupId, e.Phase)).All(g => g.Count() == 1), "entries", "A group is planned once per phase.");
        return await WriteAsync<CoCreationPlanView>(id, validation, ProjectAction.ManageCoCreation, caller, async write =>
        {
            if (await UnknownGroupsAsync(write, entries.Select(e => e.GroupId!.Value), "entries") is { } unknown)
            {
                return unknown;
            }

            var current = await CoCreationStore.PlanAsync(write.Db, id);
            var proposed = entries.Select(e => new PlanEntryView { GroupId = e.GroupId!.Value, Phase = e.Phase!.Value, Level = e.Level!.Value, Purpose = e.Purpose!.Value })
                .Select(e => e with { GapExplanation = current.FirstOrDefault(c => c == e with { GapExplanation = c.GapExplanation })?.GapExplanation })
                .ToList();
            if (CoCreationRules.CheckReplan(current.Select(c => c.ToDomain()).ToList(), proposed.Select(p => p.ToDomain()).ToList(), write.Project.Phase) is { } passed)
            {
                return passed;
            }

            var plan = new CoCreationPlanView(proposed.OrderBy(p => p.GroupId).ThenBy(p => p.Phase).ToList());
            await CoCreationStore.ReplacePlanAsync(write.Db, id, plan.Entries);
            write.Record(EventTypes.CoCreationPlanSet, plan);
            return plan;
        });
    }

    /// <summary>Why a planned involvement was not held at the planned level: the account BP4 asks for.</summary>
    public async Task<WriteResult<PlanEntryView>> ExplainGapAsync(Guid id, GapExplanationRequest request, Caller caller)
    {
        var validation = new Validation()
            .Required("groupId", request.GroupId)
            .Required("phase", request.Phase)
            .Text("explanation", request.Explanation, Validation.LongText, min: 10);
        return await WriteAsync<PlanEntryView>(id, validation, ProjectAction.ManageCoCreation, caller, async write =>
        {
            var register = await CoCreationStore.RegisterAsync(write.Db, id, write.Now.InZone(BenefitMath.Oslo).Date);
            var entry = register.Plan.FirstOrDefault(p => p.GroupId == request.GroupId && p.Phase == request.Phase);
            if (entry is null)
            {
                return DomainError.NotFound("The plan does not involve that group in that phase.");
            }

            if (CoCreationRules.CheckGapPhase(entry.Phase, write.Project.Phase) is { } ahead)
            {
                return ahead;
            }

            if (CoCreationRules.CheckGap(register.Summary.Plan.Single(p => p.GroupId == entry.GroupId && p.Phase == entry.Phase).Met) is { } met)
            {
                return met;
            }

            var explained = entry with { GapExplanation = request.Explanation!.Trim() };
            await CoCreationStore.ExplainGapAsync(write.Db, id, entry.GroupId, entry.Phase, explained.GapExplanation);
            write.Record(EventTypes.CoCreationGapExplained, explained);
            return explained;
        });
    }

    /// <summary>An activity held, with the groups that took part; the Project Manager or a team manager records it.</summary>
    public async Task<WriteResult<ActivityView>> RecordActivityAsync(Guid id, ActivityRequest request, Caller caller)
    {
        var groups = request.Groups ?? [];
        var validation = new Validation()
            .Required("date", request.Date)
            .Required("kind", request.Kind)
            .Required("phase", request.Phase)
            .Required("level", request.Level)
            .That(groups.Count is > 0 and <= MaxGroupsPerActivity, "groups", $"Name 1 to {MaxGroupsPerActivity} groups that were invited.")
            .That(groups.All(g => g.GroupId is not null), "groups", "Each group has its groupId.")
            .That(groups.All(g => g.Participants is >= 0 and <= MaxParticipants), "groups", $"Each group has participants: 0 (nobody came) to {MaxParticipants}.")
            .That(groups.GroupBy(g => g.GroupId).All(g => g.Count() == 1), "groups", "A group is named once.")
            .Text("summary", request.Summary, Validation.LongText);
        return await WriteAsync<ActivityView>(id, validation, ProjectAction.RecordCoCreationActivity, caller, async write =>
        {
            if (request.Date > write.Now.InZone(BenefitMath.Oslo).Date)
            {
                return Validation.RefusalOf(new Dictionary<string, string[]> { ["date"] = ["An activity is recorded once it is held: the date is today or earlier."] });
            }

            if (CoCreationRules.CheckActivityPhase(request.Phase!.Value, write.Project.Phase) is { } ahead)
            {
                return ahead;
            }

            if (await UnknownGroupsAsync(write, groups.Select(g => g.GroupId!.Value), "groups") is { } unknown)
            {
                return unknown;
            }

            var activity = new ActivityView
            {
                Id = Ids.New(write.Now), Date = request.Date!.Value, Kind = request.Kind!.Value, Phase = request.Phase.Value, Level = request.Level!.Value,
                Groups = groups.Select(g => new Participation(g.GroupId!.Value, g.Participants!.Value)).ToList(), Summary = request.Summary!.Trim(),
                RecordedBy = write.Actor.UserId, RecordedAt = write.Now,
            };
            await CoCreationStore.InsertActivityAsync(write.Db, id, activity);
            write.Record(EventTypes.CoCreationActivityRecorded, activity);
            return activity;
        });
    }

    /// <summary>What a group that took part said at an activity: it waits for a response from that day.</summary>
    public async Task<WriteResult<InputView>> RecordInputAsync(Guid id, Guid activityId, InputRequest request, Caller caller)
    {
        var validation = new Validation()
            .Text("text", request.Text, Validation.LongText)
            .Required("groupId", request.GroupId);
        return await WriteAsync<InputView>(id, validation, ProjectAction.RecordCoCreationActivity, caller, async write =>
        {
            var activity = (await CoCreationStore.ActivitiesAsync(write.Db, id)).FirstOrDefault(a => a.Id == activityId);
            if (activity is null)
            {
                return DomainError.NotFound("The activity was not found.");
            }

            if (activity.Groups.All(g => g.GroupId != request.GroupId || g.Participants == 0))
            {
                return Validation.RefusalOf(new Dictionary<string, string[]> { ["groupId"] = ["An input comes from a group that took part in the activity."] });
            }

            var input = new InputView
            {
                Id = Ids.New(write.Now), ActivityId = activityId, GroupId = request.GroupId!.Value, Text = request.Text!.Trim(), Received = activity.Date,
                RecordedBy = write.Actor.UserId, RecordedAt = write.Now,
            };
            await CoCreationStore.InsertInputAsync(write.Db, id, input);
            write.Record(EventTypes.CoCreationInputRecorded, input);
            return input;
        });
    }

    /// <summary>
    /// The Project Manager's answer to an input: adopted, adapted, not adopted or later, and why. An answer is final
    /// unless it was "later", which is answered again once the project knows.
    /// </summary>
    public async Task<WriteResult<InputView>> RespondAsync(Guid id, Guid inputId, InputResponseRequest request, Caller caller)
    {
        var validation = new Validation()
            .Required("outcome", request.Outcome)
            .Text("explanation", request.Explanation, Validation.LongText, min: 10);
        return await WriteAsync<InputView>(id, validation, ProjectAction.ManageCoCreation, caller, async write =>
        {
            var input = await CoCreationStore.InputAsync(write.Db, id, inputId);
            if (input is null)
            {
                return DomainError.NotFound("The input was not found.");
            }

            if (CoCreationRules.CheckAnswerable(input.Response?.Outcome) is { } answeredBefore)
            {
                return answeredBefore;
            }

            var errors = new Dictionary<string, string[]>();
            if (request.ProductId is { } productId && !await CoCreationStore.ProductExistsAsync(write.Db, id, productId))
            {
                errors["productId"] = ["The project has no product with that id."];
            }

            if (request.DecisionId is { } decisionId && !await CoCreationStore.DecisionExistsAsync(write.Db, id, decisionId))
            {
                errors["decisionId"] = ["The project has no decision with that id."];
            }

            if (errors.Count > 0)
            {
                return Validation.RefusalOf(errors);
            }

            var response = new InputResponseView(request.Outcome!.Value, request.Explanation!.Trim(), request.ProductId, request.DecisionId, write.Actor.UserId, write.Now);
            await CoCreationStore.RespondAsync(write.Db, id, inputId, response);
            var answered = input with { Response = response };
            write.Record(EventTypes.CoCreationInputAnswered, new CoCreationInputAnsweredData(inputId, response));
            return answered;
        });
    }

    /// <summary>
    /// A write to the register: the request's fields first, then who may and whether the register is open, then the work,
    /// all in the project's write (one transaction, or nothing).
    /// </summary>
    private async Task<WriteResult<T>> WriteAsync<T>(
        Guid id, Validation validation, ProjectAction action, Caller caller, Func<ProjectWrite, Task<Outcome<T>>> work) =>
        !validation.IsValid
            ? WriteResult.Refused<T>(Problems.Validation(validation.Errors))
            : await writes.RunAsync<T>(caller, id, async write => Check(write, action) is { } refused ? refused : await work(write));

    /// <summary>Who may, and whether the register is open: from concept until the project is completed or rejected.</summary>
    private static DomainError? Check(ProjectWrite write, ProjectAction action) =>
        ProjectAccess.Check(write.Standing, action) ?? CoCreationRules.CheckOpen(write.Project.Phase);

    private static async Task<DomainError?> UnknownGroupsAsync(ProjectWrite write, IEnumerable<Guid> groupIds, string field)
    {
        var known = (await CoCreationStore.GroupsAsync(write.Db, write.Project.Id)).Select(g => g.Id).ToHashSet();
        var unknown = groupIds.Where(g => !known.Contains(g)).Distinct().ToList();
        return unknown.Count == 0
            ? null
            : Validation.RefusalOf(new Dictionary<string, string[]> { [field] = [$"The project has no stakeholder group {string.Join(", ", unknown)}."] });
    }
}
