using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Forecasts;

/// <summary>The Project Manager's highlight report: forecasts at the end of the stage and, optionally, of the project.</summary>
public sealed record SubmitForecast(int? Stage, ForecastValues? Values, ForecastValues? ProjectValues = null, string? Comment = null);

public static class ForecastsApi
{
    public static IEndpointRouteBuilder MapForecasts(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Exceptions");
        group.MapPost("/forecasts", Forecast).WithName("submitForecast").Allows(ProjectAction.SubmitForecast)
            .WithSummary("Submit the stage forecast (highlight report)")
            .WithDescription("The Project Manager, for the current stage. Judged against the stage tolerance and the project tolerance (projectValues, or derived from the stage's: see the README); risk is the register's exposure, and once the project has products its quality (open defects) and scope (products removed) are measured from them, whatever the forecast gives: measured says which values were used. A dimension exceeded raises one exception, not a duplicate while it is open.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/forecasts", History).WithName("listForecasts").WithSummary("The history of forecasts, oldest first")
            .WithDescription("Every highlight report, work-package forecast and benefit forecast with its judgement as it was made; paged with limit and cursor.")
            .WithProblems(400, 404);
        return app;
    }

    private static async Task<Results<Ok<Page<ForecastEntry>>, ProblemHttpResult>> History(
        Guid id, Database database, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(paging.ToPage(await database.ReadAsync(db => ForecastStore.PageAsync(db, id, paging), cancellationToken), f => f.Id));
    }

    private static async Task<Results<Created<ForecastView>, ProblemHttpResult>> Forecast(
        Guid id, SubmitForecast request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Required("stage", request.Stage).Text("comment", request.Comment, Validation.LongText, required: false);
        var values = ToleranceInput.Read(request.Values, validation, "values");
        var projectValues = request.ProjectValues is null ? null : ToleranceInput.Read(request.ProjectValues, validation, "projectValues");
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ForecastView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.SubmitForecast) is { } forbidden)
            {
                return forbidden;
            }

            if (write.Project.Phase != Phase.Execution || write.Project.Stage != request.Stage)
            {
                return DomainError.Conflict("not-the-current-stage", "Not the current stage",
                    $"Forecasts are for the stage under way; the project is {write.Project.Phase.Wire()}{(write.Project.Stage is { } s ? $" in stage {s}" : "")}.");
            }

            var tailoring = await write.TolerancesAsync();
            var inactive = ToleranceInput.CheckForecast(values, tailoring.Dimensions, "values");
            if (ToleranceInput.CheckForecast(projectValues, tailoring.Dimensions, "projectValues", inactive) is { IsValid: false })
            {
                return inactive.ToError();
            }

            return await Forecasting.JudgeStageAsync(write, request.Stage!.Value, values, projectValues, request.Comment?.Trim() ?? "", tailoring);
        });
        return result.Problem ?? (Results<Created<ForecastView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/exceptions", result.Value);
    }
}
