using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Events;

/// <summary>The result of walking the audit chain: whether it holds, how long it is, its head, and where it first breaks.</summary>
public sealed record AuditVerification(bool Ok, long Events, string? Head, long? FirstBrokenSequence, string? Reason);

/// <summary>Recomputes every event's hash from its predecessor and its content, in sequence order.</summary>
public static class AuditChain
{
    private const int Batch = 1000;

    public static Task<AuditVerification> VerifyAsync(Database database, CancellationToken cancellationToken) =>
        database.ReadAsync(async db =>
        {
            var (expected, previousHash, count) = (1L, AuditTrail.GenesisHash, 0L);
            while (true)
            {
                var rows = await AuditStore.AfterAsync(db, expected - 1, Batch);
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

            if (await AuditStore.HeadAsync(db) is { } recorded && (recorded.Sequence != count || recorded.Hash != previousHash))
            {
                return new AuditVerification(false, count, previousHash, count + 1, $"events after {count} are missing (the head records {recorded.Sequence})");
            }

            return new AuditVerification(true, count, count == 0 ? null : previousHash, null, null);
        }, cancellationToken);
}
