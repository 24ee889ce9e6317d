using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Actions;

/// <summary>The follow-up actions of decisions.</summary>
public static class ActionStore
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required Guid ProjectId { get; init; }

        public Guid? DecisionId { get; init; }

        public required string What { get; init; }

        public required string OwnerUserId { get; init; }

        public required LocalDate DueOn { get; init; }

        public required ActionState State { get; init; }

        public string? Note { get; init; }

        public required string CreatedBy { get; init; }

        public required Instant CreatedAt { get; init; }

        public Instant? DoneAt { get; init; }

        /// <summary>The project's name, where a read across projects gives it.</summary>
        public string? ProjectName { get; init; }

        public ActionView ToView(LocalDate today) =>
            new(Id, DecisionId, What, OwnerUserId, DueOn, State, DecisionActions.IsOverdue(State, DueOn, today), Note, CreatedBy, CreatedAt, DoneAt);
    }

    private const string Columns =
        """
        id, project_id AS ProjectId, decision_id AS DecisionId, what, owner_user_id AS OwnerUserId, due_on AS DueOn, state, note,
        created_by AS CreatedBy, created_at AS CreatedAt, done_at AS DoneAt
        """;

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO decision_actions (id, project_id, decision_id, what, owner_user_id, due_on, state, note, created_by, created_at, done_at)
        VALUES (@Id, @ProjectId, @DecisionId, @What, @OwnerUserId, @DueOn, @state, NULL, @CreatedBy, @CreatedAt, NULL)
        """);

    private static readonly Sql Complete = Sql.Of("UPDATE decision_actions SET state = @done, note = @note, done_at = @at WHERE id = @id AND state = @open");

    private static readonly Sql OfProject = Sql.Of($"SELECT {Columns} FROM decision_actions WHERE project_id = @projectId ORDER BY due_on, id");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM decision_actions WHERE project_id = @projectId AND id = @id");

    private static readonly Sql OverdueCount = Sql.Of("SELECT COUNT(*) FROM decision_actions WHERE project_id = @projectId AND state = @open AND due_on < @today");

    private static readonly Sql OfOwner = Sql.Of(
        $"""
        SELECT {Columns}, (SELECT p.name FROM projects p WHERE p.id = project_id) AS ProjectName FROM decision_actions
        WHERE owner_user_id = @userId AND state = @open AND due_on <= @horizon
        ORDER BY due_on, id
        LIMIT 200
        """);

    private static readonly Sql DecidedHere = Sql.Of(
        """
        SELECT (SELECT COUNT(*) FROM decisions WHERE project_id = @projectId AND id = @id)
             + (SELECT COUNT(*) FROM exceptions WHERE project_id = @projectId AND id = @id)
        """);

    public static Task InsertAsync(DbSession db, Row row) => db.ExecuteAsync(Insert, new
    {
        row.Id, row.ProjectId, row.DecisionId, row.What, row.OwnerUserId, row.DueOn, state = row.State.Wire(), row.CreatedBy, row.CreatedAt,
    });

    public static Task CompleteAsync(DbSession db, Guid id, string note, Instant at) =>
        db.ExecuteAsync(Complete, new { id, note, at, done = ActionState.Done.Wire(), open = ActionState.Open.Wire() });

    public static Task<IReadOnlyList<Row>> OfProjectAsync(DbSession db, Guid projectId) => db.ListAsync<Row>(OfProject, new { projectId });

    public static Task<Row?> GetAsync(DbSession db, Guid projectId, Guid id) => db.SingleOrDefaultAsync<Row>(One, new { projectId, id });

    public static async Task<int> OverdueAsync(DbSession db, Guid projectId, LocalDate today) =>
        (int)await db.ScalarAsync<long>(OverdueCount, new { projectId, today, open = ActionState.Open.Wire() });

    /// <summary>The open actions a person owns that fall due by the horizon (or are overdue), across the projects.</summary>
    public static Task<IReadOnlyList<Row>> OfOwnerAsync(DbSession db, string userId, LocalDate horizon) =>
        db.ListAsync<Row>(OfOwner, new { userId, horizon, open = ActionState.Open.Wire() });

    /// <summary>Whether the id is a gate decision or an exception of the project.</summary>
    public static async Task<bool> DecidedHereAsync(DbSession db, Guid projectId, Guid id) => await db.ScalarAsync<long>(DecidedHere, new { projectId, id }) > 0;
}
