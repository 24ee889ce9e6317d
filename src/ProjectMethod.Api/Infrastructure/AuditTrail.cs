using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>One state change as recorded in the audit trail.</summary>
public sealed record AuditEvent(long Sequence, Guid? ProjectId, string Type, string Actor, Instant OccurredAt, string Payload, string PreviousHash, string Hash);

/// <summary>
/// Appends audit events inside the caller's write transaction, hash-chained:
/// hash = SHA-256(previous hash ‖ canonical event). The write lock makes the sequence gap-free; the head row
/// records the newest event so a lost tail is noticed; webhook deliveries go to the outbox in the same transaction.
/// </summary>
public static class AuditTrail
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static async Task AppendAsync(
        DbConnection connection, DbTransaction transaction, Guid? projectId, string type, string actor, Instant at, object payload,
        CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
            "SELECT sequence, hash FROM audit_head WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken));
        var sequence = (head?.Sequence ?? 0) + 1;
        var previousHash = head?.Hash ?? GenesisHash;
        var payloadJson = JsonSerializer.Serialize(payload, Json.Options);
        var hash = Hash(previousHash, sequence, projectId, type, actor, at, payloadJson);

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_events (sequence, project_id, type, actor, occurred_at, payload, previous_hash, hash)
            VALUES (@sequence, @projectId, @type, @actor, @at, @payloadJson, @previousHash, @hash)
            """,
            new { sequence, projectId, type, actor, at, payloadJson, previousHash, hash }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_head (id, sequence, hash) VALUES (1, @sequence, @hash)
            ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash
            """, new { sequence, hash }, transaction, cancellationToken: cancellationToken));
        await Webhooks.WebhookOutbox.EnqueueAsync(connection, transaction, sequence, type, at, cancellationToken);
    }

    /// <summary>The chain hash of one event; verification recomputes it the same way.</summary>
    public static string Hash(string previousHash, long sequence, Guid? projectId, string type, string actor, Instant at, string payload)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            sequence, projectId?.ToString("D"), type, actor, InstantPattern.ExtendedIso.Format(at), payload,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + canonical)));
    }
}
