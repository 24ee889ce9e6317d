using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using NodaTime;
using NodaTime.Text;

namespace ProjectMethod.Api.Archive;

/// <summary>
/// Who may not read a record's content, and by what law (offentleglova § 14, § 23 …): the access code of the
/// municipality's archive and the legal basis it cites.
/// </summary>
public sealed record Exemption(string AccessCode, string LegalBasis);

/// <summary>The project as a case file (saksmappe) of the municipality's archive; its id is its external key.</summary>
public sealed record CaseFile(Guid ProjectId, string Title, string? PublicTitle, string AdministrativeUnit, LocalDate Opened);

/// <summary>A PDF the service issued for the archive: its name and bytes.</summary>
public sealed record IssuedDocument(string FileName, byte[] Bytes)
{
    /// <summary>The SHA-256 of the bytes, lower-case hex: what the archive's checksum and the audit chain hold.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

/// <summary>
/// A decision or a report as a registry entry (journalpost) of the case file: an internal document (N, to be followed
/// up, or X, not), its title and public title, its date, its author, an exemption where the content is exempt, and its
/// PDF as the main document. Its id is its external key, so a resend never makes a second entry.
/// </summary>
public sealed record RegistryEntry(
    Guid RecordId, string Title, string PublicTitle, char Type, LocalDate DocumentDate, string Author, Exemption? Exemption, IssuedDocument Document, Instant Issued);

/// <summary>
/// The messages the municipality's archive takes, in KS's Fiks Arkiv v1 protocol: <c>arkivmelding.opprett</c> with the
/// case file and a registry entry, the PDF referred to by its file name (it travels beside the message).
/// </summary>
public static class ArchiveDocuments
{
    public static readonly XNamespace Opprett = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1";

    /// <summary>The Noark 5 metadata catalogue: the children of its types (codes, keys, references) are in its namespace.</summary>
    public static readonly XNamespace Catalogue = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1";

    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The system the archive knows the records from: each external key names it.</summary>
    public const string System = "ProjectMethod";

    /// <summary>
    /// The message for an entry: with the case file too when the archive has not receipted it yet (the entry then
    /// points to it by the project's external key; an archive that knows the case file already finds it by the same key).
    /// </summary>
    public static XDocument Create(CaseFile file, RegistryEntry entry, bool withCaseFile)
    {
        XElement Ns(string name, params object?[] content) => new(Opprett + name, content);
        static XElement Md(string name, params object?[] content) => new(Catalogue + name, content);
        XElement Code(string name, string code, string description) => Ns(name, Md("kode", code), Md("beskrivelse", description));
        static XElement[] Key(Guid id) => [Md("fagsystem", System), Md("noekkel", id.ToString("D"))];
        static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
        var issued = InstantPattern.ExtendedIso.Format(entry.Issued);

        var caseFile = withCaseFile
            ? Ns("mappe", new XAttribute(Xsi + "type", "saksmappe"),
                Ns("tittel", file.Title),
                file.PublicTitle is null ? null : Ns("offentligTittel", file.PublicTitle),
                Ns("opprettetDato", issued),
                Ns("referanseEksternNoekkel", Key(file.ProjectId)),
                Ns("saksdato", Date(file.Opened)),
                Ns("administrativEnhet", Md("navn", file.AdministrativeUnit)),
                Code("saksstatus", "B", "Under behandling"))
            : null;

        var document = entry.Document;
        var registration = Ns("registrering", new XAttribute(Xsi + "type", "journalpost"),
            Ns("opprettetDato", issued),
            Ns("referanseForelderMappe", Md("referanseEksternNoekkel", Key(file.ProjectId))),
            Exempt(entry.Exemption),
            Ns("dokumentbeskrivelse",
                Code("dokumentstatus", "F", "Ferdigstilt"),
                Ns("tittel", entry.Title),
                Ns("forfatter", entry.Author),
                Ns("opprettetDato", issued),
                Code("tilknyttetRegistreringSom", "H", "Hoveddokument"),
                Ns("dokumentnummer", 1),
                Exempt(entry.Exemption),
                Ns("dokumentobjekt",
                    Ns("versjonsnummer", 1),
                    Code("variantformat", "A", "Arkivformat"),
                    Code("format", "RA-PDF", "PDF/A"),
                    Ns("mimeType", "application/pdf"),
                    Ns("opprettetDato", issued),
                    Ns("filnavn", document.FileName),
                    Ns("referanseDokumentfil", document.FileName),
                    Ns("sjekksum", document.Sha256),
                    Ns("sjekksumAlgoritme", "SHA256"),
                    Ns("filstoerrelse", document.Bytes.Length))),
            Ns("tittel", entry.Title),
            Ns("offentligTittel", entry.PublicTitle),
            Ns("forfatter", entry.Author),
            Ns("referanseEksternNoekkel", Key(entry.RecordId)),
            Code("journalposttype", entry.Type.ToString(CultureInfo.InvariantCulture), entry.Type == 'N' ? "Organinternt dokument for oppfølging" : "Organinternt dokument uten oppfølging"),
            Code("journalstatus", "F", "Ferdigstilt fra saksbehandler"),
            Ns("dokumentetsDato", Date(entry.DocumentDate)),
            Ns("antallVedlegg", 0));

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            Ns("arkivmelding", new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName), new XAttribute(XNamespace.Xmlns + "n5mdk", Catalogue.NamespaceName),
                Ns("system", System),
                Ns("antallFiler", 1),
                caseFile,
                registration));

        XElement? Exempt(Exemption? exemption) => exemption is null
            ? null
            : Ns("skjerming", Code("tilgangsrestriksjon", exemption.AccessCode, exemption.AccessCode), Ns("skjermingshjemmel", exemption.LegalBasis));
    }
}

/// <summary>
/// What the archive answered (<c>arkivmelding.opprett.kvittering</c>): the case number (saksnummer, «2026/123») and the
/// registry entry's journal number («2026/456»), or the archive's reason when it refused the case file or the entry.
/// </summary>
public sealed record ArchiveReceipt(string? CaseNumber, string? JournalNumber, string? Failure)
{
    public static readonly XNamespace Kvittering = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1";

    private static readonly XNamespace Error = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1";

    /// <summary>The receipt read; a case number comes only with a case file's receipt (the first entry of a project).</summary>
    public static ArchiveReceipt Read(XDocument receipt)
    {
        var root = receipt.Root ?? throw new FormatException("The receipt is empty.");
        static string? Number(XElement? receipted, string year, string sequence) =>
            receipted?.Element(Kvittering + year) is { } y && receipted.Element(Kvittering + sequence) is { } n ? $"{y.Value}/{n.Value}" : null;
        static string? Failed(XElement? failed) =>
            failed is null ? null : $"{failed.Element(Error + "feilId")?.Value}: {failed.Element(Error + "feilmelding")?.Value}";

        var caseFile = root.Element(Kvittering + "mappeKvittering");
        var entry = root.Element(Kvittering + "registreringKvittering");
        var failure = Failed(root.Element(Kvittering + "mappeFeilet")) ?? Failed(root.Element(Kvittering + "registreringFeilet"));
        return new ArchiveReceipt(Number(caseFile, "saksaar", "sakssekvensnummer"), Number(entry, "journalaar", "journalsekvensnummer"), failure);
    }
}
