using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Webhooks;

/// <summary>Where a delivery stands in the outbox.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>A delivery due to be sent, with what it needs to be sent: the subscription's address and secret, and the event.</summary>
public sealed record DueDelivery
{
    public required Guid Id { get; init; }

    public required int Attempts { get; init; }

    public required string Url { get; init; }

    public required string Secret { get; init; }

    public required long Sequence { get; init; }

    public Guid? ProjectId { get; init; }

    public required string Type { get; init; }

    public required string Actor { get; init; }

    public required Instant OccurredAt { get; init; }

    public required string Payload { get; init; }
}

/// <summary>Webhook subscriptions and their outbox of deliveries.</summary>
public static class WebhookStore
{
    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Url { get; init; }

        public required string EventTypes { get; init; }

        public required string CreatedBy { get; init; }

        public required Instant CreatedAt { get; init; }

        public SubscriptionView ToView() => new(Id, Url, JsonSerializer.Deserialize<string[]>(EventTypes) ?? [], null, CreatedBy, CreatedAt);
    }

    private sealed record Subscription
    {
        public required Guid Id { get; init; }

        public required string EventTypes { get; init; }
    }

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO webhook_subscriptions (id, url, event_types, secret, created_by, created_at)
        VALUES (@Id, @Url, @eventTypes, @Secret, @CreatedBy, @CreatedAt)
        """);

    private static readonly Sql List = Sql.Of(
        """
        SELECT id, url, event_types AS EventTypes, created_by AS CreatedBy, created_at AS CreatedAt FROM webhook_subscriptions
        WHERE @owner IS NULL OR created_by = @owner ORDER BY id
        """);

    private static readonly Sql DeleteDeliveries = Sql.Of("DELETE FROM webhook_deliveries WHERE subscription_id = @id");

    private static readonly Sql Delete = Sql.Of("DELETE FROM webhook_subscriptions WHERE id = @id");

    private static readonly Sql OwnerOf = Sql.Of("SELECT created_by FROM webhook_subscriptions WHERE id = @id");

    private static readonly Sql Subscriptions = Sql.Of("SELECT id, event_types AS EventTypes FROM webhook_subscriptions");

    private static readonly Sql Enqueue = Sql.Of(
        """
        INSERT INTO webhook_deliveries (id, subscription_id, event_sequence, status, attempts, next_attempt_at)
        VALUES (@id, @subscriptionId, @sequence, @pending, 0, @at)
        """);

    private static readonly Sql CountDue = Sql.Of("SELECT COUNT(*) FROM webhook_deliveries WHERE status = @pending AND next_attempt_at <= @now");

    private static readonly Sql Due = Sql.Of(
        """
        SELECT d.id, d.attempts, s.url, s.secret, e.sequence, e.project_id AS ProjectId, e.type, e.actor, e.occurred_at AS OccurredAt, e.payload
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id
        JOIN audit_events e ON e.sequence = d.event_sequence
        WHERE d.status = @pending AND d.next_attempt_at <= @now
        ORDER BY e.sequence, d.id
        LIMIT @limit
        """);

    private static readonly Sql Lease = Sql.Of("UPDATE webhook_deliveries SET next_attempt_at = @leaseEnd WHERE id = @id");

    private static readonly Sql Record = Sql.Of(
        """
        UPDATE webhook_deliveries
        SET status = @status, attempts = @attempts, next_attempt_at = @next, last_error = @error, delivered_at = @deliveredAt
        WHERE id = @id
        """);

    private static string Pending => DeliveryStatus.Pending.Wire();

    public static Task InsertAsync(DbSession db, SubscriptionView subscription) =>
        db.ExecuteAsync(Insert, new
        {
            subscription.Id, subscription.Url, eventTypes = JsonSerializer.Serialize(subscription.EventTypes), subscription.Secret,
            subscription.CreatedBy, subscription.CreatedAt,
        });

    /// <summary>The subscriptions, oldest first: every one (owner null), or those one integrator made.</summary>
    public static async Task<IReadOnlyList<SubscriptionView>> ListAsync(DbSession db, string? owner) =>
        (await db.ListAsync<Row>(List, new { owner })).Select(r => r.ToView()).ToList();

    /// <summary>Removes a subscription and its pending deliveries; false when there was none (of this owner, when one is named).</summary>
    public static async Task<bool> DeleteAsync(DbSession db, Guid id, string? owner)
    {
        if (await db.SingleOrDefaultAsync<string>(OwnerOf, new { id }) is not { } createdBy || (owner is not null && createdBy != owner))
        {
            return false;
        }

        await db.ExecuteAsync(DeleteDeliveries, new { id });
        return await db.ExecuteAsync(Delete, new { id }) > 0;
    }

    /// <summary>Every subscription with the event types it asked for.</summary>
    public static async Task<IReadOnlyList<(Guid Id, IReadOnlyList<string> EventTypes)>> SubscriptionsAsync(DbSession db) =>
        (await db.ListAsync<Subscription>(Subscriptions))
            .Select(s => (s.Id, (IReadOnlyList<string>)(JsonSerializer.Deserialize<string[]>(s.EventTypes) ?? []))).ToList();

    public static Task EnqueueAsync(DbSession db, Guid subscriptionId, long sequence, Instant at) =>
        db.ExecuteAsync(Enqueue, new { id = Ids.New(at), subscriptionId, sequence, pending = Pending, at });

    public static async Task<bool> AnyDueAsync(DbSession db, Instant now) => await db.ScalarAsync<long>(CountDue, new { pending = Pending, now }) > 0;

    /// <summary>Claims what is due now, in event order: each claimed delivery is leased until <paramref name="leaseEnd"/>.</summary>
    public static async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(DbSession db, Instant now, Instant leaseEnd, int limit)
    {
        var due = await db.ListAsync<DueDelivery>(Due, new { pending = Pending, now, limit });
        foreach (var delivery in due)
        {
            await db.ExecuteAsync(Lease, new { leaseEnd, id = delivery.Id });
        }

        return due;
    }

    public static Task RecordAsync(DbSession db, Guid id, DeliveryStatus status, int attempts, Instant next, string? error, Instant? deliveredAt) =>
        db.ExecuteAsync(Record, new { id, status = status.Wire(), attempts, next, error, deliveredAt });
}

/// <summary>Writes one pending delivery per matching subscription, in the transaction of the change itself.</summary>
public static class WebhookOutbox
{
    public static async Task EnqueueAsync(DbSession db, long sequence, string type, Instant at)
    {
        foreach (var (id, types) in await WebhookStore.SubscriptionsAsync(db))
        {
            if (types.Contains(Events.EventTypes.All) || types.Contains(type))
            {
                await WebhookStore.EnqueueAsync(db, id, sequence, at);
            }
        }
    }
}
