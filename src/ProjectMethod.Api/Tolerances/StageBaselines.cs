using ProjectMethod.Api.Events;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>
/// A stage's plan (faseplan) and its tolerances are one baseline: the plan's planned end and budget are the plan values
/// of the time and cost tolerances. Whichever is set, both are saved, so they never disagree; a plan given with new
/// tolerances (an exception plan) wins over their plan values.
/// </summary>
public static class StageBaselines
{
    public static async Task<Outcome<(ToleranceSet? Tolerances, StagePlanView? Plan)>> SaveAsync(
        ProjectWrite write, int stage, ToleranceSet? tolerances, StagePlanView? plan)
    {
        var (db, projectId) = (write.Db, write.Project.Id);
        var scope = ToleranceScope.OfStage(stage);
        var currentPlan = (await ToleranceStore.PlansAsync(db, projectId)).FirstOrDefault(p => p.Stage == stage);
        var settingTolerances = tolerances is not null;
        tolerances ??= await ToleranceStore.GetAsync(db, projectId, scope);

        if (plan is not null && tolerances is not null)
        {
            tolerances = ToleranceRules.WithStagePlan(tolerances, plan.PlannedEnd, plan.Budget);
        }
        else if (plan is null && tolerances is not null)
        {
            var end = tolerances.ByDimension.TryGetValue(Dimension.Time, out var time) ? Dimensions.FromDayNumber(time.Plan) : currentPlan?.PlannedEnd;
            var budget = tolerances.ByDimension.TryGetValue(Dimension.Cost, out var cost) ? cost.Plan : currentPlan?.Budget;
            plan = end is { } plannedEnd && budget is { } amount
                ? new StagePlanView(stage, plannedEnd, amount, currentPlan?.ProductsInScope ?? 0, currentPlan?.Description ?? "", write.Actor.UserId, write.Now)
                : null;
        }

        if (tolerances is not null && (settingTolerances || plan is not null))
        {
            var project = await ToleranceStore.GetAsync(db, projectId, ToleranceScope.Project);
            if (ExceptionRules.CheckAuthority(ToleranceLevel.Stage, tolerances, project) is { } limit)
            {
                return ToleranceRules.OutsideLimit(limit);
            }

            if (await ToleranceNesting.CheckInnerAsync(db, projectId, scope, tolerances) is { } innerOutside)
            {
                return innerOutside;
            }

            await ToleranceStore.ReplaceAsync(db, projectId, scope, tolerances, write.Actor.UserId, write.Now);
            write.Record(EventTypes.TolerancesSet, ToleranceSetView.From(tolerances, stage, null));
        }

        if (plan is not null && plan != currentPlan)
        {
            await ToleranceStore.UpsertPlanAsync(db, projectId, plan);
            write.Record(EventTypes.StagePlanned, plan);
        }

        return (tolerances, plan);
    }
}
