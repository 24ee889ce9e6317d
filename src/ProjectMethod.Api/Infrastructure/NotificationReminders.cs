using Microsoft.Extensions.Options;
using NodaTime;
using ProjectMethod.Api.Notifications;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The scheduled job that reminds of what falls due: a highlight report or benefit measurement as many days ahead as the
/// project's handbook says, and again once it is overdue; a co-creation input unanswered for 25 days. A reminder's id is
/// derived from what falls due and when, so every instance may compute them — on PostgreSQL several do — and each reminder
/// is still recorded, and sent, once.
/// </summary>
public sealed partial class NotificationReminders(Database database, NotificationReader reader, IClock clock, IOptions<NotificationOptions> options,
    ILogger<NotificationReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RemindAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Another instance recorded the same reminder a moment before, or the database is away: the next round finds what is left.
                LogNotComputed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.ReminderInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Records the reminders due now that were not recorded before; returns how many were new.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = now.InZone(Domain.Benefits.BenefitMath.Oslo).Date;
        var reminders = new List<NotificationDraft>();
        foreach (var item in await reader.DueAsync(now, cancellationToken))
        {
            if (today < item.Due.PlusDays(-item.Ahead))
            {
                continue;
            }

            var overdue = today > item.Due;
            var (kind, topic) = item.Topic switch
            {
                NotificationTopic.ReportDue => (NotificationKind.ReportDue, overdue ? NotificationTopic.ReportOverdue : NotificationTopic.ReportDue),
                NotificationTopic.MeasurementDue => (NotificationKind.MeasurementDue, overdue ? NotificationTopic.MeasurementOverdue : NotificationTopic.MeasurementDue),
                _ => (NotificationKind.InputsWaiting, NotificationTopic.InputsWaiting),
            };
            var cause = item.Topic == NotificationTopic.InputsWaiting ? item.Key : $"{item.Key}:{(overdue ? "overdue" : "ahead")}";
            reminders.AddRange(item.Recipients.Distinct().Select(r => new NotificationDraft(cause, r, kind, topic, item.Reason, item.ProjectId, item.Subject, item.Link, item.Due)));
        }

        if (reminders.Count == 0)
        {
            return 0;
        }

        return await database.WriteAsync(async db =>
        {
            var recorded = 0;
            foreach (var reminder in reminders)
            {
                if (await NotificationStore.RecordAsync(db, reminder, await NotificationStore.DeliveryAsync(db, reminder.Recipient, reminder.Kind), now))
                {
                    recorded++;
                }
            }

            return (true, recorded);
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminders of what falls due were not computed this round; trying again")]
    private static partial void LogNotComputed(ILogger logger, Exception exception);
}
