using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Notifications;

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Notifications");
        group.MapGet("/notifications", async (HttpContext http, NotificationReader reader) =>
                TypedResults.Ok(await reader.MineAsync(http.User.ToActor().UserId, http.RequestAborted)))
            .WithName(Operations.ListMyNotifications).WithSummary("What I am told of: waiting to be sent, and sent")
            .WithDescription("The signed-in person's own notifications, newest first (200 at most): waiting are queued (to go at once, at the digest hour, or when a mail server is configured); sent holds the sent ones and those settled otherwise — refused by the mail server, failed after the outbox's last try, not by e-mail by the person's choice, or without an address in the register of people.")
            .WithProblems();
        group.MapGet("/notification-preferences", async (HttpContext http, NotificationReader reader) =>
                TypedResults.Ok(await reader.PreferencesAsync(http.User.ToActor().UserId, http.RequestAborted)))
            .WithName(Operations.GetNotificationPreferences).WithSummary("How I am told of each kind")
            .WithDescription("Every kind with its delivery: immediate (an e-mail at once), digest (one e-mail a day at digestHour, Europe/Oslo) or none (shown on the pages only). Where the person chose nothing: decisions waiting at once, the rest in the digest. language is the e-mail's (nb or en); mailConfigured says whether this service sends e-mail at all.")
            .WithProblems();
        group.MapPut("/notification-preferences", SetPreferences)
            .WithName(Operations.SetNotificationPreferences).WithSummary("Choose how I am told of each kind")
            .WithDescription("The kinds given get their delivery, the kinds left out keep theirs; language (nb or en) sets the e-mail's language. A change applies to what is recorded from now on.")
            .WithProblems(400);
        group.MapPost("/calendar-feed", async (HttpContext http, NotificationCommands commands, IOptions<NotificationOptions> options, IServer server) =>
            {
                var feed = await commands.RenewCalendarAsync(http.User.ToActor().UserId, NotificationSender.PublicBaseUrl(options.Value, server), http.RequestAborted);
                return TypedResults.Created(feed.Url, feed);
            })
            .WithName(Operations.RenewCalendarFeed).WithSummary("Make (or renew) my calendar feed's secret address")
            .WithDescription("An iCalendar (RFC 5545) feed to subscribe to in Outlook, Google or Apple Calendar: the planned ends of the stages in my projects (where the next decision point lies), and the days my highlight reports and benefit measurements fall due, each linking to its page. The address holds a secret and is shown this once; making a new one stops the old.")
            .WithProblems();

        // The feed itself is read by calendar programs that sign in to nothing: the secret in the address is the key.
        app.MapGet("/kalender/{secret}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<NotificationPreferencesView>, ProblemHttpResult>> SetPreferences(
        PutNotificationPreferences request, HttpContext http, NotificationCommands commands)
    {
        var outcome = await commands.SetPreferencesAsync(http.User.ToActor().UserId, request, http.RequestAborted);
        return outcome.Error is { } refused ? Problems.From(refused) : TypedResults.Ok(outcome.Value);
    }

    private static async Task<IResult> Feed(
        string secret, NotificationReader reader, Database database, PeopleReader people, IClock clock, IOptions<NotificationOptions> options, IServer server,
        CancellationToken cancellationToken)
    {
        if (secret.Length is < 20 or > 100
            || await database.ReadAsync(db => NotificationStore.CalendarOwnerAsync(db, NotificationCommands.CalendarKey(secret)), cancellationToken) is not { } userId)
        {
            return Problems.NotFound("The calendar feed");
        }

        var now = clock.GetCurrentInstant();
        var (due, ends) = await reader.CalendarAsync(userId, now, cancellationToken);
        var preferences = await reader.PreferencesAsync(userId, cancellationToken);
        var name = (await people.PeopleAsync(cancellationToken)).NameOf(userId);
        var feed = CalendarDocuments.Feed(name, due, ends, NotificationSender.PublicBaseUrl(options.Value, server), now,
            NotificationDocuments.TextsFor(preferences.Language));
        return Results.Text(feed, CalendarDocuments.ContentType);
    }
}
