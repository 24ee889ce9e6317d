using System.Data.Common;
using System.Text.Json;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Webhooks;

/// <summary>Writes one pending delivery per matching subscription, in the transaction of the change itself.</summary>
public static class WebhookOutbox
{
    private sealed record Subscription
    {
        public required Guid Id { get; init; }

        public required string EventTypes { get; init; }
    }

    public static async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, long sequence, string type, Instant at, CancellationToken cancellationToken)
    {
        var subscriptions = await connection.QueryAsync<Subscription>(new CommandDefinition(
            "SELECT id, event_types AS EventTypes FROM webhook_subscriptions", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var subscription in subscriptions)
        {
            var types = JsonSerializer.Deserialize<string[]>(subscription.EventTypes) ?? [];
            if (!types.Contains(Events.EventTypes.All) && !types.Contains(type))
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO webhook_deliveries (id, subscription_id, event_sequence, status, attempts, next_attempt_at)
                VALUES (@id, @subscriptionId, @sequence, 'pending', 0, @at)
                """, new { id = Ids.New(at), subscriptionId = subscription.Id, sequence, at }, transaction, cancellationToken: cancellationToken));
        }
    }
}
