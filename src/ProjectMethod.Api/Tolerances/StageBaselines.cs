using ProjectMethod.Api.Events;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>
/// A stage's plan (faseplan) and its tolerances are one baseline: the plan's planned end and budget are the plan values
/// of the time and cost tolerances. Whichever is set, both are saved, so they never disagree; a plan given with new
/// tolerances (an exception plan) wins over their plan values. Only what changes is written and audited.
/// </summary>
public static class StageBaselines
{
    public static async Task<Outcome<(ToleranceSet? Tolerances, StagePlanView? Plan)>> SaveAsync(
        ProjectWrite write, int stage, ToleranceSet? tolerances, StagePlanView? plan)
    {
        var (db, projectId) = (write.Db, write.Project.Id);
        var scope = ToleranceScope.OfStage(stage);
        var currentPlan = (await ToleranceStore.PlansAsync(db, projectId)).FirstOrDefault(p => p.Stage == stage);
        var currentTolerances = await ToleranceStore.GetAsync(db, projectId, scope);
        var (tolerancesGiven, planGiven) = (tolerances is not null, plan is not null);
        tolerances ??= currentTolerances;

        if (plan is not null && tolerances is not null)
        {
            tolerances = ToleranceRules.WithStagePlan(tolerances, plan.PlannedEnd, plan.Budget);
        }
        else if (plan is null && tolerances is not null)
        {
            var end = tolerances.ByDimension.TryGetValue(Dimension.Time, out var time) ? Dimensions.FromDayNumber(time.Plan) : currentPlan?.PlannedEnd;
            var budget = tolerances.ByDimension.TryGetValue(Dimension.Cost, out var cost) ? cost.Plan : currentPlan?.Budget;
            plan = end is { } plannedEnd && budget is { } amount
                ? new StagePlanView(stage, plannedEnd, amount, currentPlan?.ProductsInScope ?? 0, currentPlan?.Description ?? "", currentPlan?.CarriedProductIds ?? [], write.Actor.UserId, write.Now)
                : null;
        }

        // What was given is always written (and audited); what moves with it only when it changes.
        if (tolerances is not null && (tolerancesGiven || !SameValues(tolerances, currentTolerances)))
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

        if (planGiven && plan!.CarriedProductIds.Except(currentPlan?.CarriedProductIds ?? []).ToList() is { Count: > 0 } newlyCarried
            && await CheckCarriedAsync(write, plan.Stage, newlyCarried) is { } notCarriable)
        {
            return notCarriable;
        }

        if (plan is not null && (planGiven || currentPlan is null || plan with { SetBy = currentPlan.SetBy, SetAt = currentPlan.SetAt } != currentPlan))
        {
            await ToleranceStore.UpsertPlanAsync(db, projectId, plan);
            write.Record(EventTypes.StagePlanned, plan);
        }

        return (tolerances, plan);
    }

    private static bool SameValues(ToleranceSet set, ToleranceSet? current) =>
        current is not null && set.ByDimension.Count == current.ByDimension.Count
        && set.ByDimension.All(t => current.ByDimension.TryGetValue(t.Key, out var same) && same == t.Value);

    /// <summary>
    /// A stage plan takes on only products of this project from an earlier stage that are not yet accepted or removed;
    /// one it already carried stays carried when it is planned again, even if it has since been settled.
    /// </summary>
    private static async Task<DomainError?> CheckCarriedAsync(ProjectWrite write, int stage, IReadOnlyList<Guid> newlyCarried)
    {
        var products = (await ProductStore.ForProjectAsync(write.Db, write.Project.Id)).ToDictionary(p => p.Id);
        return newlyCarried
            .Select(id => ProductRules.CheckCarriable(id, products.TryGetValue(id, out var product) ? (product.Title, product.Stage, product.State) : null, stage))
            .FirstOrDefault(refused => refused is not null);
    }
}
