using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>The project's and the stages' tolerances and the stage plans: the use cases the API and the web pages share.</summary>
public sealed class ToleranceCommands(ProjectWrites writes)
{
    /// <summary>The project tolerances, set by the portfolio board that owns them.</summary>
    public async Task<WriteResult<ToleranceSetView>> SetProjectAsync(Guid id, ToleranceSetRequest request, Caller caller)
    {
        var validation = new Validation();
        var set = ToleranceInput.Read(ToleranceLevel.Project, request, ToleranceInput.AllDimensions, validation);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ToleranceSetView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ToleranceSetView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.SetProjectTolerances) is { } forbidden)
            {
                return forbidden;
            }

            if (ToleranceInput.CheckActive(set, (await write.HandbookAsync()).Dimensions) is { IsValid: false } inactive)
            {
                return inactive.ToError();
            }

            if (await ToleranceNesting.CheckInnerAsync(write.Db, id, ToleranceScope.Project, set!) is { } innerOutside)
            {
                return innerOutside;
            }

            await ToleranceStore.ReplaceAsync(write.Db, id, ToleranceScope.Project, set!, write.Actor.UserId, write.Now);
            var view = ToleranceSetView.From(set!, null, null);
            write.Record(EventTypes.TolerancesSet, view);
            return view;
        });
        return result;
    }

    /// <summary>A stage's tolerances, set by the Executive inside the project's.</summary>
    public async Task<WriteResult<ToleranceSetView>> SetStageAsync(Guid id, int stage, ToleranceSetRequest request, Caller caller)
    {
        var validation = new Validation().That(stage is >= 1 and <= 100, "stage", "stage is 1 to 100.");
        var set = ToleranceInput.Read(ToleranceLevel.Stage, request, ToleranceInput.AllDimensions, validation);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ToleranceSetView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ToleranceSetView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.SetStageTolerances) is { } forbidden)
            {
                return forbidden;
            }

            if (ToleranceInput.CheckActive(set, (await write.HandbookAsync()).Dimensions) is { IsValid: false } inactive)
            {
                return inactive.ToError();
            }

            if (Stages.CheckPlannable(write.Project.Phase, write.Project.Stage, stage) is { } closed)
            {
                return closed;
            }

            var saved = await StageBaselines.SaveAsync(write, stage, set!, null);
            return saved.Error is { } refused ? refused : ToleranceSetView.From(saved.Value.Tolerances!, stage, null);
        });
        return result;
    }

    /// <summary>A stage's plan, by the Project Manager: its time and cost are the plan values of the stage's tolerances.</summary>
    public async Task<WriteResult<StagePlanView>> SetPlanAsync(Guid id, int stage, StagePlanRequest request, Caller caller)
    {
        var validation = ToleranceInput.ValidatePlan(request, new Validation().That(stage is >= 1 and <= 100, "stage", "stage is 1 to 100."), "");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<StagePlanView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<StagePlanView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.PlanStage) is { } forbidden)
            {
                return forbidden;
            }

            if (Stages.CheckPlannable(write.Project.Phase, write.Project.Stage, stage) is { } closed)
            {
                return closed;
            }

            var saved = await StageBaselines.SaveAsync(write, stage, null, ToleranceInput.ToPlan(stage, request, write.Actor.UserId, write.Now));
            return saved.Error is { } refused ? refused : saved.Value.Plan!;
        });
        return result;
    }
}
