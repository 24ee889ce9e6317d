using System.Globalization;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>Tolerances by scope (the project, a stage, a work package) and the stage plans.</summary>
public static class ToleranceStore
{
    private sealed record Row
    {
        public required string Scope { get; init; }

        public required Dimension Dimension { get; init; }

        public required decimal Plan { get; init; }

        public required decimal Below { get; init; }

        public required decimal Above { get; init; }
    }

    private sealed record StagePlanRow
    {
        public required int Stage { get; init; }

        public required LocalDate PlannedEnd { get; init; }

        public required decimal Budget { get; init; }

        public required int ProductsInScope { get; init; }

        public required string Description { get; init; }

        public required string CarriedProducts { get; init; }

        public required string SetBy { get; init; }

        public required Instant SetAt { get; init; }
    }

    private static readonly Sql All = Sql.Of("""SELECT scope, dimension, "plan", below, above FROM tolerances WHERE project_id = @projectId""");

    private static readonly Sql Clear = Sql.Of("DELETE FROM tolerances WHERE project_id = @projectId AND scope = @scope");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO tolerances (project_id, scope, dimension, "plan", below, above, set_by, set_at)
        VALUES (@projectId, @scope, @dimension, @Plan, @Below, @Above, @setBy, @at)
        """);

    private static readonly Sql Plans = Sql.Of(
        """
        SELECT stage, planned_end AS PlannedEnd, budget, products_in_scope AS ProductsInScope, description, carried_products AS CarriedProducts,
               set_by AS SetBy, set_at AS SetAt
        FROM stage_plans WHERE project_id = @projectId ORDER BY stage
        """);

    private static readonly Sql UpsertPlan = Sql.Of(
        """
        INSERT INTO stage_plans (project_id, stage, planned_end, budget, products_in_scope, description, carried_products, set_by, set_at)
        VALUES (@projectId, @Stage, @PlannedEnd, @Budget, @ProductsInScope, @Description, @carried, @SetBy, @SetAt)
        ON CONFLICT (project_id, stage) DO UPDATE
        SET planned_end = excluded.planned_end, budget = excluded.budget, products_in_scope = excluded.products_in_scope,
            description = excluded.description, carried_products = excluded.carried_products, set_by = excluded.set_by, set_at = excluded.set_at
        """);

    /// <summary>Every tolerance set of the project, keyed by its scope.</summary>
    public static async Task<IReadOnlyDictionary<ToleranceScope, ToleranceSet>> AllAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<Row>(All, new { projectId }))
            .GroupBy(r => Decode(r.Scope))
            .ToDictionary(
                g => g.Key,
                g => new ToleranceSet(g.Key.Level, g.ToDictionary(r => r.Dimension, r => new Tolerance(r.Dimension, r.Plan, r.Below, r.Above))));

    public static async Task<ToleranceSet?> GetAsync(DbSession db, Guid projectId, ToleranceScope scope) =>
        (await AllAsync(db, projectId)).GetValueOrDefault(scope);

    /// <summary>Replaces the set of one scope.</summary>
    public static async Task ReplaceAsync(DbSession db, Guid projectId, ToleranceScope scope, ToleranceSet set, string setBy, Instant at)
    {
        var encoded = Encode(scope);
        await db.ExecuteAsync(Clear, new { projectId, scope = encoded });
        foreach (var tolerance in set.ByDimension.Values)
        {
            await db.ExecuteAsync(Insert, new
            {
                projectId, scope = encoded, dimension = tolerance.Dimension.Wire(), tolerance.Plan, tolerance.Below, tolerance.Above, setBy, at,
            });
        }
    }

    public static async Task<IReadOnlyList<StagePlanView>> PlansAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<StagePlanRow>(Plans, new { projectId }))
            .Select(r => new StagePlanView(r.Stage, r.PlannedEnd, r.Budget, r.ProductsInScope, r.Description,
                System.Text.Json.JsonSerializer.Deserialize<List<Guid>>(r.CarriedProducts, Json.Options)!, r.SetBy, r.SetAt)).ToList();

    public static Task UpsertPlanAsync(DbSession db, Guid projectId, StagePlanView plan) =>
        db.ExecuteAsync(UpsertPlan, new
        {
            projectId, plan.Stage, plan.PlannedEnd, plan.Budget, plan.ProductsInScope, plan.Description,
            carried = System.Text.Json.JsonSerializer.Serialize(plan.CarriedProductIds, Json.Options), plan.SetBy, plan.SetAt,
        });

    // Stored as 'project', 'stage:<n>' or 'workPackage:<id>'.
    private static string Encode(ToleranceScope scope) => scope.Level switch
    {
        ToleranceLevel.Project => "project",
        ToleranceLevel.Stage => "stage:" + scope.Stage!.Value.ToString(CultureInfo.InvariantCulture),
        _ => "workPackage:" + scope.WorkPackageId!.Value.ToString("D"),
    };

    private static ToleranceScope Decode(string scope) =>
        scope == "project" ? ToleranceScope.Project
        : scope.StartsWith("stage:", StringComparison.Ordinal) ? ToleranceScope.OfStage(int.Parse(scope["stage:".Length..], CultureInfo.InvariantCulture))
        : ToleranceScope.OfWorkPackage(Guid.Parse(scope["workPackage:".Length..]));
}
