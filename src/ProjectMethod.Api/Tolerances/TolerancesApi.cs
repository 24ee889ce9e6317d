using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>The stage plans and tolerances of a project, and its work packages.</summary>
public sealed record StageView(int Stage, StagePlanView? Plan, ToleranceSetView? Tolerances);

public sealed record TolerancesView(IReadOnlyList<ToleranceView>? Project, IReadOnlyList<StageView> Stages, IReadOnlyList<Dimension> ActiveDimensions);

public static class TolerancesApi
{
    public static IEndpointRouteBuilder MapTolerances(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Tolerances");
        group.MapGet("/tolerances", Get).WithName("getTolerances")
            .WithSummary("The project tolerance, and each stage's plan and tolerances")
            .WithDescription("Any employee may read them.").WithProblems(404);
        group.MapPut("/tolerances/project", SetProject).WithName("setProjectTolerances").Allows(ProjectAction.SetProjectTolerances)
            .WithSummary("Set the project tolerances").WithDescription("The portfolio board, which owns them. A dimension the project's handbook does not use is refused.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/stages/{stage:int}/tolerances", SetStage).WithName("setStageTolerances").Allows(ProjectAction.SetStageTolerances)
            .WithSummary("Set a stage's tolerances")
            .WithDescription("The Executive, inside the project tolerance: a tolerance past it is refused naming the limit. The time and cost plan values are the stage plan's planned end and budget: setting one sets the other.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/stages/{stage:int}/plan", SetPlan).WithName("planStage").Allows(ProjectAction.PlanStage)
            .WithSummary("Plan a stage")
            .WithDescription("The Project Manager: planned end, budget and the products in scope of the stage. They are the plan values of the stage's time and cost tolerances, which move with them (and must still lie inside the project's).")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<TolerancesView>> Get(Guid id, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var pinned = ProjectScope.Project(http);
        var (sets, plans, handbook) = await database.ReadAsync(
            async db => (await ToleranceStore.AllAsync(db, id), await ToleranceStore.PlansAsync(db, id),
                (await HandbookStore.GetAsync(db, pinned.HandbookSector, pinned.HandbookVersion)).Version), cancellationToken);
        var stages = plans.Select(p => p.Stage)
            .Concat(sets.Keys.Where(s => s.Level == ToleranceLevel.Stage).Select(s => s.Stage!.Value))
            .Distinct().Order()
            .Select(n => new StageView(n, plans.FirstOrDefault(p => p.Stage == n),
                sets.GetValueOrDefault(ToleranceScope.OfStage(n)) is { } set ? ToleranceSetView.From(set, n, null) : null))
            .ToList();
        var project = sets.GetValueOrDefault(ToleranceScope.Project);
        return TypedResults.Ok(new TolerancesView(project is null ? null : ToleranceSetView.From(project, null, null).Tolerances, stages, handbook.Dimensions));
    }

    private static async Task<Results<Ok<ToleranceSetView>, ProblemHttpResult>> SetProject(
        Guid id, ToleranceSetRequest request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation();
        var set = ToleranceInput.Read(ToleranceLevel.Project, request, ToleranceInput.AllDimensions, validation);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ToleranceSetView>(http, id, async write =>
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
        return result.Problem ?? (Results<Ok<ToleranceSetView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<ToleranceSetView>, ProblemHttpResult>> SetStage(
        Guid id, int stage, ToleranceSetRequest request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().That(stage is >= 1 and <= 100, "stage", "stage is 1 to 100.");
        var set = ToleranceInput.Read(ToleranceLevel.Stage, request, ToleranceInput.AllDimensions, validation);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ToleranceSetView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.SetStageTolerances) is { } forbidden)
            {
                return forbidden;
            }

            if (ToleranceInput.CheckActive(set, (await write.HandbookAsync()).Dimensions) is { IsValid: false } inactive)
            {
                return inactive.ToError();
            }

            if (CheckStageOpen(write.Project, stage) is { } closed)
            {
                return closed;
            }

            var saved = await StageBaselines.SaveAsync(write, stage, set!, null);
            return saved.Error is { } refused ? refused : ToleranceSetView.From(saved.Value.Tolerances!, stage, null);
        });
        return result.Problem ?? (Results<Ok<ToleranceSetView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<StagePlanView>, ProblemHttpResult>> SetPlan(
        Guid id, int stage, StagePlanRequest request, HttpContext http, ProjectWrites writes)
    {
        var validation = ToleranceInput.ValidatePlan(request, new Validation().That(stage is >= 1 and <= 100, "stage", "stage is 1 to 100."), "");
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<StagePlanView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.PlanStage) is { } forbidden)
            {
                return forbidden;
            }

            if (CheckStageOpen(write.Project, stage) is { } closed)
            {
                return closed;
            }

            var saved = await StageBaselines.SaveAsync(write, stage, null, ToleranceInput.ToPlan(stage, request, write.Actor.UserId, write.Now));
            return saved.Error is { } refused ? refused : saved.Value.Plan!;
        });
        return result.Problem ?? (Results<Ok<StagePlanView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    /// <summary>Stages are planned in planning and execution, and never a stage that is already over.</summary>
    private static DomainError? CheckStageOpen(ProjectRow project, int stage) =>
        project.Phase is not (Phase.Concept or Phase.Planning or Phase.Execution)
            ? DomainError.Conflict("stage-planning-closed", "Stage planning closed", $"Stages are planned before and during execution; the project is {project.Phase.Wire()}.")
            : project.Stage is { } current && stage < current
                ? DomainError.Conflict("stage-over", "Stage over", $"Stage {stage} is over; the project is in stage {current}.")
                : null;
}
