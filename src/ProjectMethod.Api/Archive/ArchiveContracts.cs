using NodaTime;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Archive;

/// <summary>What a registry entry records: a decision of one of the kinds the method knows, or a report it issued.</summary>
public enum ArchiveRecordKind
{
    GateDecision,
    ExceptionDecision,
    BenefitChange,
    StatusReport,
    EndReport,
    LessonsReport,
    IdeaAnswer,
    HandbookPublication,
}

/// <summary>
/// Where a record stands: queued (not sent yet, also while no archive is configured), sent (the archive took it and will
/// receipt it later), receipted (with its numbers), failed (the archive refused it, or it was tried until the outbox gave up).
/// </summary>
public enum ArchiveState
{
    Queued,
    Sent,
    Receipted,
    Failed,
}

/// <summary>
/// The section of the Freedom of Information Act (offentleglova) that exempts a record's content from public access: § 13
/// (duty of confidentiality), § 14 (internal documents), § 15 (documents obtained externally for internal preparation),
/// § 23 (the municipality's negotiating position), § 24 (control and regulation).
/// </summary>
public enum ExemptionBasis
{
    Offl13,
    Offl14,
    Offl15,
    Offl23,
    Offl24,
}

public static class ExemptionBases
{
    /// <summary>The legal basis as the archive cites it: «Offl. § 14».</summary>
    public static string LegalBasis(this ExemptionBasis basis) => $"Offl. § {basis.ToString()[4..]}";

    /// <summary>The archive's access code: «13» for a duty of confidentiality, «UO» (unntatt offentlighet) otherwise.</summary>
    public static string AccessCode(this ExemptionBasis basis) => basis == ExemptionBasis.Offl13 ? "13" : "UO";

    public static Exemption ToArchive(this ExemptionBasis basis) => new(basis.AccessCode(), basis.LegalBasis());

    /// <summary>
    /// A record's paper says it is exempt, and by which law, when it is; true when the reader may not see its content, and
    /// the document is to end there.
    /// </summary>
    public static bool NoteExemption(this Infrastructure.Documents.PaperDocument document, ExemptionBasis? exemption, bool withheld,
        Infrastructure.Documents.PaperTexts t)
    {
        if (exemption is not { } basis)
        {
            return false;
        }

        document.Section(t["Exempt"]).Text(t[withheld ? "ExemptWithheld" : "ExemptKept", basis.LegalBasis().ToLowerInvariant()]);
        return withheld;
    }
}

/// <summary>
/// A registry entry as the service keeps it: what it records, where it stands in delivery, and, once the archive has
/// receipted it, its journal number and the case number of its case file. An exempt record's title is shown only to
/// those who may read its content; everyone sees the public title.
/// </summary>
/// <param name="Id">The record's id: the archive's external key for the entry (for a gate decision, report or benefit change, its own id).</param>
/// <param name="ProjectId">The project whose case file holds it; null for a handbook's publication or an idea that did not become a project.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Subject">The id of what it records (for a handbook publication, «sector/version»).</param>
/// <param name="Title">The entry's title; null before the document is issued, and for an exempt record when the reader may not see it.</param>
/// <param name="PublicTitle">The title the public may read.</param>
/// <param name="Exemption">The legal basis that exempts its content from public access; null when it is public.</param>
/// <param name="State">Where it stands in delivery.</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="LastError">Why the last try failed, or the archive's reason for refusing it.</param>
/// <param name="Sha256">The SHA-256 of the PDF issued for the archive (the audit chain holds it too); null before it is issued.</param>
/// <param name="CaseNumber">The case number (saksnummer) of the case file, once receipted.</param>
/// <param name="JournalNumber">The entry's journal number (journalnummer), once receipted.</param>
/// <param name="QueuedAt">When it was queued: the moment of the decision or report.</param>
/// <param name="SentAt">When the archive took it.</param>
/// <param name="ReceiptedAt">When its receipt came.</param>
public sealed record ArchiveRecordView(
    Guid Id, Guid? ProjectId, ArchiveRecordKind Kind, string Subject, string? Title, string? PublicTitle, ExemptionBasis? Exemption, ArchiveState State,
    int Attempts, string? LastError, string? Sha256, string? CaseNumber, string? JournalNumber, Instant QueuedAt, Instant? SentAt, Instant? ReceiptedAt);

/// <summary>A project's registry entries, oldest first, and its case number once the archive has receipted the case file.</summary>
/// <param name="CaseNumber">The case number (saksnummer) of the project's case file, once the archive has receipted it.</param>
/// <param name="Configured">Whether an archive is configured; when not, every record waits, queued, until one is.</param>
/// <param name="Items">Every registry entry of the project, oldest first.</param>
public sealed record ProjectArchive(string? CaseNumber, bool Configured, IReadOnlyList<ArchiveRecordView> Items)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}

/// <summary>Registry entries across the service (for the admin: those failing, or in another state).</summary>
public sealed record ArchiveRecordList(IReadOnlyList<ArchiveRecordView> Items)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}

/// <summary>
/// A registry entry receipted (with the archive's numbers), failed (with the archive's reason) or queued again by an admin
/// (an event's payload).
/// </summary>
public sealed record ArchiveRecordData(Guid RecordId, ArchiveRecordKind Kind, string Subject, string? CaseNumber, string? JournalNumber, string? Reason);

/// <summary>The PDF issued for the archive: the record, its file name and SHA-256, which the audit chain keeps (an event's payload).</summary>
public sealed record ArchiveDocumentIssuedData(Guid RecordId, ArchiveRecordKind Kind, string Subject, string FileName, string Sha256, long Size);

/// <summary>
/// Where records go: <c>http</c> (the archive adapter or integration platform, one request per record), <c>folder</c> (files
/// an archive imports), or <c>none</c> (the embedded default: records wait, queued, until an archive is configured).
/// </summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    public string Transport { get; init; } = "none";

    /// <summary>For http: the address the message and its document are posted to.</summary>
    public string? Url { get; init; }

    /// <summary>For http: a bearer token the archive adapter expects (a secret; never in the repository).</summary>
    public string? Token { get; init; }

    /// <summary>For folder: where each message and its PDF are written; receipts are read from its «kvitteringer» folder.</summary>
    public string? Folder { get; init; }

    /// <summary>The administrative unit (administrativEnhet) the case files belong to.</summary>
    public string AdministrativeUnit { get; init; } = "Prosjektkontoret";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; init; } = 12;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Configured => Transport is "http" or "folder";
}

/// <summary>An outcome of a political body about a project.</summary>
public enum PoliticalOutcome
{
    Adopted,
    AdoptedWithChanges,
    Rejected,
    Postponed,
}

/// <summary>The political bodies of a municipality that decide about projects.</summary>
public enum PoliticalBody
{
    Kommunestyre,
    Formannskap,
    Hovedutvalg,
    Bystyre,
    Fylkesting,
}

/// <summary>A political decision about the project, as its body made it: the body, the meeting, the case number and the outcome.</summary>
public sealed record RecordPoliticalDecision(PoliticalBody? Body, LocalDate? MeetingDate, string? CaseNumber, PoliticalOutcome? Outcome, string? Summary);

/// <summary>A political decision recorded with the project: what the body decided, and who recorded it when.</summary>
public sealed record PoliticalDecisionView(
    Guid Id, PoliticalBody Body, LocalDate MeetingDate, string CaseNumber, PoliticalOutcome Outcome, string Summary, [property: Person] string RecordedBy, Instant RecordedAt);

/// <summary>The political decisions about a project, oldest meeting first.</summary>
public sealed record PoliticalDecisionList(IReadOnlyList<PoliticalDecisionView> Items)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}
