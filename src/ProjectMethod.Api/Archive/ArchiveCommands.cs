using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Archive;

namespace ProjectMethod.Api.Archive;

/// <summary>The archive's delivery as an admin and the archive adapter steer it: an entry sent again, a receipt posted back.</summary>
public sealed class ArchiveCommands(Database database, IClock clock)
{
    /// <summary>Queues a failed entry again, to be sent at once with the same external key and PDF; null when there is no such entry.</summary>
    public async Task<Outcome<ArchiveRecordView>?> ResendAsync(Guid recordId, Actor actor, CancellationToken cancellationToken) =>
        await database.WriteAsync<Outcome<ArchiveRecordView>?>(async db =>
        {
            if (await ArchiveStore.OneAsync(db, recordId) is not { } found)
            {
                return (false, null);
            }

            if (ArchiveRules.CheckResendable(found.State == ArchiveState.Failed, found.State.Wire()) is { } refused)
            {
                return (false, refused);
            }

            var now = clock.GetCurrentInstant();
            await ArchiveStore.RequeueAsync(db, recordId, now);
            await AuditTrail.AppendAsync(db, found.ProjectId, EventTypes.ArchiveRecordResent, actor.UserId, now,
                new ArchiveRecordData(found.Id, found.Kind, found.Subject, found.CaseNumber, found.JournalNumber, found.LastError));
            return (true, (await ArchiveStore.OneAsync(db, recordId))!);
        }, cancellationToken);

    /// <summary>The receipt the archive adapter posts back for an entry it took earlier; null when there is no such entry.</summary>
    public async Task<Outcome<ArchiveRecordView>?> ReceiptAsync(Guid recordId, ArchiveReceipt receipt, CancellationToken cancellationToken)
    {
        return await database.WriteAsync<Outcome<ArchiveRecordView>?>(async db =>
        {
            if (await ArchiveStore.OneAsync(db, recordId) is not { } found)
            {
                return (false, null);
            }

            if (ArchiveRules.CheckReceiptable(found.SentAt is not null || found.State != ArchiveState.Queued) is { } refused)
            {
                return (false, refused);
            }

            await RecordReceiptAsync(db, recordId, receipt, clock.GetCurrentInstant());
            return (true, (await ArchiveStore.OneAsync(db, recordId))!);
        }, cancellationToken);
    }

    /// <summary>
    /// Records a receipt the archive gave for a record, in the caller's write: its numbers kept and carried on an event; a
    /// refusal fails the record. False when there is no such record; a receipt that came before changes nothing.
    /// </summary>
    public static async Task<bool> RecordReceiptAsync(DbSession db, Guid recordId, ArchiveReceipt receipt, Instant now)
    {
        if (await ArchiveStore.OneAsync(db, recordId) is not { } record || await ArchiveStore.CaseKeyAsync(db, recordId) is not { } caseKey)
        {
            return false;
        }

        if (receipt.Failure is { } failure)
        {
            if (record.State != ArchiveState.Receipted)
            {
                await ArchiveStore.TriedAsync(db, recordId, ArchiveState.Failed, record.Attempts, now, failure, now);
                await AuditTrail.AppendAsync(db, record.ProjectId, EventTypes.ArchiveRecordFailed, ArchiveSender.Actor, now,
                    new ArchiveRecordData(recordId, record.Kind, record.Subject, null, null, failure));
            }

            return true;
        }

        if (await ArchiveStore.ReceiptAsync(db, recordId, caseKey, receipt.CaseNumber, receipt.JournalNumber, now))
        {
            var caseNumber = await ArchiveStore.CaseNumberAsync(db, caseKey);
            await AuditTrail.AppendAsync(db, record.ProjectId, EventTypes.ArchiveRecordReceipted, ArchiveSender.Actor, now,
                new ArchiveRecordData(recordId, record.Kind, record.Subject, caseNumber, receipt.JournalNumber, null));
        }

        return true;
    }

}
