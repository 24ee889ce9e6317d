using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Archive;

/// <summary>A record due to be sent, with what its message needs.</summary>
public sealed record DueRecord
{
    public required Guid Id { get; init; }

    public Guid? ProjectId { get; init; }

    public required Guid CaseKey { get; init; }

    public required ArchiveRecordKind Kind { get; init; }

    public required string Subject { get; init; }

    public required long EventSequence { get; init; }

    public ExemptionBasis? Exemption { get; init; }

    public string? PublicTitle { get; init; }

    public required int Attempts { get; init; }

    public string? Title { get; init; }

    public string? FileName { get; init; }

    public byte[]? Document { get; init; }

    public required Instant QueuedAt { get; init; }

    /// <summary>The case file's number when the archive has receipted it: the message then needs no case file.</summary>
    public string? CaseNumber { get; init; }
}

/// <summary>The archive's outbox of registry entries, the case files it has receipted, and political decisions.</summary>
public static class ArchiveStore
{
    private sealed record RecordRow
    {
        public required Guid Id { get; init; }

        public Guid? ProjectId { get; init; }

        public required ArchiveRecordKind Kind { get; init; }

        public required string Subject { get; init; }

        public string? Title { get; init; }

        public string? PublicTitle { get; init; }

        public ExemptionBasis? Exemption { get; init; }

        public required ArchiveState State { get; init; }

        public required int Attempts { get; init; }

        public string? LastError { get; init; }

        public string? Sha256 { get; init; }

        public string? CaseNumber { get; init; }

        public string? JournalNumber { get; init; }

        public required Instant QueuedAt { get; init; }

        public Instant? SentAt { get; init; }

        public Instant? ReceiptedAt { get; init; }

        public ArchiveRecordView ToView() =>
            new(Id, ProjectId, Kind, Subject, Title, PublicTitle, Exemption, State, Attempts, LastError, Sha256, CaseNumber, JournalNumber, QueuedAt, SentAt, ReceiptedAt);
    }

    private sealed record PoliticalRow
    {
        public required Guid Id { get; init; }

        public required PoliticalBody Body { get; init; }

        public required LocalDate MeetingDate { get; init; }

        public required string CaseNumber { get; init; }

        public required PoliticalOutcome Outcome { get; init; }

        public required string Summary { get; init; }

        public required string RecordedBy { get; init; }

        public required Instant RecordedAt { get; init; }

        public PoliticalDecisionView ToView() => new(Id, Body, MeetingDate, CaseNumber, Outcome, Summary, RecordedBy, RecordedAt);
    }

    private const string Columns =
        """
        SELECT r.id, r.project_id AS ProjectId, r.kind, r.subject, r.title, r.public_title AS PublicTitle, r.exemption, r.state, r.attempts,
               r.last_error AS LastError, r.sha256, c.case_number AS CaseNumber, r.journal_number AS JournalNumber, r.queued_at AS QueuedAt,
               r.sent_at AS SentAt, r.receipted_at AS ReceiptedAt
        FROM archive_records r LEFT JOIN archive_case_files c ON c.case_key = r.case_key
        """;

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO archive_records (id, project_id, case_key, kind, subject, event_sequence, exemption, public_title, state, attempts, next_attempt_at, queued_at)
        VALUES (@id, @projectId, @caseKey, @kind, @subject, @sequence, @exemption, @publicTitle, @queued, 0, @at, @at)
        """);

    private static readonly Sql Exists = Sql.Of("SELECT COUNT(*) FROM archive_records WHERE id = @id");

    private static readonly Sql OfProject = Sql.Of(Columns + " WHERE r.project_id = @projectId ORDER BY r.id");

    private static readonly Sql InState = Sql.Of(Columns + " WHERE r.state = @state ORDER BY r.id LIMIT @limit");

    private static readonly Sql One = Sql.Of(Columns + " WHERE r.id = @id");

    private static readonly Sql CaseNumberOf = Sql.Of("SELECT case_number FROM archive_case_files WHERE case_key = @caseKey");

    private static readonly Sql CountDue = Sql.Of("SELECT COUNT(*) FROM archive_records WHERE state = @queued AND next_attempt_at <= @now");

    private static readonly Sql Due = Sql.Of(
        """
        SELECT r.id, r.project_id AS ProjectId, r.case_key AS CaseKey, r.kind, r.subject, r.event_sequence AS EventSequence, r.exemption,
               r.public_title AS PublicTitle, r.attempts, r.title, r.file_name AS FileName, r.document, r.queued_at AS QueuedAt,
               c.case_number AS CaseNumber
        FROM archive_records r LEFT JOIN archive_case_files c ON c.case_key = r.case_key
        WHERE r.state = @queued AND r.next_attempt_at <= @now
        ORDER BY r.id
        LIMIT @limit
        """);

    private static readonly Sql Lease = Sql.Of("UPDATE archive_records SET next_attempt_at = @leaseEnd WHERE id = @id AND state = @queued");

    private static readonly Sql Issue = Sql.Of(
        "UPDATE archive_records SET title = @title, public_title = @publicTitle, file_name = @fileName, document = @document, sha256 = @sha256 WHERE id = @id");

    private static readonly Sql Tried = Sql.Of(
        """
        UPDATE archive_records SET state = @state, attempts = @attempts, next_attempt_at = @next, last_error = @error,
               sent_at = COALESCE(@sentAt, sent_at)
        WHERE id = @id
        """);

    private static readonly Sql Receipted = Sql.Of(
        """
        UPDATE archive_records SET state = @receipted, journal_number = @journalNumber, receipted_at = @now, last_error = NULL
        WHERE id = @id AND state <> @receipted
        """);

    private static readonly Sql InsertCaseFile = Sql.Of(
        "INSERT INTO archive_case_files (case_key, case_number, receipted_at) VALUES (@caseKey, @caseNumber, @now)");

    private static readonly Sql Requeue = Sql.Of(
        "UPDATE archive_records SET state = @queued, attempts = 0, next_attempt_at = @now, last_error = NULL WHERE id = @id AND state = @failed");

    private static readonly Sql InsertPolitical = Sql.Of(
        """
        INSERT INTO political_decisions (id, project_id, body, meeting_date, case_number, outcome, summary, recorded_by, recorded_at)
        VALUES (@Id, @projectId, @body, @MeetingDate, @CaseNumber, @outcome, @Summary, @RecordedBy, @RecordedAt)
        """);

    private static readonly Sql Political = Sql.Of(
        """
        SELECT id, body, meeting_date AS MeetingDate, case_number AS CaseNumber, outcome, summary, recorded_by AS RecordedBy, recorded_at AS RecordedAt
        FROM political_decisions WHERE project_id = @projectId ORDER BY meeting_date, id
        """);

    private static readonly Sql IssuedEvents = Sql.Of(
        "SELECT sequence, project_id AS ProjectId, occurred_at AS OccurredAt, payload FROM audit_events WHERE type = @type AND payload LIKE @pattern ORDER BY sequence");

    private sealed record IssuedRow
    {
        public required long Sequence { get; init; }

        public Guid? ProjectId { get; init; }

        public required Instant OccurredAt { get; init; }

        public required string Payload { get; init; }
    }

    private static string Queued => ArchiveState.Queued.Wire();

    /// <summary>The audit chain's record of a document issued with this SHA-256; null when none was.</summary>
    public static async Task<(ArchiveRecordKind Type, Guid RecordId, Guid? ProjectId, long Sequence, Instant OccurredAt)?> IssuedAsync(DbSession db, string sha256)
    {
        var rows = await db.ListAsync<IssuedRow>(IssuedEvents, new { type = EventTypes.ArchiveDocumentIssued.Name, pattern = $"%{sha256}%" });
        foreach (var row in rows)
        {
            var issued = System.Text.Json.JsonSerializer.Deserialize<ArchiveDocumentIssuedData>(row.Payload, Json.Options)!;
            if (issued.Sha256 == sha256)
            {
                return (issued.Kind, issued.RecordId, row.ProjectId, row.Sequence, row.OccurredAt);
            }
        }

        return null;
    }

    /// <summary>Queues a registry entry in the transaction of what it records; false when one with this id is queued already.</summary>
    public static async Task<bool> QueueAsync(
        DbSession db, Guid id, Guid? projectId, Guid caseKey, ArchiveRecordKind kind, string subject, long sequence, ExemptionBasis? exemption, string? publicTitle, Instant at)
    {
        if (await db.ScalarAsync<long>(Exists, new { id }) > 0)
        {
            return false;
        }

        await db.ExecuteAsync(Insert, new
        {
            id, projectId, caseKey, kind = kind.Wire(), subject, sequence, exemption = exemption?.Wire(), publicTitle, queued = Queued, at,
        });
        return true;
    }

    public static async Task<IReadOnlyList<ArchiveRecordView>> OfProjectAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<RecordRow>(OfProject, new { projectId })).Select(r => r.ToView()).ToList();

    public static async Task<IReadOnlyList<ArchiveRecordView>> InStateAsync(DbSession db, ArchiveState state, int limit) =>
        (await db.ListAsync<RecordRow>(InState, new { state = state.Wire(), limit })).Select(r => r.ToView()).ToList();

    public static async Task<ArchiveRecordView?> OneAsync(DbSession db, Guid id) => (await db.SingleOrDefaultAsync<RecordRow>(One, new { id }))?.ToView();

    public static Task<string?> CaseNumberAsync(DbSession db, Guid caseKey) => db.SingleOrDefaultAsync<string>(CaseNumberOf, new { caseKey });

    public static async Task<bool> AnyDueAsync(DbSession db, Instant now) => await db.ScalarAsync<long>(CountDue, new { queued = Queued, now }) > 0;

    /// <summary>Claims what is due now, oldest first: each claimed record is leased until <paramref name="leaseEnd"/>.</summary>
    public static async Task<IReadOnlyList<DueRecord>> ClaimDueAsync(DbSession db, Instant now, Instant leaseEnd, int limit)
    {
        var due = await db.ListAsync<DueRecord>(Due, new { queued = Queued, now, limit });
        foreach (var record in due)
        {
            await db.ExecuteAsync(Lease, new { leaseEnd, id = record.Id, queued = Queued });
        }

        return due;
    }

    /// <summary>Keeps the document issued for a record: every later try sends these bytes.</summary>
    public static Task IssueAsync(DbSession db, Guid id, string title, string publicTitle, IssuedDocument document) =>
        db.ExecuteAsync(Issue, new { id, title, publicTitle, fileName = document.FileName, document = document.Bytes, sha256 = document.Sha256 });

    /// <summary>Records a try: queued again at <paramref name="next"/>, sent (awaiting its receipt), or failed.</summary>
    public static Task TriedAsync(DbSession db, Guid id, ArchiveState state, int attempts, Instant next, string? error, Instant now) =>
        db.ExecuteAsync(Tried, new { id, state = state.Wire(), attempts, next, error, sentAt = state == ArchiveState.Sent ? now : (Instant?)null });

    /// <summary>Records a receipt's numbers; false when the record was receipted already (a receipt that came twice).</summary>
    public static async Task<bool> ReceiptAsync(DbSession db, Guid id, Guid caseKey, string? caseNumber, string? journalNumber, Instant now)
    {
        if (caseNumber is not null && await CaseNumberAsync(db, caseKey) is null)
        {
            await db.ExecuteAsync(InsertCaseFile, new { caseKey, caseNumber, now });
        }

        return await db.ExecuteAsync(Receipted, new { id, receipted = ArchiveState.Receipted.Wire(), journalNumber, now }) > 0;
    }

    /// <summary>Queues a failed record again, to be sent at once; false when it is not failed.</summary>
    public static async Task<bool> RequeueAsync(DbSession db, Guid id, Instant now) =>
        await db.ExecuteAsync(Requeue, new { id, queued = Queued, failed = ArchiveState.Failed.Wire(), now }) > 0;

    /// <summary>The case file a record belongs to.</summary>
    public static Task<Guid?> CaseKeyAsync(DbSession db, Guid id) => db.SingleOrDefaultAsync<Guid?>(CaseKeyOf, new { id });

    private static readonly Sql CaseKeyOf = Sql.Of("SELECT case_key FROM archive_records WHERE id = @id");

    public static Task InsertPoliticalAsync(DbSession db, Guid projectId, PoliticalDecisionView decision) =>
        db.ExecuteAsync(InsertPolitical, new
        {
            decision.Id, projectId, body = decision.Body.Wire(), decision.MeetingDate, decision.CaseNumber, outcome = decision.Outcome.Wire(), decision.Summary,
            decision.RecordedBy, decision.RecordedAt,
        });

    public static async Task<IReadOnlyList<PoliticalDecisionView>> PoliticalAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<PoliticalRow>(Political, new { projectId })).Select(r => r.ToView()).ToList();
}

/// <summary>
/// Queues a registry entry for every decision and issued report, in the transaction of the event that records it, so
/// nothing decided is lost between the decision and the archive. A gate decision, a status report, a report and a benefit
/// change keep their own id as the entry's external key; an exception's decision (an exception may be decided at more
/// than one level), an idea's answer and a handbook's publication get one of their own. An idea's answer is filed with the project it
/// became, or in a case file of its own; a sector's handbook is a case file of its own.
/// </summary>
public static class ArchiveOutbox
{
    public static async Task EnqueueAsync(DbSession db, long sequence, Guid? projectId, string type, object payload, Instant at)
    {
        if (Entry(type, projectId, payload, at) is not { } entry)
        {
            return;
        }

        var (id, caseKey, kind, subject, exemption, publicTitle) = entry;
        await ArchiveStore.QueueAsync(db, id, projectId, caseKey, kind, subject, sequence, exemption, publicTitle, at);
    }

    private static (Guid Id, Guid CaseKey, ArchiveRecordKind Kind, string Subject, ExemptionBasis? Exemption, string? PublicTitle)? Entry(
        string type, Guid? projectId, object payload, Instant at)
    {
        static string Of(Guid id) => id.ToString("D");
        return (payload, projectId) switch
        {
            (DecisionView d, { } project) when type == EventTypes.DecisionMade.Name =>
                (d.Id, project, ArchiveRecordKind.GateDecision, Of(d.Id), d.Exemption, d.PublicTitle),
            (ExceptionDecidedData e, { } project) => (Ids.New(at), project, ArchiveRecordKind.ExceptionDecision, Of(e.ExceptionId), e.Exemption, e.PublicTitle),
            (BenefitChangeView c, { } project) when type == EventTypes.BenefitChangeDecided.Name =>
                (c.Id, project, ArchiveRecordKind.BenefitChange, $"{Of(c.BenefitId)}/{Of(c.Id)}", null, null),
            (ForecastSubmittedData f, { } project) when f.WorkPackageId is null => (f.ForecastId, project, ArchiveRecordKind.StatusReport, Of(f.ForecastId), null, null),
            (ReportWrittenData r, { } project) => (r.ReportId, project,
                type == EventTypes.EndReportWritten.Name ? ArchiveRecordKind.EndReport : ArchiveRecordKind.LessonsReport, Of(r.ReportId), null, null),
            (IdeaTriagedData i, var project) => (Ids.New(at), project ?? i.IdeaId, ArchiveRecordKind.IdeaAnswer, Of(i.IdeaId), null, null),
            (HandbookPublishedData h, _) => (Ids.New(at), HandbookCase(h.Sector), ArchiveRecordKind.HandbookPublication, $"{h.Sector}/{h.Version}", null, null),
            _ => null,
        };
    }

    /// <summary>A sector's handbook is one case file of its own, whose key is derived from the sector's slug.</summary>
    public static Guid HandbookCase(string sector) => Ids.FromName($"handbook:{sector}");
}
