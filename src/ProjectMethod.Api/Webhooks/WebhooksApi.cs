using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Webhooks;

public sealed record Subscribe(string? Url, IReadOnlyList<string>? EventTypes);

/// <summary>A webhook subscription. The signing secret is shown once, in the answer to the subscription.</summary>
public sealed record SubscriptionView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Secret, [property: Person] string CreatedBy, Instant CreatedAt);

public sealed record SubscriptionList(IReadOnlyList<SubscriptionView> Items)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}

public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.WebhookOwners);
        group.MapPost("/", Create).WithName(Operations.SubscribeWebhook).WithSummary("Subscribe a URL to event types")
            .WithDescription("An admin or an integrator. The URL's host must be in Webhooks:AllowedHosts; deliveries never reach a loopback or private address (checked on the address connected to) unless Webhooks:AllowPrivateNetworks is set, as in Development, and never follow a redirect. Deliveries are CloudEvents signed with HMAC-SHA256 of \"timestamp.body\" under the returned secret, in X-ProjectMethod-Signature.")
            .WithProblems(400, 403);
        group.MapGet("/", List).WithName(Operations.ListWebhooks).WithSummary("The webhook subscriptions").WithDescription("An admin sees every subscription, an integrator those it made. Secrets are not shown again.")
            .WithProblems(403);
        group.MapDelete("/{id:guid}", Delete).WithName(Operations.DeleteWebhook).WithSummary("Remove a subscription and its pending deliveries")
            .WithDescription("An admin removes any subscription, an integrator only those it made (another's is 404).").WithProblems(403, 404);
        return app;
    }

    private static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> Create(
        Subscribe request, HttpContext http, Database database, IClock clock, IOptions<WebhookOptions> options)
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
            return Problems.Validation(validation.Errors);
        }

        var actor = http.User.ToActor();
        var now = clock.GetCurrentInstant();
        var view = new SubscriptionView(Ids.New(now), url!.ToString(), types, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), actor.UserId, now);
        await database.WriteAsync(async db =>
        {
            await WebhookStore.InsertAsync(db, view);
            await AuditTrail.AppendAsync(db, null, EventTypes.WebhookSubscribed, actor.UserId, now, new WebhookSubscribedData(view.Id, view.Url, view.EventTypes));
            return (true, 0);
        }, http.RequestAborted);
        return TypedResults.Created($"/api/v1/webhooks/{view.Id}", view);
    }

    private static async Task<Ok<SubscriptionList>> List(HttpContext http, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SubscriptionList(await database.ReadAsync(db => WebhookStore.ListAsync(db, OwnerSeen(http)), cancellationToken)));

    /// <summary>Whose subscriptions the caller sees and removes: every one for an admin (null), its own for an integrator.</summary>
    private static string? OwnerSeen(HttpContext http) =>
        http.User.IsInRole(Domain.Roles.GlobalRoles.Admin) ? null : http.User.ToActor().UserId;

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, Database database, IClock clock)
    {
        var actor = http.User.ToActor();
        var removed = await database.WriteAsync(async db =>
        {
            if (!await WebhookStore.DeleteAsync(db, id, OwnerSeen(http)))
            {
                return (false, false);
            }

            await AuditTrail.AppendAsync(db, null, EventTypes.WebhookRemoved, actor.UserId, clock.GetCurrentInstant(), new WebhookRemovedData(id));
            return (true, true);
        }, http.RequestAborted);
        return removed ? TypedResults.NoContent() : Problems.NotFound("The subscription");
    }
}
