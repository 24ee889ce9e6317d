using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Risks;

/// <summary>The uncertainty register of each project.</summary>
public static class RiskStore
{
    private const string Columns =
        "id, kind, title, probability, consequence, proximity, strategy, owner_user_id AS OwnerUserId, status, recorded_by AS RecordedBy, recorded_at AS RecordedAt, updated_at AS UpdatedAt";

    private static readonly Sql OfProject = Sql.Of($"SELECT {Columns} FROM risks WHERE project_id = @projectId ORDER BY id");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM risks WHERE project_id = @projectId AND id = @riskId");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO risks (id, project_id, kind, title, probability, consequence, proximity, strategy, owner_user_id, status, recorded_by, recorded_at, updated_at)
        VALUES (@Id, @projectId, @kind, @Title, @Probability, @Consequence, @Proximity, @Strategy, @OwnerUserId, @status, @RecordedBy, @RecordedAt, @UpdatedAt)
        """);

    private static readonly Sql Update = Sql.Of(
        """
        UPDATE risks SET kind = @kind, title = @Title, probability = @Probability, consequence = @Consequence, proximity = @Proximity,
                         strategy = @Strategy, owner_user_id = @OwnerUserId, status = @status, updated_at = @UpdatedAt
        WHERE id = @Id
        """);

    public static Task<IReadOnlyList<RiskView>> ForProjectAsync(DbSession db, Guid projectId) => db.ListAsync<RiskView>(OfProject, new { projectId });

    public static Task<RiskView?> GetAsync(DbSession db, Guid projectId, Guid riskId) => db.SingleOrDefaultAsync<RiskView>(One, new { projectId, riskId });

    public static Task InsertAsync(DbSession db, Guid projectId, RiskView risk) =>
        db.ExecuteAsync(Insert, new
        {
            risk.Id, projectId, kind = risk.Kind.Wire(), risk.Title, risk.Probability, risk.Consequence, risk.Proximity, risk.Strategy,
            risk.OwnerUserId, status = risk.Status.Wire(), risk.RecordedBy, risk.RecordedAt, risk.UpdatedAt,
        });

    public static Task UpdateAsync(DbSession db, RiskView risk) =>
        db.ExecuteAsync(Update, new
        {
            risk.Id, kind = risk.Kind.Wire(), risk.Title, risk.Probability, risk.Consequence, risk.Proximity, risk.Strategy, risk.OwnerUserId,
            status = risk.Status.Wire(), risk.UpdatedAt,
        });
}
