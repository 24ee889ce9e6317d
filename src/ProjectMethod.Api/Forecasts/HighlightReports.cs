using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Forecasts;

/// <summary>The Project Manager's highlight report (a forecast): the use case the API and the web pages share.</summary>
public static class HighlightReports
{
    /// <summary>A highlight report: the stage forecast judged at once against the stage and the project tolerances; what breaches raises an exception.</summary>
    public static async Task<WriteResult<ForecastView>> SubmitAsync(Guid id, SubmitForecast request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Required("stage", request.Stage).Text("comment", request.Comment, Validation.LongText, required: false);
        var values = ToleranceInput.Read(request.Values, validation, "values");
        var projectValues = request.ProjectValues is null ? null : ToleranceInput.Read(request.ProjectValues, validation, "projectValues");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ForecastView>(Problems.Validation(validation.Errors));
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
        return result;
    }
}
