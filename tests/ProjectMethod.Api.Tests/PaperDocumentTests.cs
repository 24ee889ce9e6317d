using NodaTime;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>A document as a reader and an archive get it, read back with poppler's tools.</summary>
public sealed class PaperDocumentTests
{
    [Fact]
    public void A_document_is_a_tagged_a4_pdf_in_bokmal_with_its_fonts_embedded_and_its_text_readable_over_pages()
    {
        var criteria = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"Kriterium {i}: gevinstene er beskrevet, målbare og eid av linjen", i % 7 == 0 ? "Ikke oppfylt" : "Oppfylt"]).ToList();
        var pdf = new PaperDocument("Nytt skolebygg: BP2 godkjent (Konsept → Planlegging)", new DocumentHeading("Eksempel kommune", "Nytt skolebygg · Planlegging", new LocalDate(2026, 12, 4)))
            .Section("Begrunnelse")
            .Text("Styringsgruppen går videre med alternativ B. Kostnaden er innenfor rammen, og elevrådet, foreldreutvalget og nærmiljøet er hørt — særlig om trafikksikkerhet ved skolen.")
            .Fields([("Besluttet av", "Bjørn Virksomhetsledelsen, virksomhetsledelsen"), ("Dato", "4. desember 2026")])
            .Section("Kriterier")
            .Rows(["Kriterium", "Vurdering"], criteria, [0.75, 0.25])
            .ToPdf(Instant.FromUtc(2026, 12, 4, 9, 30));
        using var file = new Poppler.Pdf(pdf);

        file.Info.Should().MatchRegex(@"Pages:\s+[2-9]").And.MatchRegex(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)")
            .And.MatchRegex(@"Tagged:\s+yes").And.Contain("Nytt skolebygg: BP2 godkjent");
        var fonts = file.Fonts.Split('\n').Skip(2).Where(line => line.Length > 0).ToList();
        fonts.Should().NotBeEmpty().And.OnlyContain(line => line.Contains("DejaVu Sans", StringComparison.Ordinal) && line.Contains(" yes ", StringComparison.Ordinal));
        file.Text().Should().Contain("Eksempel kommune").And.Contain("trafikksikkerhet ved skolen").And.Contain("Bjørn Virksomhetsledelsen")
            .And.Contain("Kriterium 60").And.Contain("Side 2").And.Contain("BP2 godkjent (Konsept →").And.Contain("4. desember 2026");

        // A table that runs onto another page shows its header row again there.
        file.Text(page: 2).Should().MatchRegex(@"Kriterium\s+Vurdering");
        file.Picture("dokument", pages: 2);
    }
}
