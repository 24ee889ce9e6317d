using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
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

    private static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> Create(Subscribe request, HttpContext http, WebhookCommands commands) =>
        await commands.SubscribeAsync(request, http.Caller()) is var subscribed && subscribed.Error is { } refused
            ? Problems.From(refused)
            : TypedResults.Created($"/api/v1/webhooks/{subscribed.Value!.Id}", subscribed.Value);

    private static async Task<Ok<SubscriptionList>> List(HttpContext http, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SubscriptionList(await database.ReadAsync(db => WebhookStore.ListAsync(db, WebhookCommands.OwnerSeen(http.User.ToActor())), cancellationToken)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, WebhookCommands commands) =>
        await commands.RemoveAsync(id, http.Caller()) ? TypedResults.NoContent() : Problems.NotFound("The subscription");
}
