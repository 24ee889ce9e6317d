using System.Data.Common;
using System.Globalization;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>Tolerances by scope (the project, a stage, a work package), stage plans and work packages.</summary>
public static class ToleranceStore
{
    public const string ProjectScope = "project";

    public static string StageScope(int stage) => "stage:" + stage.ToString(CultureInfo.InvariantCulture);

    public static string WorkPackageScope(Guid id) => "workPackage:" + id.ToString("D");

    /// <summary>The stage a stage scope names.</summary>
    public static int StageOf(string scope) => int.Parse(scope["stage:".Length..], CultureInfo.InvariantCulture);

    private sealed record Row
    {
        public required string Scope { get; init; }

        public required Dimension Dimension { get; init; }

        public required decimal Plan { get; init; }

        public required decimal Below { get; init; }

        public required decimal Above { get; init; }
    }

    public sealed record WorkPackageRow
    {
        public required Guid Id { get; init; }

        public required int Stage { get; init; }

        public required string Title { get; init; }

        public required string TeamManagerUserId { get; init; }
    }

    /// <summary>Every tolerance set of the project, keyed by scope.</summary>
    public static async Task<IReadOnlyDictionary<string, ToleranceSet>> AllAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT scope, dimension, plan, below, above FROM tolerances WHERE project_id = @projectId",
            new { projectId }, transaction, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.Scope, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new ToleranceSet(LevelOf(g.Key), g.ToDictionary(r => r.Dimension, r => new Tolerance(r.Dimension, r.Plan, r.Below, r.Above))),
            StringComparer.Ordinal);
    }

    public static async Task<ToleranceSet?> GetAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, string scope, CancellationToken cancellationToken) =>
        (await AllAsync(connection, transaction, projectId, cancellationToken)).GetValueOrDefault(scope);

    /// <summary>Replaces the set of one scope.</summary>
    public static async Task ReplaceAsync(
        DbConnection connection, DbTransaction transaction, Guid projectId, string scope, ToleranceSet set, string setBy, Instant at, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM tolerances WHERE project_id = @projectId AND scope = @scope", new { projectId, scope }, transaction, cancellationToken: cancellationToken));
        foreach (var tolerance in set.ByDimension.Values)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO tolerances (project_id, scope, dimension, plan, below, above, set_by, set_at)
                VALUES (@projectId, @scope, @dimension, @Plan, @Below, @Above, @setBy, @at)
                """,
                new { projectId, scope, dimension = tolerance.Dimension.Wire(), tolerance.Plan, tolerance.Below, tolerance.Above, setBy, at },
                transaction, cancellationToken: cancellationToken));
        }
    }

    public static async Task<IReadOnlyList<StagePlanView>> PlansAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<StagePlanRow>(new CommandDefinition(
            """
            SELECT stage, planned_end AS PlannedEnd, budget, products_in_scope AS ProductsInScope, description, set_by AS SetBy, set_at AS SetAt
            FROM stage_plans WHERE project_id = @projectId ORDER BY stage
            """, new { projectId }, transaction, cancellationToken: cancellationToken)))
        .Select(r => new StagePlanView(r.Stage, r.PlannedEnd, r.Budget, r.ProductsInScope, r.Description, r.SetBy, r.SetAt)).ToList();

    public static Task UpsertPlanAsync(DbConnection connection, DbTransaction transaction, Guid projectId, StagePlanView plan, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stage_plans (project_id, stage, planned_end, budget, products_in_scope, description, set_by, set_at)
            VALUES (@projectId, @Stage, @PlannedEnd, @Budget, @ProductsInScope, @Description, @SetBy, @SetAt)
            ON CONFLICT (project_id, stage) DO UPDATE
            SET planned_end = excluded.planned_end, budget = excluded.budget, products_in_scope = excluded.products_in_scope,
                description = excluded.description, set_by = excluded.set_by, set_at = excluded.set_at
            """,
            new { projectId, plan.Stage, plan.PlannedEnd, plan.Budget, plan.ProductsInScope, plan.Description, plan.SetBy, plan.SetAt },
            transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<WorkPackageRow>> WorkPackagesAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<WorkPackageRow>(new CommandDefinition(
            "SELECT id, stage, title, team_manager_user_id AS TeamManagerUserId FROM work_packages WHERE project_id = @projectId ORDER BY id",
            new { projectId }, transaction, cancellationToken: cancellationToken))).ToList();

    private static ToleranceLevel LevelOf(string scope) =>
        scope == ProjectScope ? ToleranceLevel.Project : scope.StartsWith("stage:", StringComparison.Ordinal) ? ToleranceLevel.Stage : ToleranceLevel.WorkPackage;

    private sealed record StagePlanRow
    {
        public required int Stage { get; init; }

        public required LocalDate PlannedEnd { get; init; }

        public required decimal Budget { get; init; }

        public required int ProductsInScope { get; init; }

        public required string Description { get; init; }

        public required string SetBy { get; init; }

        public required Instant SetAt { get; init; }
    }
}

/// <summary>P4/P5 facts: active dimensions, the project and stage tolerances, planned stages and open exceptions.</summary>
public sealed class ToleranceFacts(ToleranceSettings settings) : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        var sets = await ToleranceStore.AllAsync(query.Connection, query.Transaction, query.Project.Id, query.CancellationToken);
        var plans = await ToleranceStore.PlansAsync(query.Connection, query.Transaction, query.Project.Id, query.CancellationToken);
        var open = await query.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM exceptions WHERE project_id = @id AND state <> @decided",
            new { id = query.Project.Id, decided = ExceptionState.Decided.Wire() }, query.Transaction, cancellationToken: query.CancellationToken));
        return facts with
        {
            ActiveDimensions = settings.Dimensions.ToList(),
            ProjectTolerance = sets.GetValueOrDefault(ToleranceStore.ProjectScope),
            PlannedStages = plans.Select(p => p.Stage).ToHashSet(),
            StageTolerances = sets.Where(s => s.Value.Level == ToleranceLevel.Stage).ToDictionary(s => ToleranceStore.StageOf(s.Key), s => s.Value),
            OpenExceptions = (int)open,
        };
    }
}
