using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Notifications;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// "Varsler": what the employee was told and what waits to be sent, how each kind reaches them (at once, in the daily
/// digest, or not by e-mail) and in which language, and the secret address of their calendar feed — made or renewed here
/// and shown once.
/// </summary>
public sealed class VarslerModel(NotificationReader reader, NotificationCommands commands, IStringLocalizer<Texts> texts, IOptions<NotificationOptions> options, IServer server)
    : PageModel, IRefusable
{
    public NotificationsPage Notifications { get; private set; } = new([], []);

    public NotificationPreferencesView Preferences { get; private set; } = null!;

    public Refused? Refusal { get; private set; }

    [TempData]
    public string? Done { get; set; }

    /// <summary>The calendar feed's new address, shown on the page that follows its making, and never again.</summary>
    [TempData]
    public string? CalendarUrl { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken cancellationToken)
    {
        var form = new FormReader(Request.Form, texts);
        var kinds = Enum.GetValues<NotificationKind>()
            .Select(k => (Kind: k, Delivery: form.Enum<NotificationDelivery>(k.Wire())))
            .Where(k => k.Delivery is not null)
            .Select(k => new KindPreference(k.Kind, k.Delivery!.Value))
            .ToList();
        if (!form.IsValid)
        {
            return await RefuseAsync(Problems.Validation(form.Errors.ToDictionary()), cancellationToken);
        }

        var outcome = await commands.SetPreferencesAsync(User.ToActor().UserId, new PutNotificationPreferences(kinds, form.Text("language")), cancellationToken);
        if (outcome.Error is { } refused)
        {
            return await RefuseAsync(Problems.From(refused), cancellationToken);
        }

        Done = "NotificationPreferencesSaved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken cancellationToken)
    {
        var feed = await commands.RenewCalendarAsync(User.ToActor().UserId, NotificationSender.PublicBaseUrl(options.Value, server), cancellationToken);
        CalendarUrl = feed.Url;
        return RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem, CancellationToken cancellationToken)
    {
        Refusal = Refused.From("preferences", problem, texts).Keep(HttpContext);
        Response.StatusCode = problem.StatusCode;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.ToActor().UserId;
        Notifications = await reader.MineAsync(userId, cancellationToken);
        Preferences = await reader.PreferencesAsync(userId, cancellationToken);
    }
}
