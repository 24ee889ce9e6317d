using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Webhooks;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Appends audit events inside the caller's write transaction, hash-chained:
/// hash = SHA-256(previous hash ‖ canonical event). The write lock makes the sequence gap-free; the head row
/// records the newest event so a lost tail is noticed; webhook deliveries, the registry entry of a decision or an
/// issued report, and the notifications of whoever's turn it is go to their outboxes in the same transaction.
/// </summary>
public static class AuditTrail
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static Task AppendAsync<TPayload>(DbSession db, Guid? projectId, EventType<TPayload> type, string actor, Instant at, TPayload payload)
        where TPayload : notnull => AppendAsync(db, projectId, type, actor, at, (object)payload);

    /// <summary>Appends an event whose payload the type's catalogue entry vouches for (a project write's recorded events).</summary>
    internal static async Task AppendAsync(DbSession db, Guid? projectId, EventType type, string actor, Instant at, object payload)
    {
        var head = await AuditStore.HeadAsync(db);
        var sequence = (head?.Sequence ?? 0) + 1;
        var previousHash = head?.Hash ?? GenesisHash;
        var payloadJson = JsonSerializer.Serialize(payload, type.Payload, Json.Options);
        var hash = Hash(previousHash, sequence, projectId, type.Name, actor, at, payloadJson);
        await AuditStore.AppendAsync(db, new AuditEventRow
        {
            Sequence = sequence,
            ProjectId = projectId,
            Type = type.Name,
            Actor = actor,
            OccurredAt = at,
            Payload = payloadJson,
            PreviousHash = previousHash,
            Hash = hash,
        });
        await WebhookOutbox.EnqueueAsync(db, sequence, type.Name, at);
        await Archive.ArchiveOutbox.EnqueueAsync(db, sequence, projectId, type.Name, payload, at);
        await Notifications.NotificationOutbox.EnqueueAsync(db, hash, projectId, type.Name, actor, payload, at);
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
