using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>Whose forecast a highlight report is.</summary>
public enum ForecastLevel
{
    /// <summary>The Project Manager's, for the stage under way.</summary>
    Stage,

    /// <summary>A team manager's, for a work package.</summary>
    WorkPackage,

    /// <summary>A benefit's forecast at its target date, in realisation.</summary>
    Benefit,

    /// <summary>The uncertainty register judged on its own, when a risk was recorded, changed or closed.</summary>
    Risk,

    /// <summary>The products judged on their own, when a review found defects or a product was removed from scope.</summary>
    Products,

    /// <summary>An issue's baseline change judged before it is approved: the stage plan and forecast moved by it.</summary>
    Change,
}

/// <summary>A forecast as stored, with its values and its judgement.</summary>
public sealed record ForecastRecord(
    Guid Id, Guid ProjectId, ForecastLevel Level, int Stage, Guid? WorkPackageId, IReadOnlyDictionary<Dimension, decimal> Values,
    IReadOnlyDictionary<Dimension, decimal>? ProjectValues, string Comment, EvaluationView Evaluation, string SubmittedBy, Instant SubmittedAt)
{
    /// <summary>A highlight report's narrative; none for other forecasts.</summary>
    public HighlightNarrative? Narrative { get; init; }
}

/// <summary>Forecast values as read back: the planned end as a date, the rest as numbers; risk is the register's exposure then.</summary>
public sealed record ForecastValuesView(
    LocalDate? Time, decimal? Cost, decimal? Quality, decimal? Scope, decimal? Risk, decimal? Benefit, decimal? Sustainability)
{
    public static ForecastValuesView From(IReadOnlyDictionary<Dimension, decimal> values) => new(
        values.TryGetValue(Dimension.Time, out var day) ? Dimensions.FromDayNumber(day) : null,
        values.TryGetValue(Dimension.Cost, out var cost) ? cost : null,
        values.TryGetValue(Dimension.Quality, out var quality) ? quality : null,
        values.TryGetValue(Dimension.Scope, out var scope) ? scope : null,
        values.TryGetValue(Dimension.Risk, out var risk) ? risk : null,
        values.TryGetValue(Dimension.Benefit, out var benefit) ? benefit : null,
        values.TryGetValue(Dimension.Sustainability, out var sustainability) ? sustainability : null);
}

/// <summary>One forecast of the project's history, with its judgement as it was made.</summary>
public sealed record ForecastEntry(
    Guid Id, ForecastLevel Level, int Stage, Guid? WorkPackageId, ForecastValuesView Values, ForecastValuesView? ProjectValues, string Comment,
    EvaluationView Evaluation, [property: Person] string SubmittedBy, Instant SubmittedAt, HighlightNarrative? Narrative = null);

/// <summary>Every forecast ever submitted: the history of highlight reports.</summary>
public static class ForecastStore
{
    private sealed record ValuesRow
    {
        public required string ForecastValues { get; init; }

        public string? ProjectValues { get; init; }
    }

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO forecasts (id, project_id, level, stage, work_package_id, forecast_values, project_values, comment, evaluation, submitted_by, submitted_at, narrative)
        VALUES (@Id, @ProjectId, @level, @Stage, @WorkPackageId, @values, @projectValues, @Comment, @evaluation, @SubmittedBy, @SubmittedAt, @narrative)
        """);

    private static readonly Sql LatestOfStage = Sql.Of(
        """
        SELECT forecast_values AS ForecastValues, project_values AS ProjectValues FROM forecasts
        WHERE project_id = @projectId AND level = @level AND stage = @stage ORDER BY id DESC LIMIT 1
        """);

    private const string EntryColumns =
        """
        id, level, stage, work_package_id AS WorkPackageId, forecast_values AS ForecastValues, project_values AS ProjectValues, comment,
               evaluation, submitted_by AS SubmittedBy, submitted_at AS SubmittedAt, narrative
        """;

    private static readonly Sql Page = Sql.Of($"SELECT {EntryColumns} FROM forecasts WHERE project_id = @projectId AND id > @after ORDER BY id LIMIT @limit");

    private static readonly Sql One = Sql.Of($"SELECT {EntryColumns} FROM forecasts WHERE project_id = @projectId AND id = @forecastId");

    private static readonly Sql AcrossPortfolio = Sql.Of(
        $"""
        SELECT project_id AS ProjectId, {EntryColumns} FROM forecasts
        WHERE id > @after AND submitted_at >= @since AND (@sector IS NULL OR project_id IN (SELECT id FROM projects WHERE sector = @sector))
        ORDER BY id LIMIT @limit
        """);

    private static readonly Sql SetRag = Sql.Of("UPDATE projects SET rag = @rag WHERE id = @projectId");

    private static readonly Sql Unrated = Sql.Of(
        """
        SELECT project_id AS ProjectId, evaluation FROM forecasts
        WHERE level = @level AND project_id IN (SELECT id FROM projects WHERE rag IS NULL) ORDER BY id
        """);

    private sealed record Rated
    {
        public required Guid ProjectId { get; init; }

        public required string Evaluation { get; init; }
    }

    /// <summary>Projects whose highlight reports were made before projects carried their RAG get it from the newest one.</summary>
    public static async Task<int> BackfillRagAsync(DbSession db)
    {
        var newest = (await db.ListAsync<Rated>(Unrated, new { level = ForecastLevel.Stage.Wire() })).GroupBy(r => r.ProjectId).Select(g => g.Last()).ToList();
        foreach (var row in newest)
        {
            var rag = WorstRag(JsonSerializer.Deserialize<EvaluationView>(row.Evaluation, Json.Options)!);
            await db.ExecuteAsync(SetRag, new { projectId = row.ProjectId, rag = rag?.Wire() });
        }

        return newest.Count;
    }

    private static readonly Sql LatestEvaluation = Sql.Of(
        """
        SELECT p.version AS Version,
               (SELECT f.evaluation FROM forecasts f WHERE f.project_id = p.id AND f.level = @level ORDER BY f.id DESC LIMIT 1) AS Evaluation
        FROM projects p WHERE p.id = @projectId
        """);

    /// <summary>Keeps a forecast; a highlight report also becomes the project's RAG, in the same transaction.</summary>
    public static async Task InsertAsync(DbSession db, ForecastRecord forecast)
    {
        await db.ExecuteAsync(Insert, new
        {
            forecast.Id, forecast.ProjectId, level = forecast.Level.Wire(), forecast.Stage, forecast.WorkPackageId,
            values = JsonSerializer.Serialize(forecast.Values, Json.Options),
            projectValues = forecast.ProjectValues is null ? null : JsonSerializer.Serialize(forecast.ProjectValues, Json.Options),
            forecast.Comment, evaluation = JsonSerializer.Serialize(forecast.Evaluation, Json.Options), forecast.SubmittedBy, forecast.SubmittedAt,
            narrative = forecast.Narrative is null ? null : JsonSerializer.Serialize(forecast.Narrative, Json.Options),
        });
        if (forecast.Level == ForecastLevel.Stage)
        {
            await db.ExecuteAsync(SetRag, new { projectId = forecast.ProjectId, rag = WorstRag(forecast.Evaluation)?.Wire() });
        }
    }

    /// <summary>The worst RAG of a judgement on every level it was judged on; null when nothing was judged.</summary>
    public static Rag? WorstRag(EvaluationView evaluation) =>
        (evaluation.Stage ?? []).Concat(evaluation.Project ?? []).Select(d => (Rag?)d.Rag).DefaultIfEmpty(null).Max();


    /// <summary>The values of the newest stage forecast of a stage: what is judged again after a new baseline.</summary>
    public static async Task<(Dictionary<Dimension, decimal> Values, Dictionary<Dimension, decimal>? ProjectValues)?> LatestStageValuesAsync(
        DbSession db, Guid projectId, int stage)
    {
        var row = await db.FirstOrDefaultAsync<ValuesRow>(LatestOfStage, new { projectId, level = ForecastLevel.Stage.Wire(), stage });
        return row is null
            ? null
            : (JsonSerializer.Deserialize<Dictionary<Dimension, decimal>>(row.ForecastValues, Json.Options)!,
               row.ProjectValues is null ? null : JsonSerializer.Deserialize<Dictionary<Dimension, decimal>>(row.ProjectValues, Json.Options));
    }

    /// <summary>The project's forecasts, oldest first: highlight reports, work-package forecasts and benefit forecasts.</summary>
    public static async Task<IReadOnlyList<ForecastEntry>> PageAsync(DbSession db, Guid projectId, Paging paging) =>
        (await db.ListAsync<EntryRow>(Page, new { projectId, after = paging.AfterId, limit = paging.FetchSize })).Select(Entry).ToList();

    /// <summary>A page of every project's forecasts, oldest first: submitted at or after since, of one sector when given.</summary>
    public static async Task<IReadOnlyList<(Guid ProjectId, ForecastEntry Forecast)>> AcrossPortfolioAsync(DbSession db, string? sector, Instant since, Paging paging) =>
        (await db.ListAsync<EntryRow>(AcrossPortfolio, new { sector, since, after = paging.AfterId, limit = paging.FetchSize }))
        .Select(r => (r.ProjectId, Entry(r))).ToList();

    /// <summary>One forecast of the project, or null.</summary>
    public static async Task<ForecastEntry?> GetAsync(DbSession db, Guid projectId, Guid forecastId) =>
        await db.FirstOrDefaultAsync<EntryRow>(One, new { projectId, forecastId }) is { } row ? Entry(row) : null;

    private static ForecastEntry Entry(EntryRow r) => new(
        r.Id, r.Level, r.Stage, r.WorkPackageId, ForecastValuesView.From(Values(r.ForecastValues)!),
        Values(r.ProjectValues) is { } project ? ForecastValuesView.From(project) : null, r.Comment,
        JsonSerializer.Deserialize<EvaluationView>(r.Evaluation, Json.Options)!, r.SubmittedBy, r.SubmittedAt,
        r.Narrative is null ? null : JsonSerializer.Deserialize<HighlightNarrative>(r.Narrative, Json.Options));

    private static Dictionary<Dimension, decimal>? Values(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<Dimension, decimal>>(json, Json.Options);

    private sealed record EntryRow
    {
        public required Guid Id { get; init; }

        /// <summary>Read only across the portfolio.</summary>
        public Guid ProjectId { get; init; }

        public required ForecastLevel Level { get; init; }

        public required int Stage { get; init; }

        public Guid? WorkPackageId { get; init; }

        public required string ForecastValues { get; init; }

        public string? ProjectValues { get; init; }

        public required string Comment { get; init; }

        public required string Evaluation { get; init; }

        public required string SubmittedBy { get; init; }

        public required Instant SubmittedAt { get; init; }

        public string? Narrative { get; init; }
    }

    /// <summary>
    /// The newest stage forecast's judgement, shown with the project, and the project's version it was read at (one
    /// statement, so the two belong together).
    /// </summary>
    public static async Task<(long Version, EvaluationView? Status)> LatestStageEvaluationAsync(DbSession db, Guid projectId)
    {
        var row = await db.SingleOrDefaultAsync<StatusRow>(LatestEvaluation, new { projectId, level = ForecastLevel.Stage.Wire() });
        return row?.Evaluation is { } json
            ? (row.Version, JsonSerializer.Deserialize<EvaluationView>(json, Json.Options))
            : (row?.Version ?? 0, null);
    }

    private sealed class StatusRow
    {
        public required long Version { get; init; }

        public string? Evaluation { get; init; }
    }
}
