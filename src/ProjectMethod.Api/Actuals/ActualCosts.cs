using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Actuals;

/// <summary>A month's booked cost of a stage as the finance system posts it: the amount, and the ledger's own reference.</summary>
public sealed record BookActualCost(decimal? Amount, string? Reference = null);

/// <summary>One month's booked cost of a stage, and who booked it when.</summary>
public sealed record ActualCostView(int Stage, string Period, decimal Amount, string? Reference, [property: Person] string BookedBy, Instant BookedAt);

/// <summary>A stage's cost three ways: the budget its plan gives, the Project Manager's newest forecast, and what is booked so far.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Budget">The stage plan's budget; null for a stage not planned (costs booked before its plan).</param>
/// <param name="Forecast">The cost at the end of the stage in the newest highlight report; null before the first.</param>
/// <param name="Actual">The sum of the months booked.</param>
public sealed record StageCostView(int Stage, decimal? Budget, decimal? Forecast, decimal Actual);

/// <summary>Every month booked, oldest stage and month first, and each stage's budget, forecast and actual.</summary>
public sealed record ActualCosts(IReadOnlyList<ActualCostView> Items, IReadOnlyList<StageCostView> Stages)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}

public static partial class ActualCostsApi
{
    public static IEndpointRouteBuilder MapActualCosts(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Actual costs");
        group.MapGet("/actuals", List).WithName(Operations.ListActualCosts).WithSummary("Booked costs per stage and month, against budget and forecast")
            .WithDescription("Anyone may read. Each stage's budget (its plan), the Project Manager's newest forecast of its cost, and the costs booked so far.")
            .WithProblems(404);
        group.MapPut("/actuals/{stage:int}/{period}", Book).WithName(Operations.BookActualCost).Allows(ProjectAccess.Before.Bookkeeper)
            .WithSummary("Book a stage's cost for one month, from the finance system")
            .WithDescription("An integrator (the municipality's ERP). period is the month, yyyy-MM. The amount is the month's total for the stage: posting the month again replaces it (201 for a new month, 200 for a replaced one), and the same amount and reference again changes nothing. Booked costs stand beside the Project Manager's forecasts and never replace them. The stage must be planned (409 stage-not-planned).")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ActualCosts>> List(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(await database.ReadAsync(db => ActualCostStore.ReadAsync(db, id), cancellationToken));

    private static async Task<Results<Created<ActualCostView>, Ok<ActualCostView>, ProblemHttpResult>> Book(
        Guid id, int stage, string period, BookActualCost request, HttpContext http, Database database, ProjectWrites writes)
    {
        var validation = new Validation()
            .Required("amount", request.Amount)
            .Text("reference", request.Reference, 200, required: false)
            .That(Month().IsMatch(period), "period", "period is a month, yyyy-MM, such as 2026-03.")
            .That(stage >= 1, "stage", "stage is 1 or more.");
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim();
        var booked = await database.ReadAsync(db => ActualCostStore.OneAsync(db, id, stage, period), http.RequestAborted);
        if (booked is not null && booked.Amount == request.Amount && booked.Reference == reference && http.Request.Headers.IfMatch.Count == 0)
        {
            return TypedResults.Ok(booked);
        }

        var result = await writes.RunAsync<(ActualCostView Cost, bool Replaced)>(http, id, async write =>
        {
            if ((await ToleranceStore.PlansAsync(write.Db, id)).All(p => p.Stage != stage))
            {
                return DomainError.Conflict("stage-not-planned", "Stage not planned", $"Stage {stage} has no plan yet: costs are booked to a planned stage.");
            }

            var view = new ActualCostView(stage, period, request.Amount!.Value, reference, write.Actor.UserId, write.Now);
            var replaced = await ActualCostStore.UpsertAsync(write.Db, id, view);
            write.Record(EventTypes.ActualCostBooked, new ActualCostBookedData(view.Stage, view.Period, view.Amount, view.Reference, replaced));
            return (view, replaced);
        });
        if (result.Problem is { } problem)
        {
            return problem;
        }

        // New or replaced as the write found it, inside its transaction.
        var (cost, wasBooked) = result.Value;
        return wasBooked ? TypedResults.Ok(cost) : TypedResults.Created($"/api/v1/projects/{id}/actuals", cost);
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();
}

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
