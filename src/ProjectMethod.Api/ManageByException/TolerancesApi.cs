using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>The stage plans and tolerances of a project, and its work packages.</summary>
public sealed record StageView(int Stage, StagePlanView? Plan, ToleranceSetView? Tolerances);

public sealed record TolerancesView(IReadOnlyList<ToleranceView>? Project, IReadOnlyList<StageView> Stages, IReadOnlyList<Dimension> ActiveDimensions);

public static class TolerancesApi
{
    public static IEndpointRouteBuilder MapTolerances(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Tolerances");
        group.MapGet("/tolerances", async (Guid id, HttpContext http, ToleranceReader reader, CancellationToken cancellationToken) =>
                TypedResults.Ok(await reader.ReadAsync(ProjectScope.Project(http), cancellationToken))).WithName(Operations.GetTolerances)
            .WithSummary("The project tolerance, and each stage's plan and tolerances")
            .WithDescription("Any employee may read them.").WithProblems(404);
        group.MapPut("/tolerances/project", async (Guid id, ToleranceSetRequest request, HttpContext http, ToleranceCommands commands) =>
                (await commands.SetProjectAsync(id, request, http.Caller())).AsOk(http)).WithName(Operations.SetProjectTolerances).Allows(ProjectAction.SetProjectTolerances)
            .WithSummary("Set the project tolerances").WithDescription("The portfolio board, which owns them. A dimension the project's handbook does not use is refused.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/stages/{stage:int}/tolerances", async (Guid id, int stage, ToleranceSetRequest request, HttpContext http, ToleranceCommands commands) =>
                (await commands.SetStageAsync(id, stage, request, http.Caller())).AsOk(http)).WithName(Operations.SetStageTolerances).Allows(ProjectAction.SetStageTolerances)
            .WithSummary("Set a stage's tolerances")
            .WithDescription("The Executive, inside the project tolerance: a tolerance past it is refused naming the limit. The time and cost plan values are the stage plan's planned end and budget: setting one sets the other.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/stages/{stage:int}/plan", async (Guid id, int stage, StagePlanRequest request, HttpContext http, ToleranceCommands commands) =>
                (await commands.SetPlanAsync(id, stage, request, http.Caller())).AsOk(http)).WithName(Operations.PlanStage).Allows(ProjectAction.PlanStage)
            .WithSummary("Plan a stage")
            .WithDescription("The Project Manager: planned end, budget and the products in scope of the stage. They are the plan values of the stage's time and cost tolerances, which move with them (and must still lie inside the project's).")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }
}
