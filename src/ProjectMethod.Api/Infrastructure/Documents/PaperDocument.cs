using NodaTime;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace ProjectMethod.Api.Infrastructure.Documents;

/// <summary>Who issues a document and what it is about: printed at the top of every page.</summary>
/// <param name="Municipality">The municipality's name.</param>
/// <param name="Subject">What the document concerns: the project and its phase, or the portfolio.</param>
/// <param name="Issued">The day it was issued, in Europe/Oslo.</param>
public sealed record DocumentHeading(string Municipality, string Subject, LocalDate Issued);

/// <summary>
/// A document for people who read paper: A4, a heading on every page, a title, then sections of headings, paragraphs,
/// label–value lists and tables, broken over pages as they fill. Written as a tagged PDF/A — the structure a screen
/// reader follows (headings, paragraphs, tables with header cells), the language, the fonts embedded — so it can be
/// archived as it is.
/// </summary>
public sealed class PaperDocument(string title, DocumentHeading heading, string language = "nb-NO")
{
    private abstract record Block;

    private sealed record Heading(string Text) : Block;

    private sealed record Paragraph(string Text) : Block;

    private sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths) : Block;

    private readonly List<Block> blocks = [];

    private static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    /// <summary>«4. desember 2026»: written out here, since the service runs without culture data.</summary>
    public static string LongDate(LocalDate date) => $"{date.Day}. {Months[date.Month - 1]} {date.Year}";

    public PaperDocument Section(string text)
    {
        blocks.Add(new Heading(text));
        return this;
    }

    public PaperDocument Text(string text)
    {
        blocks.Add(new Paragraph(text));
        return this;
    }

    /// <summary>Label and value side by side, a row each: a table of two columns whose first is its header.</summary>
    public PaperDocument Fields(IEnumerable<(string Label, string Value)> fields) =>
        Rows([], fields.Select(f => (IReadOnlyList<string>)[f.Label, f.Value]).ToList(), [0.32, 0.68]);

    /// <summary>A table with its header row; each column's share of the width.</summary>
    public PaperDocument Rows(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> widths)
    {
        blocks.Add(new Table(header, rows, widths));
        return this;
    }

    /// <summary>The document as PDF bytes.</summary>
    public byte[] ToPdf(Instant created)
    {
        DocumentFonts.Install();
        using var document = new PdfDocument();
        document.SetPdfA();
        document.Language = language;
        document.Info.Title = title;
        document.Info.Subject = heading.Subject;
        document.Info.Author = heading.Municipality;
        document.Info.Creator = "ProjectMethod";
        document.Info.CreationDate = created.ToDateTimeUtc();
        var tags = UAManager.ForDocument(document);
        tags.SetDocumentLanguage(language);
        new Writer(document, tags, heading).Write(title, blocks);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Lays the blocks out page by page.</summary>
    private sealed class Writer(PdfDocument document, UAManager tags, DocumentHeading heading)
    {
        private const double Margin = 56;
        private const double TopOfBody = 96;
        private static readonly XFont Body = new(DocumentFonts.Family, 10);
        private static readonly XFont Bold = new(DocumentFonts.Family, 10, XFontStyleEx.Bold);
        private static readonly XFont Small = new(DocumentFonts.Family, 8);
        private static readonly XFont TitleFont = new(DocumentFonts.Family, 18, XFontStyleEx.Bold);
        private static readonly XFont SectionFont = new(DocumentFonts.Family, 12.5, XFontStyleEx.Bold);
        private static readonly XColor Rule = XColor.FromArgb(0xC8, 0xCD, 0xD3);

        private XGraphics graphics = null!;
        private PdfPage page = null!;
        private double y;

        private double Width => page.Width.Point - 2 * Margin;

        private double Bottom => page.Height.Point - Margin - 16;

        public void Write(string title, IReadOnlyList<Block> blocks)
        {
            NewPage();
            Tagged(PdfBlockLevelElementTag.Heading1, () => Lines(title, TitleFont, XBrushes.Black, 24));
            y += 8;
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Heading h:
                        EnsureRoom(SectionFont.Height * 3);
                        y += 10;
                        Tagged(PdfBlockLevelElementTag.Heading2, () => Lines(h.Text, SectionFont, XBrushes.Black, 17));
                        y += 4;
                        break;
                    case Paragraph p:
                        Tagged(PdfBlockLevelElementTag.Paragraph, () => Lines(p.Text, Body, XBrushes.Black, 14));
                        y += 6;
                        break;
                    case Table t:
                        WriteTable(t);
                        y += 8;
                        break;
                }
            }

            graphics.Dispose();
        }

        private void Tagged(PdfBlockLevelElementTag tag, Action draw)
        {
            tags.StructureBuilder.BeginElement(tag);
            draw();
            tags.StructureBuilder.End();
        }

        private void WriteTable(Table table)
        {
            tags.StructureBuilder.BeginElement(PdfBlockLevelElementTag.Table);
            if (table.Header.Count > 0)
            {
                Row(table.Header, table.Widths, header: _ => true, repeated: null);
            }

            // A table without a header row is a list of fields: each row's first cell is its header.
            foreach (var row in table.Rows)
            {
                Row(row, table.Widths, header: column => table.Header.Count == 0 && column == 0, repeated: table.Header.Count > 0 ? table.Header : null);
            }

            tags.StructureBuilder.End();
        }

        /// <summary>
        /// One row, on a new page when it does not fit; a table's header row is drawn again at the top of a continuation
        /// page, as page furniture (the structure has it once).
        /// </summary>
        private void Row(IReadOnlyList<string> cells, IReadOnlyList<double> widths, Func<int, bool> header, IReadOnlyList<string>? repeated)
        {
            var wrapped = Wrapped(cells, widths, header);
            var height = Height(wrapped);
            if (y + height > Bottom)
            {
                graphics.Dispose();
                NewPage();
                if (repeated is not null)
                {
                    var again = Wrapped(repeated, widths, _ => true);
                    tags.StructureBuilder.BeginArtifact();
                    Draw(again, widths, _ => true, tagged: false);
                    tags.StructureBuilder.End();
                }
            }

            tags.StructureBuilder.BeginElement(PdfBlockLevelElementTag.TableRow);
            Draw(wrapped, widths, header, tagged: true);
            tags.StructureBuilder.End();
        }

        private List<List<string>> Wrapped(IReadOnlyList<string> cells, IReadOnlyList<double> widths, Func<int, bool> header) =>
            cells.Select((text, i) => Wrap(text, header(i) ? Bold : Body, widths[i] * Width - 8)).ToList();

        private static double Height(List<List<string>> wrapped) => wrapped.Max(lines => lines.Count) * 13 + 6;

        private void Draw(List<List<string>> wrapped, IReadOnlyList<double> widths, Func<int, bool> header, bool tagged)
        {
            var x = Margin;
            for (var i = 0; i < wrapped.Count; i++)
            {
                if (tagged)
                {
                    tags.StructureBuilder.BeginElement(header(i) ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                }

                var line = y + 3;
                foreach (var text in wrapped[i])
                {
                    graphics.DrawString(text, header(i) ? Bold : Body, XBrushes.Black, new XPoint(x + 4, line + Body.Height * 0.8));
                    line += 13;
                }

                if (tagged)
                {
                    tags.StructureBuilder.End();
                }

                x += widths[i] * Width;
            }

            y += Height(wrapped);
            if (tagged)
            {
                tags.StructureBuilder.BeginArtifact();
            }

            graphics.DrawLine(new XPen(Rule, 0.6), Margin, y, Margin + Width, y);
            if (tagged)
            {
                tags.StructureBuilder.End();
            }
        }

        private void Lines(string text, XFont font, XBrush brush, double leading)
        {
            foreach (var line in Wrap(text, font, Width))
            {
                EnsureRoom(leading);
                graphics.DrawString(line, font, brush, new XPoint(Margin, y + font.Height * 0.8));
                y += leading;
            }
        }

        /// <summary>The text broken into lines that fit the width, at spaces (a word longer than the line stands alone).</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        private void EnsureRoom(double height)
        {
            if (y + height > Bottom)
            {
                graphics.Dispose();
                NewPage();
            }
        }

        private void NewPage()
        {
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            tags.StructureBuilder.BeginArtifact();
            graphics.DrawString(heading.Municipality, Bold, XBrushes.Black, new XPoint(Margin, 44));
            graphics.DrawString(heading.Subject, Small, XBrushes.DimGray, new XPoint(Margin, 58));
            var issued = LongDate(heading.Issued);
            graphics.DrawString(issued, Small, XBrushes.DimGray, new XPoint(page.Width.Point - Margin - graphics.MeasureString(issued, Small).Width, 58));
            graphics.DrawLine(new XPen(Rule, 0.8), Margin, 66, page.Width.Point - Margin, 66);
            var number = $"Side {document.PageCount}";
            graphics.DrawString(number, Small, XBrushes.DimGray, new XPoint(page.Width.Point - Margin - graphics.MeasureString(number, Small).Width, page.Height.Point - Margin + 8));
            tags.StructureBuilder.End();
            y = TopOfBody;
        }
    }
}
