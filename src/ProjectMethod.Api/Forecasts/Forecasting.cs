using ProjectMethod.Api.Events;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Api.WorkPackages;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Risks;
using ProjectMethod.Domain.Tolerances;
using NodaTime;

namespace ProjectMethod.Api.Forecasts;

/// <summary>A highlight report's forecast, judged, and the exceptions (or, for a work package, the issues) it raised.</summary>
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
        var sets = await ToleranceStore.AllAsync(write.Db, write.Project.Id);
        if (sets.GetValueOrDefault(ToleranceScope.OfStage(stage)) is not { } stageTolerance)
        {
            return DomainError.Conflict("no-stage-tolerance", "No stage tolerance", $"Stage {stage} has no tolerances to judge a forecast against.");
        }

        var projectTolerance = sets.GetValueOrDefault(ToleranceScope.Project);
        if (projectValues is not null && projectTolerance is null)
        {
            return DomainError.Conflict("no-project-tolerance", "No project tolerance", "The project has no tolerances to judge projectValues against.");
        }

        await AddRiskExposure(write, settings, values, projectValues);
        if (projectValues is null && projectTolerance is not null)
        {
            var plans = (await ToleranceStore.PlansAsync(write.Db, write.Project.Id)).Select(p => new StageBaseline(p.Stage, p.PlannedEnd, p.Budget)).ToList();
            projectValues = ProjectForecast.Derive(stage, values, plans, projectTolerance);
        }

        var stageEvaluation = ToleranceRules.Evaluate(stageTolerance, values, settings.AtRiskThreshold);
        var projectEvaluation = projectValues is null ? null : ToleranceRules.Evaluate(projectTolerance!, projectValues, settings.AtRiskThreshold);
        var evaluation = new EvaluationView(stageEvaluation.Select(DimensionView.From).ToList(), projectEvaluation?.Select(DimensionView.From).ToList(), null);

        var id = Ids.New(write.Now);
        await ForecastStore.InsertAsync(write.Db, new ForecastRecord(
            id, write.Project.Id, ForecastLevel.Stage, stage, null, values, projectValues, comment, evaluation, write.Actor.UserId, write.Now));
        var open = await ExceptionStore.OpenBreachesAsync(write.Db, write.Project.Id);
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
        if (await ForecastStore.LatestStageValuesAsync(write.Db, write.Project.Id, stage) is not { } latest)
        {
            return null;
        }

        var outcome = await JudgeStageAsync(write, stage, latest.Values, latest.ProjectValues, "Judged again against the new baseline.", settings);
        return outcome.Value;
    }

    /// <summary>
    /// The uncertainty register acts on its own: when a risk is recorded, changed or closed during execution, its exposure
    /// is judged at once against the stage's and the project's risk tolerance, and a breach raises an exception without
    /// waiting for the next highlight report. Nothing is written when nothing breaches.
    /// </summary>
    public static async Task<IReadOnlyList<ExceptionView>> JudgeRiskRegisterAsync(ProjectWrite write, ToleranceSettings settings)
    {
        if (write.Project.Phase != Domain.Phases.Phase.Execution || write.Project.Stage is not { } stage || !settings.Dimensions.Contains(Dimension.Risk))
        {
            return [];
        }

        var sets = await ToleranceStore.AllAsync(write.Db, write.Project.Id);
        var exposure = new Dictionary<Dimension, decimal>
        {
            [Dimension.Risk] = RiskRules.Exposure((await RiskStore.ForProjectAsync(write.Db, write.Project.Id)).Select(r => r.ToDomain())),
        };
        var stageEvaluation = sets.GetValueOrDefault(ToleranceScope.OfStage(stage)) is { } stageTolerance
            ? ToleranceRules.Evaluate(stageTolerance, exposure, settings.AtRiskThreshold) : [];
        var projectEvaluation = sets.GetValueOrDefault(ToleranceScope.Project) is { } projectTolerance
            ? ToleranceRules.Evaluate(projectTolerance, exposure, settings.AtRiskThreshold) : [];
        var open = await ExceptionStore.OpenBreachesAsync(write.Db, write.Project.Id);
        var breaches = Breaches.ToRaise(ToleranceLevel.Stage, stage, null, stageEvaluation, open)
            .Concat(Breaches.ToRaise(ToleranceLevel.Project, stage, null, projectEvaluation, open))
            .ToList();
        if (breaches.Count == 0)
        {
            return [];
        }

        var evaluation = new EvaluationView(stageEvaluation.Select(DimensionView.From).ToList(), projectEvaluation.Select(DimensionView.From).ToList(), null);
        var id = Ids.New(write.Now);
        await ForecastStore.InsertAsync(write.Db, new ForecastRecord(
            id, write.Project.Id, ForecastLevel.Risk, stage, null, exposure, exposure, "The uncertainty register's exposure, judged when it changed.",
            evaluation, write.Actor.UserId, write.Now));
        return await ExceptionStore.RaiseAsync(write, breaches, id);
    }

    /// <summary>The risk dimension is never typed: it is the uncertainty register's exposure at the time of the forecast.</summary>
    public static async Task AddRiskExposure(ProjectWrite write, ToleranceSettings settings, Dictionary<Dimension, decimal> values, Dictionary<Dimension, decimal>? projectValues)
    {
        if (!settings.Dimensions.Contains(Dimension.Risk))
        {
            return;
        }

        var exposure = RiskRules.Exposure((await RiskStore.ForProjectAsync(write.Db, write.Project.Id)).Select(r => r.ToDomain()));
        values[Dimension.Risk] = exposure;
        if (projectValues is not null)
        {
            projectValues[Dimension.Risk] = exposure;
        }
    }
}
