using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Webhooks;

/// <summary>Subscribing to the events and removing a subscription: an admin any, an integrator its own.</summary>
public sealed class WebhookCommands(Database database, IClock clock, IOptions<WebhookOptions> options)
{
    /// <summary>A URL subscribed to event types; the answer shows the signing secret, once.</summary>
    public async Task<Outcome<SubscriptionView>> SubscribeAsync(Subscribe request, Caller caller)
    {
        var validation = new Validation().Text("url", request.Url, 2000);
        var url = Uri.TryCreate(request.Url, UriKind.Absolute, out var parsed) ? parsed : null;
        validation.That(request.Url is null || (url is not null && options.Value.Allows(url)), "url",
            "url must be an absolute http(s) URL whose host is in Webhooks:AllowedHosts, and not an address inside a private network.");
        var types = request.EventTypes?.Distinct().ToList() ?? [];
        validation.That(types.Count > 0, "eventTypes", "Name at least one event type, or \"*\" for all.");
        validation.That(types.All(t => t == EventTypes.All || EventTypes.Known.Contains(t)), "eventTypes",
            $"Unknown event type; known: {string.Join(", ", EventTypes.Known.Order(StringComparer.Ordinal))}.");
        if (!validation.IsValid)
        {
            return validation.ToError();
        }

        var actor = caller.Actor;
        var now = clock.GetCurrentInstant();
        var view = new SubscriptionView(Ids.New(now), url!.ToString(), types, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), actor.UserId, now);
        await database.WriteAsync(async db =>
        {
            await WebhookStore.InsertAsync(db, view);
            await AuditTrail.AppendAsync(db, null, EventTypes.WebhookSubscribed, actor.UserId, now, new WebhookSubscribedData(view.Id, view.Url, view.EventTypes));
            return (true, 0);
        }, caller.CancellationToken);
        return view;
    }

    /// <summary>A subscription and its pending deliveries removed; false when the caller sees no such subscription.</summary>
    public async Task<bool> RemoveAsync(Guid id, Caller caller)
    {
        var actor = caller.Actor;
        return await database.WriteAsync(async db =>
        {
            if (!await WebhookStore.DeleteAsync(db, id, OwnerSeen(actor)))
            {
                return (false, false);
            }

            await AuditTrail.AppendAsync(db, null, EventTypes.WebhookRemoved, actor.UserId, clock.GetCurrentInstant(), new WebhookRemovedData(id));
            return (true, true);
        }, caller.CancellationToken);
    }

    /// <summary>Whose subscriptions the caller sees and removes: every one for an admin (null), its own for an integrator.</summary>
    public static string? OwnerSeen(Actor actor) => actor.GlobalRoles.Contains(Domain.Roles.GlobalRoles.Admin) ? null : actor.UserId;
}
