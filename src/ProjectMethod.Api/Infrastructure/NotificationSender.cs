using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using ProjectMethod.Api.Notifications;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The mail server notifications go through, and when and how often they are sent.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The mail server; none (the embedded default) records notifications and shows them on the pages, and sends nothing.</summary>
    public SmtpOptions Smtp { get; init; } = new();

    /// <summary>The pages' public address, which the e-mail and the calendar link to; the service's own first address when none.</summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>The hour (Europe/Oslo) the daily digest is sent.</summary>
    public int DigestHour { get; init; } = 7;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the reminders of what falls due are computed.</summary>
    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromHours(1);

    public int MaxAttempts { get; init; } = 12;

    public bool Configured => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>SMTP: host, port, TLS mode (none, starttls, tls), credentials (a secret; never in the repository) and the sender address.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; init; }

    public int Port { get; init; } = 587;

    public string Security { get; init; } = "starttls";

    public string? User { get; init; }

    public string? Password { get; init; }

    public string From { get; init; } = "ProjectMethod <prosjekt@kommune.invalid>";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public SecureSocketOptions SocketOptions => Security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "tls" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>
/// Sends the notifications' outbox by e-mail when a mail server is configured: what is to go at once, and at the digest
/// hour each person's digest of what was recorded before it. Each is claimed under the write lock (two instances never
/// send the same one) and keeps the Message-Id its id gives, so a resend after a crash is the same message. A mail server
/// that is away or answers 4xx delays the notification (tried again with back-off until the outbox gives up); an address
/// it refuses for good (5xx) is marked refused and not tried again; a person without an e-mail address is marked so.
/// </summary>
public sealed partial class NotificationSender(Database database, IClock clock, IOptions<NotificationOptions> options, IServer server, ILogger<NotificationSender> logger)
    : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly Duration Lease = Duration.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Configured)
        {
            LogNotConfigured(logger);
            return;
        }

        await OutboxPolling.RunAsync(SendDueAsync, options.Value.PollInterval, exception => LogOutboxUnavailable(logger, exception), stoppingToken);
    }

    /// <summary>The pages' public address, from configuration or the service's own first address.</summary>
    public Uri BaseUrl => PublicBaseUrl(options.Value, server);

    public static Uri PublicBaseUrl(NotificationOptions options, IServer server)
    {
        var configured = options.PublicBaseUrl
            ?? server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://127.0.0.1:5080";
        return new Uri(configured.TrimEnd('/') + "/");
    }

    /// <summary>The last digest hour at or before <paramref name="now"/>: the digest carries what was recorded before it.</summary>
    public static Instant DigestCutoff(Instant now, int hour)
    {
        var oslo = Domain.Benefits.BenefitMath.Oslo;
        Instant HourOn(LocalDate day) => day.At(new LocalTime(Math.Clamp(hour, 0, 23), 0)).InZoneLeniently(oslo).ToInstant();
        var today = now.InZone(oslo).Date;
        return HourOn(today) <= now ? HourOn(today) : HourOn(today.PlusDays(-1));
    }

    /// <summary>Claims and sends what is due now; returns how many notifications were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var cutoff = DigestCutoff(now, options.Value.DigestHour);
        if (!options.Value.Configured || !await database.ReadAsync(db => NotificationStore.AnyDueAsync(db, now, cutoff), cancellationToken))
        {
            return 0;
        }

        var due = await database.WriteAsync(async db => (true, await NotificationStore.ClaimDueAsync(db, now, cutoff, now + Lease, BatchSize)), cancellationToken);
        var messages = due.Where(n => n.Delivery != NotificationDelivery.Digest).Select(n => (IReadOnlyList<DueNotification>)[n])
            .Concat(due.Where(n => n.Delivery == NotificationDelivery.Digest).GroupBy(n => n.Recipient).Select(g => (IReadOnlyList<DueNotification>)g.ToList()))
            .ToList();

        var from = MailboxAddress.Parse(options.Value.Smtp.From);
        using var smtp = new SmtpClient { Timeout = (int)options.Value.Smtp.Timeout.TotalMilliseconds };
        foreach (var items in messages)
        {
            var first = items[0];
            if (string.IsNullOrWhiteSpace(first.Email))
            {
                await RecordAsync(items, NotificationState.NoAddress, "The register of people holds no e-mail address for the recipient.", null, cancellationToken);
                continue;
            }

            var message = NotificationDocuments.Compose(items, first.Name ?? first.Recipient, first.Email, from, BaseUrl);
            var (state, error) = await SendAsync(smtp, message, items[0].Attempts + 1, cancellationToken);
            await RecordAsync(items, state, error, message.MessageId, cancellationToken);
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }

        return due.Count;
    }

    private async Task<(NotificationState State, string? Error)> SendAsync(SmtpClient smtp, MimeMessage message, int attempts, CancellationToken cancellationToken)
    {
        var retry = attempts >= options.Value.MaxAttempts ? NotificationState.Failed : NotificationState.Queued;
        try
        {
            if (!smtp.IsConnected)
            {
                var smtpOptions = options.Value.Smtp;
                await smtp.ConnectAsync(smtpOptions.Host!, smtpOptions.Port, smtpOptions.SocketOptions, cancellationToken);
                if (smtpOptions.User is { Length: > 0 } user && smtp.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                {
                    await smtp.AuthenticateAsync(user, smtpOptions.Password ?? "", cancellationToken);
                }
            }

            await smtp.SendAsync(message, cancellationToken);
            return (NotificationState.Sent, null);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)refused.StatusCode >= 500)
        {
            LogRefused(logger, message.MessageId ?? "", refused.Message);
            await ResetAsync(smtp, cancellationToken);
            return (NotificationState.Refused, $"{(int)refused.StatusCode} {refused.Message}");
        }
        catch (SmtpCommandException failed)
        {
            LogNotSent(logger, message.MessageId ?? "", failed);
            await ResetAsync(smtp, cancellationToken);
            return ((int)failed.StatusCode >= 500 && failed.ErrorCode == SmtpErrorCode.MessageNotAccepted ? NotificationState.Failed : retry,
                $"{(int)failed.StatusCode} {failed.Message}");
        }
        catch (Exception away) when (away is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException
                                         or AuthenticationException or ServiceNotConnectedException
                                         || (away is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNotSent(logger, message.MessageId ?? "", away);
            await ResetAsync(smtp, CancellationToken.None);
            return (retry, away.Message);
        }
    }

    /// <summary>After a refusal the connection is reset for the next message; after a broken one it is closed and opened again.</summary>
    private static async Task ResetAsync(SmtpClient smtp, CancellationToken cancellationToken)
    {
        try
        {
            if (smtp.IsConnected)
            {
                await smtp.NoOpAsync(cancellationToken);
            }
        }
        catch (Exception)
        {
            try
            {
                await smtp.DisconnectAsync(quit: false, CancellationToken.None);
            }
            catch (Exception)
            {
                // A connection that is gone is gone; the next message connects anew.
            }
        }
    }

    private async Task RecordAsync(IReadOnlyList<DueNotification> items, NotificationState state, string? error, string? messageId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        await database.WriteAsync(async db =>
        {
            foreach (var n in items)
            {
                var attempts = n.Attempts + 1;
                await NotificationStore.TriedAsync(db, n.Id, state, attempts, state == NotificationState.Queued ? now + OutboxPolling.Backoff(attempts, Duration.FromMinutes(1)) : now,
                    error, messageId, now);
            }

            return (true, 0);
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No mail server is configured (Notifications:Smtp:Host); notifications are recorded and shown on the pages, not sent")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notifications' outbox could not be read; trying again")]
    private static partial void LogOutboxUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server refused the recipient of message {MessageId} for good: {Reason}")]
    private static partial void LogRefused(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} was not sent; trying again later")]
    private static partial void LogNotSent(ILogger logger, string messageId, Exception exception);
}
