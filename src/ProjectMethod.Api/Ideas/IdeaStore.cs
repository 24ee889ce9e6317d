using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Ideas;

/// <summary>The ideas and their answers.</summary>
/// <summary>Which ideas a page holds: of a status, sent by one sender (an integrator sees its own), with one external reference.</summary>
public sealed record IdeaFilter(IdeaStatus? Status, string? SentBy, string? ExternalReference);

public static class IdeaStore
{
    private const string Columns =
        """
        id, title, description, origin, sector, external_reference AS ExternalReference, status, submitted_by AS SubmittedBy,
        submitted_at AS SubmittedAt, rationale, triaged_by AS TriagedBy, triaged_at AS TriagedAt, project_id AS ProjectId
        """;

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM ideas WHERE id = @id");

    private static readonly Sql Page = Sql.Of(
        $"""
        SELECT {Columns} FROM ideas
        WHERE (@status IS NULL OR status = @status) AND (@sentBy IS NULL OR submitted_by = @sentBy)
          AND (@externalReference IS NULL OR external_reference = @externalReference) AND id > @after
        ORDER BY id
        LIMIT @limit
        """);

    private static readonly Sql Sent = Sql.Of($"SELECT {Columns} FROM ideas WHERE submitted_by = @userId ORDER BY id DESC LIMIT 200");

    private static readonly Sql Open = Sql.Of($"SELECT {Columns} FROM ideas WHERE status IN @open ORDER BY id LIMIT 200");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO ideas (id, title, description, origin, sector, external_reference, status, submitted_by, submitted_at)
        VALUES (@Id, @Title, @Description, @origin, @Sector, @ExternalReference, @status, @SubmittedBy, @SubmittedAt)
        """);

    private static readonly Sql Answer = Sql.Of(
        "UPDATE ideas SET status = @status, rationale = @Rationale, triaged_by = @TriagedBy, triaged_at = @TriagedAt, project_id = @ProjectId WHERE id = @Id");

    public static Task<IdeaView?> GetAsync(DbSession db, Guid id) => db.SingleOrDefaultAsync<IdeaView>(One, new { id });

    /// <summary>A page of the ideas, oldest first: of a status, sent by one sender, with one external reference, where given.</summary>
    public static Task<IReadOnlyList<IdeaView>> PageAsync(DbSession db, IdeaFilter filter, Paging paging) =>
        db.ListAsync<IdeaView>(Page, new
        {
            status = filter.Status?.Wire(), sentBy = filter.SentBy, externalReference = filter.ExternalReference, after = paging.AfterId, limit = paging.FetchSize,
        });

    /// <summary>The ideas one employee or portal sent, newest first.</summary>
    public static Task<IReadOnlyList<IdeaView>> SentByAsync(DbSession db, string userId) => db.ListAsync<IdeaView>(Sent, new { userId });

    /// <summary>The ideas that wait for the project office's answer (received or parked), oldest first.</summary>
    public static Task<IReadOnlyList<IdeaView>> OpenAsync(DbSession db) =>
        db.ListAsync<IdeaView>(Open, new { open = new[] { IdeaStatus.Received.Wire(), IdeaStatus.Parked.Wire() } });

    public static Task InsertAsync(DbSession db, IdeaView idea) =>
        db.ExecuteAsync(Insert, new
        {
            idea.Id, idea.Title, idea.Description, origin = idea.Origin.Wire(), idea.Sector, idea.ExternalReference, status = idea.Status.Wire(),
            idea.SubmittedBy, idea.SubmittedAt,
        });

    public static Task AnswerAsync(DbSession db, IdeaView idea) =>
        db.ExecuteAsync(Answer, new { idea.Id, status = idea.Status.Wire(), idea.Rationale, idea.TriagedBy, idea.TriagedAt, idea.ProjectId });
}
