using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Changes;

namespace ProjectMethod.Api.Changes;

/// <summary>The issue register and the change authority of each project.</summary>
public static class ChangeStore
{
    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required int Number { get; init; }

        public required ChangeKind Kind { get; init; }

        public required string Title { get; init; }

        public required string Description { get; init; }

        public required string Impact { get; init; }

        public required string AddProducts { get; init; }

        public required string RemoveProducts { get; init; }

        public required ChangeState State { get; init; }

        public required string RaisedBy { get; init; }

        public required Instant RaisedAt { get; init; }

        public string? DecidedBy { get; init; }

        public Instant? DecidedAt { get; init; }

        public ChangeOutcome? Outcome { get; init; }

        public string? Rationale { get; init; }

        public string? ExceptionIds { get; init; }

        public ChangeView ToView() => new()
        {
            Id = Id, Number = Number, Kind = Kind, Title = Title, Description = Description, Impact = Read<ChangeImpact>(Impact),
            AddProducts = Read<List<NewProduct>>(AddProducts), RemoveProductIds = Read<List<Guid>>(RemoveProducts), State = State, RaisedBy = RaisedBy,
            RaisedAt = RaisedAt, DecidedBy = DecidedBy, DecidedAt = DecidedAt, Outcome = Outcome, Rationale = Rationale,
            ExceptionIds = ExceptionIds is null ? [] : Read<List<Guid>>(ExceptionIds),
        };
    }

    private sealed record AuthorityRow
    {
        public required string UserId { get; init; }

        public required decimal CostLimit { get; init; }

        public required int DaysLimit { get; init; }

        public required string SetBy { get; init; }

        public required Instant SetAt { get; init; }
    }

    private const string Columns =
        """
        id, number, kind, title, description, impact, add_products AS AddProducts, remove_products AS RemoveProducts, state, raised_by AS RaisedBy,
        raised_at AS RaisedAt, decided_by AS DecidedBy, decided_at AS DecidedAt, outcome, rationale, exception_ids AS ExceptionIds
        """;

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO change_issues (id, project_id, number, kind, title, description, impact, days, cost, add_products, remove_products, state, raised_by, raised_at)
        VALUES (@Id, @projectId, (SELECT COALESCE(MAX(number), 0) + 1 FROM change_issues WHERE project_id = @projectId), @kind, @Title, @Description,
                @impact, @days, @cost, @addProducts, @removeProducts, @state, @RaisedBy, @RaisedAt)
        """);

    private static readonly Sql Decide = Sql.Of(
        """
        UPDATE change_issues SET state = @state, decided_by = @by, decided_at = @at, outcome = @outcome, rationale = @rationale,
               add_products = @addProducts, exception_ids = @exceptionIds
        WHERE project_id = @projectId AND id = @id
        """);

    private static readonly Sql OfProject = Sql.Of($"SELECT {Columns} FROM change_issues WHERE project_id = @projectId ORDER BY number DESC");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM change_issues WHERE project_id = @projectId AND id = @id");

    private static readonly Sql Authority = Sql.Of(
        "SELECT user_id AS UserId, cost_limit AS CostLimit, days_limit AS DaysLimit, set_by AS SetBy, set_at AS SetAt FROM change_authorities WHERE project_id = @projectId");

    private static readonly Sql ClearAuthority = Sql.Of("DELETE FROM change_authorities WHERE project_id = @projectId");

    private static readonly Sql InsertAuthority = Sql.Of(
        """
        INSERT INTO change_authorities (project_id, user_id, cost_limit, days_limit, set_by, set_at)
        VALUES (@projectId, @UserId, @CostLimit, @DaysLimit, @SetBy, @SetAt)
        """);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json.Options)!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Json.Options);

    /// <summary>Inserts the issue with the next number of the project's register, and reads it back.</summary>
    public static async Task<ChangeView> InsertAsync(DbSession db, Guid projectId, ChangeView change)
    {
        await db.ExecuteAsync(Insert, new
        {
            change.Id, projectId, kind = change.Kind.Wire(), change.Title, change.Description, impact = Write(change.Impact), days = change.Impact.Days ?? 0,
            cost = change.Impact.Cost ?? 0, addProducts = Write(change.AddProducts), removeProducts = Write(change.RemoveProductIds), state = change.State.Wire(),
            change.RaisedBy, change.RaisedAt,
        });
        return (await GetAsync(db, projectId, change.Id))!;
    }

    public static Task DecideAsync(DbSession db, Guid projectId, ChangeView change) => db.ExecuteAsync(Decide, new
    {
        projectId, id = change.Id, state = change.State.Wire(), by = change.DecidedBy, at = change.DecidedAt, outcome = change.Outcome?.Wire(), rationale = change.Rationale,
        addProducts = Write(change.AddProducts), exceptionIds = change.ExceptionIds.Count == 0 ? null : Write(change.ExceptionIds),
    });

    public static async Task<IReadOnlyList<ChangeView>> OfProjectAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<Row>(OfProject, new { projectId })).Select(r => r.ToView()).ToList();

    public static async Task<ChangeView?> GetAsync(DbSession db, Guid projectId, Guid id) =>
        (await db.SingleOrDefaultAsync<Row>(One, new { projectId, id }))?.ToView();

    public static async Task<ChangeAuthorityView?> AuthorityAsync(DbSession db, Guid projectId) =>
        await db.SingleOrDefaultAsync<AuthorityRow>(Authority, new { projectId }) is { } row
            ? new ChangeAuthorityView(row.UserId, row.CostLimit, row.DaysLimit, row.SetBy, row.SetAt)
            : null;

    public static async Task SetAuthorityAsync(DbSession db, Guid projectId, ChangeAuthorityView authority)
    {
        await db.ExecuteAsync(ClearAuthority, new { projectId });
        await db.ExecuteAsync(InsertAuthority, new { projectId, authority.UserId, authority.CostLimit, authority.DaysLimit, authority.SetBy, authority.SetAt });
    }
}
