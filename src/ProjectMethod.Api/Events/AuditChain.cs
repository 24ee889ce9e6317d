using Dapper;
using NodaTime;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Events;

/// <summary>The result of walking the audit chain: whether it holds, how long it is, its head, and where it first breaks.</summary>
public sealed record AuditVerification(bool Ok, long Events, string? Head, long? FirstBrokenSequence, string? Reason);

/// <summary>Recomputes every event's hash from its predecessor and its content, in sequence order.</summary>
public static class AuditChain
{
    private const int Batch = 1000;

    private sealed record Row
    {
        public required long Sequence { get; init; }

        public Guid? ProjectId { get; init; }

        public required string Type { get; init; }

        public required string Actor { get; init; }

        public required Instant OccurredAt { get; init; }

        public required string Payload { get; init; }

        public required string PreviousHash { get; init; }

        public required string Hash { get; init; }
    }

    public static async Task<AuditVerification> VerifyAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (expected, previousHash, count) = (1L, AuditTrail.GenesisHash, 0L);
        while (true)
        {
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
                """
                SELECT sequence, project_id AS ProjectId, type, actor, occurred_at AS OccurredAt, payload, previous_hash AS PreviousHash, hash
                FROM audit_events WHERE sequence >= @expected ORDER BY sequence LIMIT @Batch
                """, new { expected, Batch }, cancellationToken: cancellationToken))).ToList();
            foreach (var row in rows)
            {
                var broken = row.Sequence != expected ? $"event {expected} is missing"
                    : row.PreviousHash != previousHash ? $"event {expected} does not follow its predecessor"
                    : AuditTrail.Hash(row.PreviousHash, row.Sequence, row.ProjectId, row.Type, row.Actor, row.OccurredAt, row.Payload) != row.Hash
                        ? $"event {expected} was altered"
                        : null;
                if (broken is not null)
                {
                    return new AuditVerification(false, count, previousHash == AuditTrail.GenesisHash ? null : previousHash, expected, broken);
                }

                (expected, previousHash, count) = (expected + 1, row.Hash, count + 1);
            }

            if (rows.Count < Batch)
            {
                break;
            }
        }

        var head = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            "SELECT sequence, hash FROM audit_head WHERE id = 1", cancellationToken: cancellationToken));
        if (head is { } recorded && (recorded.Sequence != count || recorded.Hash != previousHash))
        {
            return new AuditVerification(false, count, previousHash, count + 1, $"events after {count} are missing (the head records {recorded.Sequence})");
        }

        return new AuditVerification(true, count, count == 0 ? null : previousHash, null, null);
    }
}
