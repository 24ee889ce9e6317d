using NodaTime;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Webhooks;

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
