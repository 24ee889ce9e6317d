namespace ProjectMethod.Api.Infrastructure.Documents;

/// <summary>One series of a bar chart: its name in the legend, its colour, and a value per category.</summary>
public sealed record BarSeries(string Name, string Colour, IReadOnlyList<decimal> Values);

/// <summary>
/// A horizontal bar chart: a row per category, a bar per series in it, each bar's value written at its end; a legend
/// when there is more than one series. Long category names have room on the left.
/// </summary>
public static class BarChart
{
    private const double Width = 700, Left = 190, Right = 90, Bar = 13, Gap = 10, Top = 8;

    public static Drawing Of(string title, string description, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, Func<decimal, string> format)
    {
        var legend = series.Count > 1 ? 22 : 0;
        var band = (series.Count * Bar) + Gap;
        var height = Top + legend + (categories.Count * band) + 4;
        var drawing = new Drawing(Width, height, title, description);
        var x = Left;
        if (series.Count > 1)
        {
            foreach (var s in series)
            {
                drawing.Add(new Drawing.Box(x, Top, 12, 12, s.Colour));
                drawing.Add(new Drawing.Words(x + 17, Top + 10, s.Name, 10));
                x += 30 + (s.Name.Length * 6.2);
            }
        }

        var max = series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var scale = max <= 0 ? 0 : (Width - Left - Right) / (double)max;
        var y = Top + legend;
        drawing.Add(new Drawing.Line(Left, y, Left, y + (categories.Count * band), "#57606a"));
        for (var c = 0; c < categories.Count; c++)
        {
            drawing.Add(new Drawing.Words(Left - 8, y + (series.Count * Bar / 2.0) + 4, categories[c], 10, Anchor.End));
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                var length = Math.Max((double)value * scale, 0);
                var top = y + (s * Bar);
                drawing.Add(new Drawing.Box(Left, top + 1, Math.Max(length, 1), Bar - 2, series[s].Colour));
                drawing.Add(new Drawing.Words(Left + length + 5, top + Bar - 3, format(value), 9));
            }

            y += band;
        }

        return drawing;
    }
}
