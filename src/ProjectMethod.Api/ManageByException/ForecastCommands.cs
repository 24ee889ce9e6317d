using ProjectMethod.Api.Events;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Risks;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Risks;
using ProjectMethod.Domain.Tolerances;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.ManageByException;

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

/// <summary>Judges a stage forecast on the stage and project levels, keeps it as history, and raises what breaches.</summary>
public static class Forecasting
{
    public static async Task<Outcome<ForecastView>> JudgeStageAsync(
        ProjectWrite write, int stage, Dictionary<Dimension, decimal> values, Dictionary<Dimension, decimal>? projectValues, string comment,
        ToleranceSettings settings, HighlightNarrative? narrative = null)
    {
        var sets = await ToleranceStore.AllAsync(write.Db, write.Project.Id);
        var stageTolerance = sets.GetValueOrDefault(ToleranceScope.OfStage(stage));
        var projectTolerance = sets.GetValueOrDefault(ToleranceScope.Project);
        if (ToleranceRules.CheckJudgeable(stage, stageTolerance is not null, projectValues is not null, projectTolerance is not null) is { } unjudgeable)
        {
            return unjudgeable;
        }

        var measured = await MeasureAsync(write.Db, write.Project.Id, stage, null, settings);
        var missing = MissingByHand(measured, settings, ("values", values), ("projectValues", projectValues));
        if (missing.Count > 0)
        {
            return Validation.RefusalOf(missing);
        }

        measured = Apply(measured, values, projectValues);
        if (projectValues is null && projectTolerance is not null)
        {
            var plans = (await ToleranceStore.PlansAsync(write.Db, write.Project.Id)).Select(p => new StageBaseline(p.Stage, p.PlannedEnd, p.Budget)).ToList();
            projectValues = ProjectForecast.Derive(stage, values, plans, projectTolerance);
            foreach (var m in measured.Where(m => m.Project is not null && projectValues.ContainsKey(m.Dimension)))
            {
                projectValues[m.Dimension] = m.Project!.Value;
            }
        }

        var stageEvaluation = ToleranceRules.Evaluate(stageTolerance!, values, settings.AtRiskThreshold);
        var projectEvaluation = projectValues is null ? null : ToleranceRules.Evaluate(projectTolerance!, projectValues, settings.AtRiskThreshold);
        var evaluation = new EvaluationView(stageEvaluation.Select(DimensionView.From).ToList(), projectEvaluation?.Select(DimensionView.From).ToList(), null);

        var id = Ids.New(write.Now);
        await ForecastStore.InsertAsync(write.Db, new ForecastRecord(
            id, write.Project.Id, ForecastLevel.Stage, stage, null, values, projectValues, comment, evaluation, write.Actor.UserId, write.Now)
        {
            Narrative = narrative,
        });
        var open = await ExceptionStore.OpenBreachesAsync(write.Db, write.Project.Id);
        var breaches = Breaches.ToRaise(ToleranceLevel.Stage, stage, null, stageEvaluation, open)
            .Concat(Breaches.ToRaise(ToleranceLevel.Project, stage, null, projectEvaluation ?? [], open))
            .ToList();
        var raised = await ExceptionStore.RaiseAsync(write, breaches, id);
        write.Record(EventTypes.ForecastSubmitted, new ForecastSubmittedData(id, stage, null, evaluation, measured, raised.Select(r => r.Id).ToList(), []));
        await Programmes.ProgrammeJudging.JudgeAsync(write, projectValues, settings.AtRiskThreshold);
        return new ForecastView(id, stage, null, comment, evaluation, raised, [], measured, write.Actor.UserId, write.Now, narrative);
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
    /// The registers act on their own: when a risk is recorded, changed or closed, a review finds defects, or a product
    /// is removed from scope during execution, the measured dimension is judged at once against the stage's and the
    /// project's tolerance, and a breach raises an exception without waiting for the next highlight report. Nothing is
    /// written when nothing breaches.
    /// </summary>
    public static async Task<IReadOnlyList<ExceptionView>> JudgeMeasuredAsync(ProjectWrite write, ToleranceSettings settings, Dimension dimension)
    {
        if (write.Project.Phase != Domain.Phases.Phase.Execution || write.Project.Stage is not { } stage || !settings.Dimensions.Contains(dimension))
        {
            return [];
        }

        // Only the dimension that moved is measured: a risk reads the register, a review or a removal the products.
        var only = new ToleranceSettings { Dimensions = [dimension], AtRiskThreshold = settings.AtRiskThreshold };
        if ((await MeasureAsync(write.Db, write.Project.Id, stage, null, only)).FirstOrDefault(m => m.Dimension == dimension) is not { } measured)
        {
            return [];
        }

        var sets = await ToleranceStore.AllAsync(write.Db, write.Project.Id);
        var stageValue = new Dictionary<Dimension, decimal> { [dimension] = measured.Stage };
        var projectValue = new Dictionary<Dimension, decimal> { [dimension] = measured.Project ?? measured.Stage };
        var stageEvaluation = sets.GetValueOrDefault(ToleranceScope.OfStage(stage)) is { } stageTolerance
            ? ToleranceRules.Evaluate(stageTolerance, stageValue, settings.AtRiskThreshold) : [];
        var projectEvaluation = sets.GetValueOrDefault(ToleranceScope.Project) is { } projectTolerance
            ? ToleranceRules.Evaluate(projectTolerance, projectValue, settings.AtRiskThreshold) : [];
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
        var level = dimension == Dimension.Risk ? ForecastLevel.Risk : ForecastLevel.Products;
        var what = measured.Source switch
        {
            MeasuredFrom.UncertaintyRegister => "The uncertainty register's exposure",
            MeasuredFrom.QualityRegister => "The open defects of the quality register",
            _ => "The products removed from scope",
        };
        await ForecastStore.InsertAsync(write.Db, new ForecastRecord(
            id, write.Project.Id, level, stage, null, stageValue, projectValue, $"{what}, judged when it changed.", evaluation, write.Actor.UserId, write.Now));
        return await ExceptionStore.RaiseAsync(write, breaches, id);
    }

    /// <summary>
    /// The dimensions measured, not typed: risk is always the register's exposure; quality (open defects) and scope
    /// (products removed) come from the products once the project has any. For a work package they always come from its
    /// own products, and only from them.
    /// </summary>
    public static async Task<IReadOnlyList<MeasuredValue>> MeasureAsync(DbSession db, Guid projectId, int stage, Guid? workPackageId, ToleranceSettings settings)
    {
        var measured = new List<MeasuredValue>();
        if (settings.Dimensions.Contains(Dimension.Risk))
        {
            var exposure = RiskRules.Exposure((await RiskStore.ForProjectAsync(db, projectId)).Select(r => r.ToDomain()));
            measured.Add(new MeasuredValue(Dimension.Risk, exposure, workPackageId is null ? exposure : null, null, MeasuredFrom.UncertaintyRegister));
        }

        if (!settings.Dimensions.Contains(Dimension.Quality) && !settings.Dimensions.Contains(Dimension.Scope))
        {
            return measured;
        }

        var products = ProductStore.Facts(await ProductStore.ForProjectAsync(db, projectId));
        if (products.Count == 0 && workPackageId is null)
        {
            return measured;
        }

        var own = workPackageId is null ? products.Where(p => p.Stage == stage).ToList() : products.Where(p => p.WorkPackageId == workPackageId).ToList();
        if (settings.Dimensions.Contains(Dimension.Quality))
        {
            measured.Add(new MeasuredValue(Dimension.Quality, ProductMeasures.OpenDefects(own),
                workPackageId is null ? ProductMeasures.OpenDefects(products) : null, null, MeasuredFrom.QualityRegister));
        }

        if (settings.Dimensions.Contains(Dimension.Scope))
        {
            measured.Add(workPackageId is null
                ? new MeasuredValue(Dimension.Scope, ProductMeasures.RemovedFromScope(products, stage), ProductMeasures.RemovedFromScope(products), null, MeasuredFrom.ProductScope)
                : new MeasuredValue(Dimension.Scope, ProductMeasures.RemovedFromScope(own), null, null, MeasuredFrom.ProductScope));
        }

        return measured;
    }

    /// <summary>The measured values replace whatever the forecast gave; each keeps what was given, so the answer says which was used.</summary>
    public static IReadOnlyList<MeasuredValue> Apply(
        IReadOnlyList<MeasuredValue> measured, Dictionary<Dimension, decimal> values, Dictionary<Dimension, decimal>? projectValues)
    {
        var applied = new List<MeasuredValue>(measured.Count);
        foreach (var m in measured)
        {
            applied.Add(m with { Given = values.TryGetValue(m.Dimension, out var given) && m.Dimension != Dimension.Risk ? given : null });
            values[m.Dimension] = m.Stage;
            if (projectValues is not null && m.Project is { } project)
            {
                projectValues[m.Dimension] = project;
            }
        }

        return applied;
    }

    /// <summary>A dimension that may be measured but is not (quality and scope before the project has products) must be forecast.</summary>
    public static Dictionary<string, string[]> MissingByHand(
        IReadOnlyList<MeasuredValue> measured, ToleranceSettings settings, params (string Field, Dictionary<Dimension, decimal>? Values)[] forecasts)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, values) in forecasts)
        {
            foreach (var dimension in settings.Dimensions.Where(d => ToleranceInput.MayBeMeasured(d) && d != Dimension.Risk))
            {
                if (values is not null && !values.ContainsKey(dimension) && measured.All(m => m.Dimension != dimension))
                {
                    errors[$"{field}.{ToleranceRules.Name(dimension)}"] =
                        [$"A forecast for {ToleranceRules.Name(dimension)} is required until the project has products to measure it by."];
                }
            }
        }

        return errors;
    }
}
