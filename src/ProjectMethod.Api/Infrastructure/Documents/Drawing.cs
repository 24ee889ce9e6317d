using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ProjectMethod.Api.Infrastructure.Documents;

/// <summary>Where a text stands against its point: starting there, centred on it, or ending there.</summary>
public enum Anchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// A chart as shapes and words in a coordinate space of its own, drawn the same way on a page (as SVG) and on paper (in a
/// PDF): the service draws its charts once. Its title and description are what a screen reader says for it; the numbers
/// stand in a table beside it wherever it is shown.
/// </summary>
public sealed class Drawing(double width, double height, string title, string description)
{
    public abstract record Shape;

    /// <summary>A rectangle, filled; with an outline when a stroke colour is given (and no fill when the fill is "none").</summary>
    public sealed record Box(double X, double Y, double Width, double Height, string Fill, string? Stroke = null) : Shape;

    public sealed record Line(double X1, double Y1, double X2, double Y2, string Colour, double Thickness = 1, bool Dashed = false) : Shape;

    /// <summary>A diamond centred on its point: the mark of a decision point.</summary>
    public sealed record Diamond(double X, double Y, double Radius, string Fill, string Stroke) : Shape;

    /// <summary>Words whose baseline stands at Y.</summary>
    public sealed record Words(double X, double Y, string Text, double Size = 11, Anchor Anchor = Anchor.Start, bool Bold = false, string Colour = Ink) : Shape;

    /// <summary>The colour of the words: the pages' own.</summary>
    public const string Ink = "#1f2328";

    private readonly List<Shape> shapes = [];

    public double Width => width;

    public double Height => height;

    public string Title => title;

    public string Description => description;

    public IReadOnlyList<Shape> Shapes => shapes;

    public Drawing Add(Shape shape)
    {
        shapes.Add(shape);
        return this;
    }

    /// <summary>The drawing as an SVG element for a page: an image with its title and description, scaled to the width it is given.</summary>
    /// <param name="id">Unique on the page: the title's and description's ids derive from it.</param>
    /// <param name="wide">Whether it takes the page's whole width (a timeline) rather than a chart's.</param>
    public string ToSvg(string id, bool wide = false)
    {
        var html = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" class=\"chart{(wide ? " wide" : "")}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"));
        svg.Append($"<title id=\"{id}-title\">{html.Encode(title)}</title><desc id=\"{id}-desc\">{html.Encode(description)}</desc>");
        foreach (var shape in shapes)
        {
            svg.Append(shape switch
            {
                Box b => Invariant($"<rect x=\"{b.X:0.#}\" y=\"{b.Y:0.#}\" width=\"{b.Width:0.#}\" height=\"{b.Height:0.#}\" fill=\"{b.Fill}\"{(b.Stroke is { } s ? $" stroke=\"{s}\"" : "")} />"),
                Line l => Invariant($"<line x1=\"{l.X1:0.#}\" y1=\"{l.Y1:0.#}\" x2=\"{l.X2:0.#}\" y2=\"{l.Y2:0.#}\" stroke=\"{l.Colour}\" stroke-width=\"{l.Thickness}\"{(l.Dashed ? " stroke-dasharray=\"4 3\"" : "")} />"),
                Diamond d => Invariant($"<polygon points=\"{d.X:0.#},{d.Y - d.Radius:0.#} {d.X + d.Radius:0.#},{d.Y:0.#} {d.X:0.#},{d.Y + d.Radius:0.#} {d.X - d.Radius:0.#},{d.Y:0.#}\" fill=\"{d.Fill}\" stroke=\"{d.Stroke}\" />"),
                Words w => Invariant($"<text x=\"{w.X:0.#}\" y=\"{w.Y:0.#}\" font-size=\"{w.Size}\" fill=\"{w.Colour}\"{(w.Anchor == Anchor.Start ? "" : $" text-anchor=\"{(w.Anchor == Anchor.Middle ? "middle" : "end")}\"")}{(w.Bold ? " font-weight=\"bold\"" : "")}>") + html.Encode(w.Text) + "</text>",
                _ => throw new InvalidOperationException($"No SVG for {shape.GetType().Name}."),
            });
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
