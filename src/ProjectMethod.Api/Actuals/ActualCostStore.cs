using NodaTime;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Actuals;

/// <summary>The booked costs, and each stage's budget, forecast and actual read together.</summary>
public static class ActualCostStore
{
    private const string Columns = "stage, period, amount, reference, booked_by AS BookedBy, booked_at AS BookedAt";

    private static readonly Sql All = Sql.Of($"SELECT {Columns} FROM actual_costs WHERE project_id = @projectId ORDER BY stage, period");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM actual_costs WHERE project_id = @projectId AND stage = @stage AND period = @period");

    private static readonly Sql Upsert = Sql.Of(
        """
        INSERT INTO actual_costs (project_id, stage, period, amount, reference, booked_by, booked_at)
        VALUES (@projectId, @Stage, @Period, @Amount, @Reference, @BookedBy, @BookedAt)
        ON CONFLICT (project_id, stage, period) DO UPDATE
        SET amount = excluded.amount, reference = excluded.reference, booked_by = excluded.booked_by, booked_at = excluded.booked_at
        """);

    private sealed record Row
    {
        public required int Stage { get; init; }

        public required string Period { get; init; }

        public required decimal Amount { get; init; }

        public string? Reference { get; init; }

        public required string BookedBy { get; init; }

        public required Instant BookedAt { get; init; }

        public ActualCostView ToView() => new(Stage, Period, Amount, Reference, BookedBy, BookedAt);
    }

    public static async Task<ActualCostView?> OneAsync(DbSession db, Guid projectId, int stage, string period) =>
        (await db.SingleOrDefaultAsync<Row>(One, new { projectId, stage, period }))?.ToView();

    /// <summary>Books a month's cost of a stage; true when it replaced one booked before.</summary>
    public static async Task<bool> UpsertAsync(DbSession db, Guid projectId, ActualCostView cost)
    {
        var replaced = await OneAsync(db, projectId, cost.Stage, cost.Period) is not null;
        await db.ExecuteAsync(Upsert, new { projectId, cost.Stage, cost.Period, cost.Amount, cost.Reference, cost.BookedBy, cost.BookedAt });
        return replaced;
    }

    /// <summary>Every month booked, and per stage (planned or booked to) the budget, the newest forecast's cost and the sum booked.</summary>
    public static async Task<ActualCosts> ReadAsync(DbSession db, Guid projectId)
    {
        var items = (await db.ListAsync<Row>(All, new { projectId })).Select(r => r.ToView()).ToList();
        var plans = await ToleranceStore.PlansAsync(db, projectId);
        var stages = plans.Select(p => p.Stage).Concat(items.Select(i => i.Stage)).Distinct().Order().ToList();
        var rows = new List<StageCostView>();
        foreach (var stage in stages)
        {
            var forecast = await ForecastStore.LatestStageValuesAsync(db, projectId, stage);
            rows.Add(new StageCostView(
                stage,
                plans.FirstOrDefault(p => p.Stage == stage)?.Budget,
                forecast is { } newest && newest.Values.TryGetValue(Dimension.Cost, out var cost) ? cost : null,
                items.Where(i => i.Stage == stage).Sum(i => i.Amount)));
        }

        return new ActualCosts(items, rows);
    }
}
