using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.Notifications;

/// <summary>A person's own notification settings: how each kind reaches them, their e-mail's language, their calendar feed.</summary>
public sealed class NotificationCommands(Database database, IClock clock, IOptions<NotificationOptions> options)
{
    public static readonly IReadOnlyList<string> Languages = ["nb", "en"];

    /// <summary>Keeps the kinds given (the rest as they were) and the language when given; the whole preferences back.</summary>
    public async Task<Outcome<NotificationPreferencesView>> SetPreferencesAsync(string userId, PutNotificationPreferences request, CancellationToken cancellationToken)
    {
        var kinds = request.Kinds ?? [];
        var validation = new Validation()
            .That(request.Kinds is not null || request.Language is not null, "kinds", "Give the kinds to set, the language, or both.")
            .That(kinds.All(k => k is not null), "kinds", "Each kind is an object with a kind and a delivery.")
            .That(kinds.Where(k => k is not null).GroupBy(k => k.Kind).All(g => g.Count() == 1), "kinds", "Each kind at most once.")
            .That(kinds.Where(k => k is not null).All(k => Enum.IsDefined(k.Kind) && Enum.IsDefined(k.Delivery)), "kinds", "Unknown kind or delivery.")
            .That(request.Language is null || Languages.Contains(request.Language), "language", "language is nb (bokmål) or en (English).");
        if (!validation.IsValid)
        {
            return validation.ToError();
        }

        return await database.WriteAsync(async db =>
        {
            foreach (var kind in kinds)
            {
                await NotificationStore.SetPreferenceAsync(db, userId, kind.Kind, kind.Delivery);
            }

            if (request.Language is { } language)
            {
                await NotificationStore.SetLanguageAsync(db, userId, language, clock.GetCurrentInstant());
            }

            return (true, await NotificationReader.PreferencesAsync(db, userId, options.Value));
        }, cancellationToken);
    }

    /// <summary>Makes a new secret for the person's calendar feed (an earlier address stops working) and answers the feed's address, this once.</summary>
    public async Task<CalendarFeedView> RenewCalendarAsync(string userId, Uri baseUrl, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await database.WriteAsync(async db =>
        {
            await NotificationStore.SetCalendarKeyAsync(db, userId, CalendarKey(secret), clock.GetCurrentInstant());
            return (true, 0);
        }, cancellationToken);
        return new CalendarFeedView(new Uri(baseUrl, $"kalender/{secret}.ics").ToString());
    }

    /// <summary>What is stored of a feed's secret: its SHA-256, so the database alone does not open anyone's calendar.</summary>
    public static string CalendarKey(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
