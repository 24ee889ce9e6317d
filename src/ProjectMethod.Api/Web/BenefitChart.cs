using System.Globalization;
using NodaTime;
using ProjectMethod.Api.Benefits;

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
        return new BenefitChart(
            Line([(X(baseline.Date), Y(baseline.Value)), (X(target.Date), Y(target.Value))]),
            Line([(X(baseline.Date), Y(baseline.Value)), .. points]),
            points,
            forecast is { } at && latest is not null ? Line([(X(latest.Date), Y(latest.Value)), (X(target.Date), Y(at))]) : null,
            Enumerable.Range(0, 5).Select(i => low + ((high - low) * i / 4))
                .Select(v => (Y(v), Numbers.Format(high - low >= 10 ? Math.Round(v) : Math.Round(v, 2)))).ToList(),
            [(X(first), Numbers.Format(first)), (X(last), Numbers.Format(last))]);
    }
}
