using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

public static class WorkPackagesApi
{
    public static IEndpointRouteBuilder MapWorkPackages(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Work packages");
        group.MapGet("/work-packages", ListPackages).WithName(Operations.ListWorkPackages).WithSummary("The work packages and their tolerances")
            .WithDescription("Any employee may read them.").WithProblems(404);
        group.MapPost("/work-packages", Create).WithName(Operations.CreateWorkPackage).Allows(ProjectAction.ManageWorkPackages).WithSummary("Authorise a work package with its tolerances")
            .WithDescription("The Project Manager, inside the stage's tolerance; the team manager must hold the teamManager role.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/work-packages/{workPackageId:guid}/tolerances", SetTolerances).WithName(Operations.SetWorkPackageTolerances).Allows(ProjectAction.ManageWorkPackages)
            .WithSummary("Change a work package's tolerances").WithDescription("The Project Manager, inside the stage's tolerance.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/work-packages/{workPackageId:guid}/forecasts", Forecast).WithName(Operations.ForecastWorkPackage).Allows(ProjectAccess.Before.TeamManager)
            .WithSummary("A team manager's forecast for the work package")
            .WithDescription("That work package's team manager. A forecast past the work package tolerance raises an issue for the Project Manager.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/issues", ListIssues).WithName(Operations.ListIssues).WithSummary("Issues raised for the Project Manager by work package forecasts")
            .WithDescription("Open and resolved, oldest first.").WithProblems(404);
        group.MapPost("/issues/{issueId:guid}/resolution", Resolve).WithName(Operations.ResolveIssue).Allows(ProjectAction.ResolveIssue).WithSummary("Resolve an issue")
            .WithDescription("The Project Manager.").WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ItemList<WorkPackageView>>> ListPackages(Guid id, Database database, CancellationToken cancellationToken)
    {
        var (sets, packages, products) = await database.ReadAsync(
            async db => (await ToleranceStore.AllAsync(db, id), await WorkPackageStore.ForProjectAsync(db, id), await ProductStore.ForProjectAsync(db, id)),
            cancellationToken);
        return TypedResults.Ok(new ItemList<WorkPackageView>(
            packages.Select(p => WorkPackageCommands.View(p, sets.GetValueOrDefault(ToleranceScope.OfWorkPackage(p.Id)), products)).ToList()));
    }

    private static async Task<Results<Created<WorkPackageView>, ProblemHttpResult>> Create(
        Guid id, CreateWorkPackage request, HttpContext http, WorkPackageCommands commands)
    {
        var result = (await commands.CreateAsync(id, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Created<WorkPackageView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/work-packages", result.Value);
    }

    private static async Task<Results<Ok<WorkPackageView>, ProblemHttpResult>> SetTolerances(
        Guid id, Guid workPackageId, ToleranceSetRequest request, HttpContext http, WorkPackageCommands commands)
    {
        var result = (await commands.SetTolerancesAsync(id, workPackageId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<WorkPackageView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<ForecastView>, ProblemHttpResult>> Forecast(
        Guid id, Guid workPackageId, WorkPackageForecast request, HttpContext http, WorkPackageCommands commands)
    {
        var result = (await commands.ForecastAsync(id, workPackageId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Created<ForecastView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/issues", result.Value);
    }

    private static async Task<Ok<ItemList<IssueView>>> ListIssues(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<IssueView>(await database.ReadAsync(db => WorkPackageStore.IssuesAsync(db, id), cancellationToken)));

    private static async Task<Results<Ok<IssueView>, ProblemHttpResult>> Resolve(
        Guid id, Guid issueId, ResolveIssue request, HttpContext http, WorkPackageCommands commands)
    {
        var result = (await commands.ResolveIssueAsync(id, issueId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<IssueView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }
}
