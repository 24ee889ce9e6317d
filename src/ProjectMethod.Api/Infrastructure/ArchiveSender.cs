using Microsoft.Extensions.Options;
using NodaTime;
using ProjectMethod.Api.Archive;
using ProjectMethod.Api.Events;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Sends the archive's queued records when an archive is configured. Each is claimed under the write lock (two instances
/// never send the same one), its PDF issued once and kept (its SHA-256 appended to the audit chain), sent with the record's
/// id as its external key, and its receipt recorded with the archive's numbers. A try that fails is tried again with
/// back-off, from the outbox, which survives a restart; a record the archive refuses, or one tried until the outbox gives
/// up, is failed and waits for an admin to send it again.
/// </summary>
public sealed partial class ArchiveSender(
    Database database, IClock clock, RecordDocuments issuer, IServiceProvider services, IOptions<ArchiveOptions> options, ILogger<ArchiveSender> logger)
    : BackgroundService
{
    /// <summary>The service's own name in the audit chain, for what the archive's delivery records.</summary>
    public const string Actor = "projectmethod-archive";

    private const int BatchSize = 10;
    private static readonly Duration Lease = Duration.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Configured)
        {
            LogNotConfigured(logger);
            return;
        }

        await OutboxPolling.RunAsync(async token => await ReadReceiptsAsync(token) + await SendDueAsync(token), options.Value.PollInterval,
            exception => LogOutboxUnavailable(logger, exception), stoppingToken);
    }

    /// <summary>Claims and sends what is due now; returns how many records were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (!options.Value.Configured || !await database.ReadAsync(db => ArchiveStore.AnyDueAsync(db, now), cancellationToken))
        {
            return 0;
        }

        var due = await database.WriteAsync(async db => (true, await ArchiveStore.ClaimDueAsync(db, now, now + Lease, BatchSize)), cancellationToken);
        foreach (var claimed in due)
        {
            await SendAsync(claimed, cancellationToken);
        }

        return due.Count;
    }

    private async Task SendAsync(DueRecord claimed, CancellationToken cancellationToken)
    {
        var record = claimed.Document is null ? await IssueAsync(claimed, cancellationToken) : claimed;
        if (record is null)
        {
            await RecordAsync(claimed, ArchiveDelivery.Refused("The decision or report the record is of could not be read."), cancellationToken);
            return;
        }

        var issued = await issuer.DescribeAsync(record, cancellationToken);
        var message = ArchiveDocuments.Create(issued.CaseFile, issued.Entry, withCaseFile: record.CaseNumber is null);
        var delivery = await Transport().SendAsync(record.Id, message, issued.Entry.Document, cancellationToken);
        await RecordAsync(record, delivery, cancellationToken);
    }

    /// <summary>Issues the record's PDF, keeps it and appends its SHA-256 to the audit chain; null when what it records cannot be read.</summary>
    private async Task<DueRecord?> IssueAsync(DueRecord record, CancellationToken cancellationToken)
    {
        if (await issuer.IssueAsync(record, cancellationToken) is not var (title, publicTitle, document))
        {
            return null;
        }

        await database.WriteAsync(async db =>
        {
            await ArchiveStore.IssueAsync(db, record.Id, title, publicTitle, document);
            await AuditTrail.AppendAsync(db, record.ProjectId, EventTypes.ArchiveDocumentIssued, Actor, clock.GetCurrentInstant(),
                new ArchiveDocumentIssuedData(record.Id, record.Kind, record.Subject, document.FileName, document.Sha256, document.Bytes.Length));
            return (true, 0);
        }, cancellationToken);
        return record with { Title = title, PublicTitle = publicTitle, FileName = document.FileName, Document = document.Bytes };
    }

    private async Task RecordAsync(DueRecord record, ArchiveDelivery delivery, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var attempts = record.Attempts + 1;
        var state = delivery switch
        {
            { Taken: true } => ArchiveState.Sent,
            { Permanent: true } => ArchiveState.Failed,
            _ when attempts >= options.Value.MaxAttempts => ArchiveState.Failed,
            _ => ArchiveState.Queued,
        };
        if (state != ArchiveState.Sent)
        {
            LogNotDelivered(logger, record.Id, delivery.Error);
        }

        await database.WriteAsync(async db =>
        {
            await ArchiveStore.TriedAsync(db, record.Id, state, attempts, state == ArchiveState.Queued ? now + Backoff(attempts) : now, delivery.Error, now);
            if (state == ArchiveState.Failed)
            {
                await AuditTrail.AppendAsync(db, record.ProjectId, EventTypes.ArchiveRecordFailed, Actor, now,
                    new ArchiveRecordData(record.Id, record.Kind, record.Subject, null, null, delivery.Error));
            }

            if (delivery.Receipt is { } receipt)
            {
                await ArchiveCommands.RecordReceiptAsync(db, record.Id, receipt, now);
            }

            return (true, 0);
        }, cancellationToken);
    }

    /// <summary>Reads the receipts a folder archive left; returns how many were read.</summary>
    private async Task<int> ReadReceiptsAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Transport != "folder")
        {
            return 0;
        }

        var folder = services.GetRequiredService<FolderArchiveTransport>();
        var read = 0;
        foreach (var (recordId, path) in folder.ReceiptsWaiting())
        {
            var delivery = HttpArchiveTransport.ReceiptIn(await File.ReadAllTextAsync(path, cancellationToken));
            var receipt = delivery.Receipt ?? (delivery.Permanent ? new ArchiveReceipt(null, null, delivery.Error) : null);
            if (receipt is not null)
            {
                await database.WriteAsync(async db => (true, await ArchiveCommands.RecordReceiptAsync(db, recordId, receipt, clock.GetCurrentInstant())), cancellationToken);
            }

            FolderArchiveTransport.Done(path);
            read++;
        }

        return read;
    }

    private IArchiveTransport Transport() => options.Value.Transport == "folder"
        ? services.GetRequiredService<FolderArchiveTransport>()
        : services.GetRequiredService<HttpArchiveTransport>();

    /// <summary>1 min, 2 min, 4 min … up to 6 h between the outbox's tries of one record.</summary>
    public static Duration Backoff(int attempts) => OutboxPolling.Backoff(attempts, Duration.FromMinutes(1));

    [LoggerMessage(Level = LogLevel.Information, Message = "No archive is configured (Archive:Transport); decisions and reports wait, queued, until one is")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive's outbox could not be read; trying again")]
    private static partial void LogOutboxUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive record {RecordId} was not delivered: {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, Guid recordId, string? reason);
}
