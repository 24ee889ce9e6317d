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
public sealed class PaperDocument(string title, DocumentHeading heading, PaperTexts texts)
{
    private abstract record Block;

    private sealed record Heading(string Text) : Block;

    private sealed record Paragraph(string Text) : Block;

    private sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths) : Block;

    private sealed record Picture(Drawing Drawing) : Block;

    private readonly List<Block> blocks = [];

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

    /// <summary>A chart the width of the page, a figure whose title and description are its text for a screen reader.</summary>
    public PaperDocument Chart(Drawing drawing)
    {
        blocks.Add(new Picture(drawing));
        return this;
    }

    /// <summary>The document as PDF bytes.</summary>
    /// <summary>
    /// The document as PDF bytes. It is laid out twice: first to count its pages, then with «Side 2 av 5» on each, since
    /// the count is known only at the end.
    /// </summary>
    public byte[] ToPdf(Instant created)
    {
        DocumentFonts.Install();
        var (_, pages) = Render(created, null);
        return Render(created, pages).Bytes;
    }

    private (byte[] Bytes, int Pages) Render(Instant created, int? pages)
    {
        using var document = new PdfDocument();
        document.SetPdfA();
        document.Language = texts.Language;
        document.Info.Title = title;
        document.Info.Subject = heading.Subject;
        document.Info.Author = heading.Municipality;
        document.Info.Creator = "ProjectMethod";
        document.Info.CreationDate = created.ToDateTimeUtc();
        var tags = UAManager.ForDocument(document);
        tags.SetDocumentLanguage(texts.Language);
        new Writer(document, tags, heading, texts, pages).Write(title, blocks);
        var count = document.PageCount;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return (output.ToArray(), count);
    }

    /// <summary>Lays the blocks out page by page.</summary>
    private sealed class Writer(PdfDocument document, UAManager tags, DocumentHeading heading, PaperTexts texts, int? pages)
    {
        private const double Margin = 56;
        private const double TopOfBody = 96;
        private static readonly XFont Body = new(DocumentFonts.Family, 10);
        private static readonly XFont Bold = new(DocumentFonts.Family, 10, XFontStyleEx.Bold);
        private static readonly XFont Small = new(DocumentFonts.Family, 8);
        private static readonly XFont TitleFont = new(DocumentFonts.Family, 18, XFontStyleEx.Bold);
        private static readonly XFont SectionFont = new(DocumentFonts.Family, 12.5, XFontStyleEx.Bold);
        private static readonly XColor Rule = XColor.FromArgb(0xC8, 0xCD, 0xD3);

        /// <summary>The type a table is set in: ordinary, or smaller for a table of many columns, so its headers fit.</summary>
        private sealed record CellType(XFont Body, XFont Bold, double Leading);

        private static readonly CellType Ordinary = new(Body, Bold, 13);
        private static readonly CellType Compact = new(new XFont(DocumentFonts.Family, 8.5), new XFont(DocumentFonts.Family, 8.5, XFontStyleEx.Bold), 11);

        private CellType cells = Ordinary;

        private XGraphics graphics = null!;
        private PdfPage page = null!;
        private double y;

        private double Width => page.Width.Point - 2 * Margin;

        private double Bottom => page.Height.Point - Margin - 16;

        public void Write(string title, IReadOnlyList<Block> blocks)
        {
            NewPage();
            Lines(PdfBlockLevelElementTag.Heading1, title, TitleFont, 24);
            y += 8;
            for (var i = 0; i < blocks.Count; i++)
            {
                switch (blocks[i])
                {
                    case Heading h:
                        // A heading stays with what follows it: a whole chart, or the first lines of anything else.
                        EnsureRoom(SectionFont.Height * 3 + (i + 1 < blocks.Count && blocks[i + 1] is Picture next ? next.Drawing.Height * Scale(next.Drawing) : 0));
                        y += 10;
                        Lines(PdfBlockLevelElementTag.Heading2, h.Text, SectionFont, 17);
                        y += 4;
                        break;
                    case Paragraph p:
                        Lines(PdfBlockLevelElementTag.Paragraph, p.Text, Body, 14);
                        y += 6;
                        break;
                    case Table t:
                        WriteTable(t);
                        y += 8;
                        break;
                    case Picture p:
                        WritePicture(p.Drawing);
                        y += 8;
                        break;
                }
            }

            graphics.Dispose();
        }

        /// <summary>The drawing scaled to the width of the page (never above its own size), on one page.</summary>
        private void WritePicture(Drawing drawing)
        {
            var scale = Scale(drawing);
            var height = drawing.Height * scale;
            EnsureRoom(height);
            var (left, top) = (Margin, y);
            tags.StructureBuilder.BeginElement(PdfIllustrationElementTag.Figure, $"{drawing.Title}. {drawing.Description}", new XRect(left, top, drawing.Width * scale, height));
            double X(double x) => left + (x * scale);
            double Y(double value) => top + (value * scale);
            foreach (var shape in drawing.Shapes)
            {
                switch (shape)
                {
                    case Drawing.Box b:
                        var rect = new XRect(X(b.X), Y(b.Y), b.Width * scale, b.Height * scale);
                        if (b.Fill != "none")
                        {
                            graphics.DrawRectangle(new XSolidBrush(Colour(b.Fill)), rect);
                        }

                        if (b.Stroke is { } stroke)
                        {
                            graphics.DrawRectangle(new XPen(Colour(stroke), 0.8), rect);
                        }

                        break;
                    case Drawing.Line l:
                        var pen = new XPen(Colour(l.Colour), l.Thickness * scale) { DashStyle = l.Dashed ? XDashStyle.Dash : XDashStyle.Solid };
                        graphics.DrawLine(pen, X(l.X1), Y(l.Y1), X(l.X2), Y(l.Y2));
                        break;
                    case Drawing.Diamond d:
                        XPoint[] corners = [new(X(d.X), Y(d.Y - d.Radius)), new(X(d.X + d.Radius), Y(d.Y)), new(X(d.X), Y(d.Y + d.Radius)), new(X(d.X - d.Radius), Y(d.Y))];
                        graphics.DrawPolygon(new XPen(Colour(d.Stroke), 0.8), new XSolidBrush(Colour(d.Fill)), corners, XFillMode.Winding);
                        break;
                    case Drawing.Words w:
                        var font = new XFont(DocumentFonts.Family, w.Size * scale, w.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                        var width = graphics.MeasureString(w.Text, font).Width;
                        var x = X(w.X) - (w.Anchor switch { Anchor.Middle => width / 2, Anchor.End => width, _ => 0 });
                        graphics.DrawString(w.Text, font, new XSolidBrush(Colour(w.Colour)), new XPoint(x, Y(w.Y)));
                        break;
                }
            }

            tags.StructureBuilder.End();
            y += height;
        }

        /// <summary>A drawing is shrunk to the width of the page, never enlarged.</summary>
        private double Scale(Drawing drawing) => Math.Min(1, Width / drawing.Width);

        /// <summary>«#rrggbb», as the drawings write their colours.</summary>
        private static XColor Colour(string hex) =>
            XColor.FromArgb(Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

        private void WriteTable(Table table)
        {
            tags.StructureBuilder.BeginElement(PdfBlockLevelElementTag.Table);
            cells = table.Widths.Count > 5 ? Compact : Ordinary;
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
            cells.Select((text, i) => Wrap(text, header(i) ? this.cells.Bold : this.cells.Body, widths[i] * Width - 8)).ToList();

        private double Height(List<List<string>> wrapped) => wrapped.Max(lines => lines.Count) * cells.Leading + 6;

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
                    graphics.DrawString(text, header(i) ? cells.Bold : cells.Body, XBrushes.Black, new XPoint(x + 4, line + cells.Body.Height * 0.8));
                    line += cells.Leading;
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

        /// <summary>
        /// A heading or paragraph, line by line; where it runs onto the next page, the part on each page is an element of
        /// its own, since a tagged element's marked content cannot span pages.
        /// </summary>
        private void Lines(PdfBlockLevelElementTag tag, string text, XFont font, double leading)
        {
            var lines = Wrap(text, font, Width);
            for (var first = 0; first < lines.Count;)
            {
                EnsureRoom(leading);
                var fit = Math.Max(1, (int)((Bottom - y) / leading));
                tags.StructureBuilder.BeginElement(tag);
                foreach (var line in lines.Skip(first).Take(fit))
                {
                    graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, y + font.Height * 0.8));
                    y += leading;
                }

                tags.StructureBuilder.End();
                first += fit;
            }
        }

        /// <summary>
        /// The text broken into lines that fit the width, at spaces; a word longer than the line is broken where it must
        /// be (a narrow column's header, a long compound word) rather than run into the next column.
        /// </summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var whole in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    foreach (var word in Pieces(whole, font, width))
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
                }

                lines.Add(line);
            }

            return lines;
        }

        /// <summary>A word as it fits the width: whole, or in pieces each as long as fits.</summary>
        private IEnumerable<string> Pieces(string word, XFont font, double width)
        {
            while (word.Length > 1 && graphics.MeasureString(word, font).Width > width)
            {
                var length = word.Length - 1;
                while (length > 1 && graphics.MeasureString(word[..length], font).Width > width)
                {
                    length--;
                }

                yield return word[..length];
                word = word[length..];
            }

            yield return word;
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
            var issued = texts.LongDate(heading.Issued);
            graphics.DrawString(issued, Small, XBrushes.DimGray, new XPoint(page.Width.Point - Margin - graphics.MeasureString(issued, Small).Width, 58));
            graphics.DrawLine(new XPen(Rule, 0.8), Margin, 66, page.Width.Point - Margin, 66);
            var number = pages is { } total ? texts["PageOfPages", document.PageCount, total] : texts["PageNumber", document.PageCount];
            graphics.DrawString(number, Small, XBrushes.DimGray, new XPoint(page.Width.Point - Margin - graphics.MeasureString(number, Small).Width, page.Height.Point - Margin + 8));
            tags.StructureBuilder.End();
            y = TopOfBody;
        }
    }
}
