using System.Text.RegularExpressions;
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
        var pdf = new PaperDocument("Nytt skolebygg: BP2 godkjent (Konsept → Planlegging)", new DocumentHeading("Eksempel kommune", "Nytt skolebygg · Planlegging", new LocalDate(2026, 12, 4)), PaperTexts.Bokmal)
            .Section("Begrunnelse")
            .Text("Styringsgruppen går videre med alternativ B. Kostnaden er innenfor rammen, og elevrådet, foreldreutvalget og nærmiljøet er hørt — særlig om trafikksikkerhet ved skolen.")
            .Fields([("Besluttet av", "Bjørn Virksomhetsledelsen, virksomhetsledelsen"), ("Dato", "4. desember 2026")])
            .Section("Vedlegg")
            .Text(string.Join(" ", Enumerable.Range(1, 700).Select(i => $"ord{i}")))
            .Section("Kostnad per sektor")
            .Chart(BarChart.Of("Kostnad per sektor", "Tallene står i tabellen under.", ["Helse og velferd", "Kultur"],
                [new BarSeries("Budsjett", "#0550ae", [800000m, 400000m]), new BarSeries("Bokført", "#116329", [120000m, 0m])], v => $"{v:0} kr"))
            .Section("Kriterier")
            .Rows(["Kriterium", "Vurdering"], criteria, [0.75, 0.25])
            .ToPdf(Instant.FromUtc(2026, 12, 4, 9, 30));
        using var file = new Poppler.Pdf(pdf);

        file.Info.Should().MatchRegex(@"Pages:\s+[2-9]").And.MatchRegex(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)")
            .And.MatchRegex(@"Tagged:\s+yes").And.Contain("Nytt skolebygg: BP2 godkjent");
        var fonts = file.Fonts.Split('\n').Skip(2).Where(line => line.Length > 0).ToList();
        fonts.Should().NotBeEmpty().And.OnlyContain(line => line.Contains("DejaVu Sans", StringComparison.Ordinal) && line.Contains(" yes ", StringComparison.Ordinal));
        file.Text().Should().Contain("Eksempel kommune").And.Contain("trafikksikkerhet ved skolen").And.Contain("Bjørn Virksomhetsledelsen")
            .And.Contain("Kriterium 60").And.MatchRegex(@"Side 2 av [3-9]").And.Contain("ord1 ").And.Contain("ord700").And.Contain("Helse og velferd").And.Contain("800000 kr").And.Contain("Side 2").And.Contain("BP2 godkjent (Konsept →").And.Contain("4. desember 2026");

        var pages = int.Parse(Regex.Match(file.Info, @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        file.Text(page: pages).Should().Contain($"Side {pages} av {pages}", "each page counts to the last");

        // A paragraph runs on over the page; a table that runs onto another page shows its header row again there.
        file.Text(page: 2).Should().Contain("ord699");
        Enumerable.Range(2, 3).Select(page => file.Text(page)).Count(text => Regex.IsMatch(text, @"Kriterium\s+Vurdering\s+Kriterium \d+"))
            .Should().BeGreaterThanOrEqualTo(2, "the table starts on one page and its header row opens the next");
        file.Picture("dokument", pages: 3);
    }
}
