using System.Globalization;
using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Infrastructure.Documents;

namespace ProjectMethod.Api.Web;

/// <summary>
/// A benefit drawn as a chart on the server: the planned line from baseline to target, the measurements, and the forecast
/// from the latest measurement to the target date. Coordinates in an SVG view box; the page shows the numbers as a table too.
/// </summary>
public sealed record BenefitChart(string Planned, string Measured, IReadOnlyList<(double X, double Y)> Points, string? Forecast,
    IReadOnlyList<(double Y, string Label)> ValueTicks, IReadOnlyList<(double X, string Label)> DateTicks)
{
    public const int Width = 640;
    public const int Height = 280;
    private const double Left = 70, Right = 20, Top = 20, Bottom = 40;

    public static BenefitChart? Of(BenefitView benefit)
    {
        if (benefit.Baseline is not { } baseline || benefit.Target is not { } target)
        {
            return null;
        }

        var measured = benefit.Measurements.OrderBy(m => m.Date).ToList();
        var forecast = benefit.Figures?.ForecastAtTarget;
        var values = measured.Select(m => m.Value).Append(baseline.Value).Append(target.Value).Concat(forecast is { } f ? [f] : []).ToList();
        var (low, high) = (values.Min(), values.Max());
        if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }

        var (first, last) = (baseline.Date, target.Date > baseline.Date ? target.Date : baseline.Date.PlusDays(1));
        double X(LocalDate date) => Left + ((Period.Between(first, date, PeriodUnits.Days).Days / (double)Period.Between(first, last, PeriodUnits.Days).Days) * (Width - Left - Right));
        double Y(decimal value) => Top + ((double)((high - value) / (high - low)) * (Height - Top - Bottom));
        static string Line(IEnumerable<(double X, double Y)> points) =>
            string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));

        var points = measured.Select(m => (X(m.Date), Y(m.Value))).ToList();
        var latest = measured.LastOrDefault();
        (double X, double Y)[] planned = [(X(baseline.Date), Y(baseline.Value)), (X(target.Date), Y(target.Value))];
        (double X, double Y)[]? forecastLine = forecast is { } at && latest is not null ? [(X(latest.Date), Y(latest.Value)), (X(target.Date), Y(at))] : null;
        return new BenefitChart(
            Line(planned),
            Line([planned[0], .. points]),
            points,
            forecastLine is null ? null : Line(forecastLine),
            Enumerable.Range(0, 5).Select(i => low + ((high - low) * i / 4))
                .Select(v => (Y(v), Numbers.Format(high - low >= 10 ? Math.Round(v) : Math.Round(v, 2)))).ToList(),
            [(X(first), Numbers.Format(first)), (X(last), Numbers.Format(last))])
        {
            PlannedLine = planned,
            ForecastLine = forecastLine,
        };
    }

    private (double X, double Y)[] PlannedLine { get; init; } = [];

    private (double X, double Y)[]? ForecastLine { get; init; }

    /// <summary>The same chart as a drawing, for paper: grid and value axis, the plan dashed, the measurements joined, the forecast dotted.</summary>
    public Drawing Draw(string title, string description)
    {
        var drawing = new Drawing(Width, Height, title, description);
        foreach (var (y, label) in ValueTicks)
        {
            drawing.Add(new Drawing.Line(Left, y, Width - Right, y, "#d0d7de"));
            drawing.Add(new Drawing.Words(Left - 6, y + 4, label, 10, Anchor.End, Colour: "#57606a"));
        }

        foreach (var (x, label) in DateTicks)
        {
            drawing.Add(new Drawing.Words(x, Height - Bottom + 18, label, 10, Anchor.Middle, Colour: "#57606a"));
        }

        drawing.Add(new Drawing.Line(PlannedLine[0].X, PlannedLine[0].Y, PlannedLine[1].X, PlannedLine[1].Y, "#0550ae", 2, Dashed: true));
        var previous = PlannedLine[0];
        foreach (var point in Points)
        {
            drawing.Add(new Drawing.Line(previous.X, previous.Y, point.X, point.Y, "#116329", 2));
            previous = point;
        }

        foreach (var (x, y) in Points)
        {
            drawing.Add(new Drawing.Diamond(x, y, 4, "#116329", "#116329"));
        }

        if (ForecastLine is { } line)
        {
            drawing.Add(new Drawing.Line(line[0].X, line[0].Y, line[1].X, line[1].Y, "#7d4e00", 1.5, Dashed: true));
        }

        return drawing;
    }
}
