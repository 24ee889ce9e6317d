using NodaTime;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Events;

/// <summary>One event of the audit trail as stored: the row the history, the change feed, the chain and webhooks read.</summary>
public sealed record AuditEventRow
{
    public required long Sequence { get; init; }

    public Guid? ProjectId { get; init; }

    public required string Type { get; init; }

    public required string Actor { get; init; }

    public required Instant OccurredAt { get; init; }

    public required string Payload { get; init; }

    public string PreviousHash { get; init; } = "";

    public string Hash { get; init; } = "";
}

/// <summary>The audit trail's rows and its head (the newest event, so a lost tail is noticed).</summary>
public static class AuditStore
{
    private const string Columns =
        "sequence, project_id AS ProjectId, type, actor, occurred_at AS OccurredAt, payload, previous_hash AS PreviousHash, hash";

    private static readonly Sql Head = Sql.Of("SELECT sequence, hash FROM audit_head WHERE id = 1");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO audit_events (sequence, project_id, type, actor, occurred_at, payload, previous_hash, hash)
        VALUES (@Sequence, @ProjectId, @Type, @Actor, @OccurredAt, @Payload, @PreviousHash, @Hash)
        """);

    private static readonly Sql MoveHead = Sql.Of(
        """
        INSERT INTO audit_head (id, sequence, hash) VALUES (1, @Sequence, @Hash)
        ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash
        """);

    private static readonly Sql After = Sql.Of($"SELECT {Columns} FROM audit_events WHERE sequence > @after ORDER BY sequence LIMIT @limit");

    private static readonly Sql AfterFiltered = Sql.Of(
        $"""
        SELECT {Columns} FROM audit_events
        WHERE sequence > @after AND (@anyProject = 1 OR project_id = @projectId) AND (@anyType = 1 OR type IN @types)
        ORDER BY sequence LIMIT @limit
        """);

    private static readonly Sql OfProject = Sql.Of(
        $"SELECT {Columns} FROM audit_events WHERE project_id = @projectId AND sequence > @after ORDER BY sequence LIMIT @limit");

    private static readonly Sql NewestOfProject = Sql.Of(
        $"SELECT {Columns} FROM audit_events WHERE project_id = @projectId ORDER BY sequence DESC LIMIT @limit");

    public static Task<(long Sequence, string Hash)?> HeadAsync(DbSession db) => db.SingleOrDefaultAsync<(long Sequence, string Hash)?>(Head);

    public static async Task AppendAsync(DbSession db, AuditEventRow row)
    {
        await db.ExecuteAsync(Insert, row);
        await db.ExecuteAsync(MoveHead, new { row.Sequence, row.Hash });
    }

    /// <summary>Events after a sequence number, in sequence order.</summary>
    public static Task<IReadOnlyList<AuditEventRow>> AfterAsync(DbSession db, long after, int limit) => db.ListAsync<AuditEventRow>(After, new { after, limit });

    /// <summary>Events after a sequence number of one project (when given) and of these types (when any), in sequence order.</summary>
    public static Task<IReadOnlyList<AuditEventRow>> AfterAsync(DbSession db, long after, int limit, Guid? projectId, IReadOnlyCollection<string> types) =>
        projectId is null && types.Count == 0
            ? AfterAsync(db, after, limit)
            // A null uuid parameter has no type PostgreSQL can infer: "any project" is a flag, as "any type" is.
            : db.ListAsync<AuditEventRow>(AfterFiltered, new
            {
                after, limit, anyProject = projectId is null ? 1 : 0, projectId = projectId ?? Guid.Empty, anyType = types.Count == 0 ? 1 : 0,
                types = types.Count == 0 ? [""] : types.ToArray(),
            });

    public static Task<IReadOnlyList<AuditEventRow>> ForProjectAsync(DbSession db, Guid projectId, long after, int limit) =>
        db.ListAsync<AuditEventRow>(OfProject, new { projectId, after, limit });

    /// <summary>A project's newest events, newest first: what a page of its history shows.</summary>
    public static Task<IReadOnlyList<AuditEventRow>> NewestForProjectAsync(DbSession db, Guid projectId, int limit) =>
        db.ListAsync<AuditEventRow>(NewestOfProject, new { projectId, limit });
}
