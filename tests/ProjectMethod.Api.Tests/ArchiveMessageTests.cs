using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using NodaTime;
using ProjectMethod.Api.Archive;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The messages the archive takes, checked against KS's own Fiks Arkiv v1 schemas.</summary>
public sealed class ArchiveMessageTests
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(ArchiveDocuments.Opprett.NamespaceName, Repository.PathOf("../shared/standards/fiks-arkiv-v1/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Every error the schemas find in the message.</summary>
    public static List<string> Invalid(XDocument message)
    {
        var errors = new List<string>();
        XDocument.Parse(message.ToString()).Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static readonly CaseFile File = new(
        Guid.Parse("0193a1b2-0000-7000-8000-000000000001"), "Digital hjemmetjeneste", "Digital hjemmetjeneste", "Helse og velferd", new LocalDate(2026, 3, 2));

    private static RegistryEntry Entry(Exemption? exemption = null)
    {
        var pdf = new PaperDocument("Digital hjemmetjeneste: BP2 godkjent (Konsept → Planlegging)",
                new DocumentHeading("Eksempel kommune", "Digital hjemmetjeneste · Planlegging", new LocalDate(2026, 3, 2)), PaperTexts.Bokmal)
            .Text("Kriteriene er oppfylt.").ToPdf(Instant.FromUtc(2026, 3, 2, 9, 0));
        return new RegistryEntry(Guid.Parse("0193a1b2-0000-7000-8000-000000000002"), "Digital hjemmetjeneste: BP2 godkjent (Konsept → Planlegging)",
            "Digital hjemmetjeneste: BP2 godkjent", 'N', new LocalDate(2026, 3, 2), "Bjørn Virksomhetsledelsen", exemption,
            new IssuedDocument("beslutning.pdf", pdf), Instant.FromUtc(2026, 3, 2, 9, 0));
    }

    [Fact]
    public void A_decision_with_its_case_file_is_a_message_the_schema_accepts_with_the_pdfs_checksum_and_external_keys()
    {
        var entry = Entry();
        var message = ArchiveDocuments.Create(File, entry, withCaseFile: true);

        Invalid(message).Should().BeEmpty();
        var ns = ArchiveDocuments.Opprett;
        var root = message.Root!;
        root.Element(ns + "antallFiler")!.Value.Should().Be("1");
        root.Element(ns + "mappe")!.Element(ns + "referanseEksternNoekkel")!.Element(ArchiveDocuments.Catalogue + "noekkel")!.Value.Should().Be(File.ProjectId.ToString());
        var registration = root.Element(ns + "registrering")!;
        registration.Element(ns + "referanseEksternNoekkel")!.Element(ArchiveDocuments.Catalogue + "noekkel")!.Value.Should().Be(entry.RecordId.ToString(), "a resend finds the entry by its key");
        registration.Element(ns + "journalposttype")!.Element(ArchiveDocuments.Catalogue + "kode")!.Value.Should().Be("N");
        registration.Element(ns + "offentligTittel")!.Value.Should().Be("Digital hjemmetjeneste: BP2 godkjent");
        var file = registration.Descendants(ns + "dokumentobjekt").Single();
        file.Element(ns + "sjekksum")!.Value.Should().Be(Convert.ToHexStringLower(SHA256.HashData(entry.Document.Bytes)));
        file.Element(ns + "filstoerrelse")!.Value.Should().Be(entry.Document.Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        file.Element(ns + "referanseDokumentfil")!.Value.Should().Be("beslutning.pdf");
        registration.Descendants(ns + "skjerming").Should().BeEmpty();
    }

    [Fact]
    public void An_exempt_entry_alone_names_its_legal_basis_and_points_to_its_case_file_by_key_and_the_schema_accepts_it()
    {
        var message = ArchiveDocuments.Create(File, Entry(new Exemption("UO", "Offl. § 14")), withCaseFile: false);

        Invalid(message).Should().BeEmpty();
        var ns = ArchiveDocuments.Opprett;
        message.Root!.Element(ns + "mappe").Should().BeNull();
        var registration = message.Root.Element(ns + "registrering")!;
        registration.Element(ns + "referanseForelderMappe")!.Descendants(ArchiveDocuments.Catalogue + "noekkel").Single().Value.Should().Be(File.ProjectId.ToString());
        registration.Element(ns + "skjerming")!.Element(ns + "skjermingshjemmel")!.Value.Should().Be("Offl. § 14");
    }

    /// <summary>A receipt as an archive answers one, valid against the receipt's schema.</summary>
    public static XDocument Receipt(Guid projectId, Guid recordId, int caseSequence, int journalSequence, string? refused = null)
    {
        XNamespace k = ArchiveReceipt.Kvittering, md = ArchiveDocuments.Catalogue, xsi = "http://www.w3.org/2001/XMLSchema-instance";
        XNamespace error = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1";
        XElement Key(Guid id) => new(k + "referanseEksternNoekkel", new XElement(md + "fagsystem", ArchiveDocuments.System), new XElement(md + "noekkel", id));
        return new XDocument(new XElement(k + "arkivmeldingKvittering", new XAttribute(XNamespace.Xmlns + "xsi", xsi.NamespaceName),
            new XElement(k + "mappeKvittering", new XAttribute(xsi + "type", "saksmappeKvittering"),
                new XElement(k + "systemID", Guid.NewGuid()), Key(projectId), new XElement(k + "opprettetEllerEksisterende", "Opprettet"),
                new XElement(k + "saksaar", 2026), new XElement(k + "sakssekvensnummer", caseSequence)),
            refused is not null
                ? new XElement(k + "registreringFeilet", new XElement(error + "feilId", "ugyldig"), new XElement(error + "feilmelding", refused))
                : new XElement(k + "registreringKvittering", new XAttribute(xsi + "type", "journalpostKvittering"),
                    new XElement(k + "systemID", Guid.NewGuid()), Key(recordId), new XElement(k + "opprettetEllerEksisterende", "Opprettet"),
                    new XElement(k + "journalaar", 2026), new XElement(k + "journalsekvensnummer", journalSequence))));
    }

    private static readonly Lazy<XmlSchemaSet> ReceiptSchemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(ArchiveReceipt.Kvittering.NamespaceName, Repository.PathOf("../shared/standards/fiks-arkiv-v1/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd"));
        set.Compile();
        return set;
    });

    [Fact]
    public void A_receipt_gives_the_case_number_and_the_journal_number_or_the_archives_reason()
    {
        var receipted = Receipt(File.ProjectId, Guid.NewGuid(), 123, 456);
        var refused = Receipt(File.ProjectId, Guid.NewGuid(), 123, 0, refused: "Arkivdelen er avsluttet");
        foreach (var receipt in new[] { receipted, refused })
        {
            var errors = new List<string>();
            XDocument.Parse(receipt.ToString()).Validate(ReceiptSchemas.Value, (_, e) => errors.Add(e.Message));
            errors.Should().BeEmpty("the test's receipts are what an archive answers");
        }

        ArchiveReceipt.Read(receipted).Should().Be(new ArchiveReceipt("2026/123", "2026/456", null));
        ArchiveReceipt.Read(refused).Should().Be(new ArchiveReceipt("2026/123", null, "ugyldig: Arkivdelen er avsluttet"));
    }

    [Fact]
    public void The_schemas_refuse_a_message_that_lacks_what_they_require()
    {
        var message = ArchiveDocuments.Create(File, Entry(), withCaseFile: true);
        message.Root!.Element(ArchiveDocuments.Opprett + "registrering")!.Element(ArchiveDocuments.Opprett + "journalposttype")!.Remove();

        Invalid(message).Should().NotBeEmpty("a registry entry without its type is no journalpost");
    }
}
