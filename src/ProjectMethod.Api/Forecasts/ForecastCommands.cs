using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Forecasts;

/// <summary>The Project Manager's highlight report (a forecast): the use case the API and the web pages share.</summary>
public sealed class ForecastCommands(ProjectWrites writes)
{
    /// <summary>A highlight report: the stage forecast judged at once against the stage and the project tolerances; what breaches raises an exception.</summary>
    public async Task<WriteResult<ForecastView>> SubmitAsync(Guid id, SubmitForecast request, Caller caller)
    {
        var validation = new Validation().Required("stage", request.Stage).Text("comment", request.Comment, Validation.LongText, required: false);
        var narrative = Narrative(request.Narrative, validation);
        var values = ToleranceInput.Read(request.Values, validation, "values");
        var projectValues = request.ProjectValues is null ? null : ToleranceInput.Read(request.ProjectValues, validation, "projectValues");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ForecastView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ForecastView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.SubmitForecast) is { } forbidden)
            {
                return forbidden;
            }

            if (Stages.CheckUnderWay(write.Project.Phase, write.Project.Stage, request.Stage!.Value) is { } notUnderWay)
            {
                return notUnderWay;
            }

            var tailoring = await write.TolerancesAsync();
            var inactive = ToleranceInput.CheckForecast(values, tailoring.Dimensions, "values");
            if (ToleranceInput.CheckForecast(projectValues, tailoring.Dimensions, "projectValues", inactive) is { IsValid: false })
            {
                return inactive.ToError();
            }

            var commented = new Validation();
            foreach (var dimension in narrative?.DimensionComments?.Keys ?? [])
            {
                commented.That(tailoring.Dimensions.Any(d => Domain.Tolerances.ToleranceRules.Name(d) == dimension), $"narrative.dimensionComments.{dimension}",
                    $"{dimension} is not an active tolerance dimension.");
            }

            if (!commented.IsValid)
            {
                return commented.ToError();
            }

            return await Forecasting.JudgeStageAsync(write, request.Stage!.Value, values, projectValues, request.Comment?.Trim() ?? "", tailoring, narrative);
        });
        return result;
    }

    /// <summary>The narrative trimmed, each part at most a long text; none when it tells nothing.</summary>
    private static HighlightNarrative? Narrative(HighlightNarrative? narrative, Validation validation)
    {
        if (narrative is null || narrative.TellsNothing())
        {
            return null;
        }

        validation.Text("narrative.achieved", narrative.Achieved, Validation.LongText, required: false)
            .Text("narrative.next", narrative.Next, Validation.LongText, required: false)
            .Text("narrative.issuesAndRisks", narrative.IssuesAndRisks, Validation.LongText, required: false)
            .That((narrative.DimensionComments?.Count ?? 0) <= 10, "narrative.dimensionComments", "At most 10 dimension comments.");
        foreach (var (dimension, comment) in narrative.DimensionComments ?? new Dictionary<string, string>())
        {
            validation.Text($"narrative.dimensionComments.{dimension}", comment, Validation.LongText, required: false);
        }

        static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return new HighlightNarrative(Trimmed(narrative.Achieved), Trimmed(narrative.Next), Trimmed(narrative.IssuesAndRisks),
            narrative.DimensionComments?.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim()) is { Count: > 0 } comments
                ? comments
                : null);
    }
}
