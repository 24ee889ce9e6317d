using System.Text.Json;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Exceptions;

/// <summary>A highlight report's forecast, judged, and the exceptions it raised.</summary>
public sealed record ForecastView(
    Guid Id, int Stage, Guid? WorkPackageId, string Comment, EvaluationView Evaluation, IReadOnlyList<ExceptionView> RaisedExceptions,
    IReadOnlyList<IssueView> RaisedIssues, string SubmittedBy, Instant SubmittedAt);

/// <summary>Judges a stage forecast on the stage and project levels, keeps it as history, and raises what breaches.</summary>
public static class Forecasting
{
    public static async Task<Outcome<ForecastView>> JudgeStageAsync(
        ProjectWrite write, int stage, Dictionary<Dimension, decimal> values, Dictionary<Dimension, decimal>? projectValues, string comment,
        ToleranceSettings settings)
    {
        var sets = await ToleranceStore.AllAsync(write.Connection, write.Transaction, write.Project.Id, write.CancellationToken);
        if (sets.GetValueOrDefault(ToleranceStore.StageScope(stage)) is not { } stageTolerance)
        {
            return DomainError.Conflict("no-stage-tolerance", "No stage tolerance", $"Stage {stage} has no tolerances to judge a forecast against.");
        }

        var projectTolerance = sets.GetValueOrDefault(ToleranceStore.ProjectScope);
        if (projectValues is not null && projectTolerance is null)
        {
            return DomainError.Conflict("no-project-tolerance", "No project tolerance", "The project has no tolerances to judge projectValues against.");
        }

        await AddRiskExposure(write, settings, values, projectValues);
        var stageEvaluation = ToleranceRules.Evaluate(stageTolerance, values, settings.AtRiskThreshold);
        var projectEvaluation = projectValues is null ? null : ToleranceRules.Evaluate(projectTolerance!, projectValues, settings.AtRiskThreshold);
        var evaluation = new EvaluationView(stageEvaluation.Select(DimensionView.From).ToList(), projectEvaluation?.Select(DimensionView.From).ToList(), null);

        var id = Ids.New(write.Now);
        await InsertAsync(write, id, "stage", stage, null, values, projectValues, comment, evaluation);
        var open = await ExceptionStore.OpenBreachesAsync(write.Connection, write.Transaction, write.Project.Id, write.CancellationToken);
        var breaches = Breaches.ToRaise(ToleranceLevel.Stage, stage, null, stageEvaluation, open)
            .Concat(Breaches.ToRaise(ToleranceLevel.Project, stage, null, projectEvaluation ?? [], open))
            .ToList();
        var raised = await ExceptionStore.RaiseAsync(write, breaches, id);
        write.Record(EventTypes.ForecastSubmitted, new { forecastId = id, stage, evaluation, raised = raised.Select(r => r.Id) });
        return new ForecastView(id, stage, null, comment, evaluation, raised, [], write.Actor.UserId, write.Now);
    }

    /// <summary>The newest stage forecast judged again, as after an exception plan or new tolerances became the baseline.</summary>
    public static async Task<ForecastView?> RejudgeLatestAsync(ProjectWrite write, int stage, ToleranceSettings settings)
    {
        var latest = await write.Connection.QueryFirstOrDefaultAsync<(string Values, string? ProjectValues)?>(write.Command(
            """
            SELECT forecast_values, project_values FROM forecasts
            WHERE project_id = @id AND level = 'stage' AND stage = @stage ORDER BY id DESC LIMIT 1
            """, new { id = write.Project.Id, stage }));
        if (latest is not { } row)
        {
            return null;
        }

        var values = JsonSerializer.Deserialize<Dictionary<Dimension, decimal>>(row.Values, Json.Options)!;
        var projectValues = row.ProjectValues is null ? null : JsonSerializer.Deserialize<Dictionary<Dimension, decimal>>(row.ProjectValues, Json.Options);
        var outcome = await JudgeStageAsync(write, stage, values, projectValues, "Judged again against the new baseline.", settings);
        return outcome.Value;
    }

    public static async Task AddRiskExposure(ProjectWrite write, ToleranceSettings settings, Dictionary<Dimension, decimal> values, Dictionary<Dimension, decimal>? projectValues)
    {
        if (!settings.Dimensions.Contains(Dimension.Risk))
        {
            return;
        }

        var exposure = await RisksApi.ExposureAsync(write.Connection, write.Transaction, write.Project.Id, write.CancellationToken);
        values[Dimension.Risk] = exposure;
        if (projectValues is not null)
        {
            projectValues[Dimension.Risk] = exposure;
        }
    }

    public static Task InsertAsync(
        ProjectWrite write, Guid id, string level, int stage, Guid? workPackageId, Dictionary<Dimension, decimal> values,
        Dictionary<Dimension, decimal>? projectValues, string comment, EvaluationView evaluation) =>
        write.Connection.ExecuteAsync(write.Command(
            """
            INSERT INTO forecasts (id, project_id, level, stage, work_package_id, forecast_values, project_values, comment, evaluation, submitted_by, submitted_at)
            VALUES (@id, @projectId, @level, @stage, @workPackageId, @values, @projectValues, @comment, @evaluation, @submittedBy, @at)
            """,
            new
            {
                id, projectId = write.Project.Id, level, stage, workPackageId,
                values = JsonSerializer.Serialize(values, Json.Options),
                projectValues = projectValues is null ? null : JsonSerializer.Serialize(projectValues, Json.Options),
                comment, evaluation = JsonSerializer.Serialize(evaluation, Json.Options), submittedBy = write.Actor.UserId, at = write.Now,
            }));

    /// <summary>The newest stage forecast's judgement, shown with the project.</summary>
    public static async Task<EvaluationView?> LatestAsync(System.Data.Common.DbConnection connection, Guid projectId, CancellationToken cancellationToken)
    {
        var json = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT evaluation FROM forecasts WHERE project_id = @projectId AND level = 'stage' ORDER BY id DESC LIMIT 1",
            new { projectId }, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<EvaluationView>(json, Json.Options);
    }
}
