using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Tolerances;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.ManageByException;

/// <summary>The project's and the stages' tolerances and the stage plans: the use cases the API and the web pages share.</summary>
public sealed class ToleranceCommands(ProjectWrites writes, Database database)
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

            if ((await ToleranceNesting.CheckInnerAsync(write.Db, id, ToleranceScope.Project, set!)
                 ?? await Programmes.ProgrammeNesting.CheckMemberAsync(database, write, set!)) is { } outside)
            {
                return outside;
            }

            await ToleranceStore.ReplaceAsync(write.Db, id, ToleranceScope.Project, set!, write.Actor.UserId, write.Now);
            var view = ToleranceSetView.From(set!, null, null);
            write.Record(EventTypes.TolerancesSet, view);
            await Programmes.ProgrammeNesting.LogMemberTolerancesAsync(write, set!);
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

/// <summary>The tolerances inside the one being set: the stages' inside the project's, a stage's work packages' inside the stage's.</summary>
public static class ToleranceNesting
{
    /// <summary>Null when every inner tolerance still lies inside the proposed one; otherwise the refusal naming the first that would not.</summary>
    public static async Task<DomainError?> CheckInnerAsync(DbSession db, Guid projectId, ToleranceScope scope, ToleranceSet proposed)
    {
        var sets = await ToleranceStore.AllAsync(db, projectId);
        var inners = scope.Level switch
        {
            ToleranceLevel.Project => sets.Where(s => s.Key.Level == ToleranceLevel.Stage).OrderBy(s => s.Key.Stage)
                .Select(s => ($"The stage {s.Key.Stage} tolerance", s.Value)).ToList(),
            ToleranceLevel.Stage => (await WorkPackageStore.ForProjectAsync(db, projectId)).Where(p => p.Stage == scope.Stage)
                .Select(p => (Package: p, Set: sets.GetValueOrDefault(ToleranceScope.OfWorkPackage(p.Id))))
                .Where(p => p.Set is not null)
                .Select(p => ($"The tolerance of work package '{p.Package.Title}'", p.Set!)).ToList(),
            _ => [],
        };
        return ToleranceRules.CheckInnerInside(proposed, inners);
    }
}
