using System.Globalization;
using System.Text;
using MiniExcelLibs;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Portfolio;

/// <summary>
/// The portfolio report for management and the council, three ways: a PDF with its charts and tables, a workbook with a
/// sheet per table (numbers as numbers, dates as dates), and CSV of the projects for BI tools.
/// </summary>
public sealed class PortfolioDocuments(Letterhead letterhead)
{
    private const string BudgetColour = "#0550ae", ForecastColour = "#7d4e00", ActualColour = "#116329", PlannedColour = "#0969da";

    private static string[] Row(params string[] cells) => cells;

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Kroner(decimal? value) => value is { } v ? Web.Numbers.Kroner(v) : "–";

    public byte[] Pdf(PortfolioReportView report, PaperTexts t)
    {
        var subject = report.Sector is null ? t["WholePortfolio"] : (report.Sectors.Count > 0 ? report.Sectors[0].Name : null) ?? report.Sector;
        var document = letterhead.Start($"{t["PortfolioReport"]}: {subject}", subject, t)
            .Fields([(t["Projects"], Whole(report.Total.Projects)), (t["OpenExceptions"], Whole(report.Total.OpenExceptions)),
                (t["Budget"], Kroner(report.Total.Budget)), (t["ForecastCost"], Kroner(report.Total.Forecast)), (t["Booked"], Kroner(report.Total.Actual))]);

        var phases = report.Total.Phases.Where(p => p.Count > 0 || p.Phase is not (Phase.Rejected or Phase.Completed)).ToList();
        document.Section(t["ProjectsPerPhase"])
            .Chart(BarChart.Of(t["ProjectsPerPhase"], t["ChartFiguresBelow"], phases.Select(p => t[$"Phase.{p.Phase.Wire()}"]).ToList(),
                [new BarSeries(t["Projects"], PlannedColour, phases.Select(p => (decimal)p.Count).ToList())], v => Web.Numbers.Format(v)))
            .Rows([t["Phase"], .. report.Sectors.Select(s => s.Name!), t["Total"]],
                [.. phases.Select(p => Row([t[$"Phase.{p.Phase.Wire()}"], .. report.Sectors.Append(report.Total).Select(s => Whole(s.Phases.First(c => c.Phase == p.Phase).Count))]))],
                [0.22, .. report.Sectors.Append(report.Total).Select(_ => 0.78 / (report.Sectors.Count + 1))]);

        var rags = new Rag?[] { Rag.Green, Rag.Amber, Rag.Red, null };
        string RagName(Rag? rag) => t[$"Rag.{rag?.Wire() ?? "none"}"];
        int Count(SectorFigures s, Rag? rag) => s.Rags.FirstOrDefault(r => r.Rag == rag)?.Count ?? 0;
        document.Section(t["ProjectsPerRag"])
            .Chart(BarChart.Of(t["ProjectsPerRag"], t["ChartFiguresBelow"], rags.Select(RagName).ToList(),
                [new BarSeries(t["Projects"], "#57606a", rags.Select(r => (decimal)Count(report.Total, r)).ToList())], v => Web.Numbers.Format(v)))
            .Rows([t["Sector"], .. rags.Select(RagName), t["OpenExceptions"]],
                [.. report.Sectors.Append(report.Total).Select(s => Row([s.Name ?? t["Total"], .. rags.Select(r => Whole(Count(s, r))), Whole(s.OpenExceptions)]))],
                [0.24, 0.14, 0.14, 0.14, 0.16, 0.18]);

        var sectors = report.Sectors;
        document.Section(t["CostPerSector"])
            .Chart(BarChart.Of(t["CostPerSector"], t["ChartFiguresBelow"], sectors.Select(s => s.Name!).ToList(),
                [new BarSeries(t["Budget"], BudgetColour, sectors.Select(s => s.Budget).ToList()),
                    new BarSeries(t["ForecastCost"], ForecastColour, sectors.Select(s => s.Forecast).ToList()),
                    new BarSeries(t["Booked"], ActualColour, sectors.Select(s => s.Actual).ToList())], Web.Numbers.Kroner))
            .Rows([t["Sector"], t["Budget"], t["ForecastCost"], t["Booked"], t["ForecastAgainstBudget"]],
                [.. sectors.Append(report.Total).Select(s => Row(s.Name ?? t["Total"], Kroner(s.Budget), Kroner(s.Forecast), Kroner(s.Actual), Kroner(s.Forecast - s.Budget)))],
                [0.24, 0.19, 0.19, 0.19, 0.19]);

        document.Section(t["BenefitsPerSector"])
            .Chart(BarChart.Of(t["BenefitsPerSector"], t["ChartFiguresBelow"], sectors.Select(s => s.Name!).ToList(),
                [new BarSeries(t["BenefitsPlanned"], PlannedColour, sectors.Select(s => (decimal)s.BenefitsPlanned).ToList()),
                    new BarSeries(t["BenefitStatus.realised"], ActualColour, sectors.Select(s => (decimal)s.BenefitsRealised).ToList())], v => Web.Numbers.Format(v)))
            .Rows([t["Sector"], t["BenefitsPlanned"], t["BenefitStatus.realised"], t["BenefitStatus.atRisk"]],
                [.. sectors.Append(report.Total).Select(s => Row(s.Name ?? t["Total"], Whole(s.BenefitsPlanned), Whole(s.BenefitsRealised), Whole(s.BenefitsAtRisk)))],
                [0.34, 0.22, 0.22, 0.22]);

        document.Section(t["Projects"])
            .Rows([t["Project"], t["Sector"], t["Phase"], t["Rag"], t["Budget"], t["ForecastCost"], t["Booked"], t["OpenExceptions"]],
                report.Projects.Select(p => Row(p.Name, sectors.FirstOrDefault(s => s.Sector == p.Sector)?.Name ?? p.Sector, t[$"Phase.{p.Phase.Wire()}"], RagName(p.Rag),
                    Kroner(p.Budget), Kroner(p.Forecast), Kroner(p.Actual), Whole(p.OpenExceptions))).ToList(),
                [0.17, 0.09, 0.17, 0.1, 0.12, 0.12, 0.12, 0.11]);

        document.Section(t["IdeasByOrigin"])
            .Chart(BarChart.Of(t["IdeasByOrigin"], t["ChartFiguresBelow"], report.Ideas.Select(i => t[$"IdeaOrigin.{i.Origin.Wire()}"]).ToList(),
                [new BarSeries(t["IdeasReceived"], "#57606a", report.Ideas.Select(i => (decimal)i.Received).ToList()),
                    new BarSeries(t["IdeasProposed"], PlannedColour, report.Ideas.Select(i => (decimal)i.Proposed).ToList()),
                    new BarSeries(t["IdeasApprovedAtBp1"], ActualColour, report.Ideas.Select(i => (decimal)i.ApprovedAtBp1).ToList())], v => Web.Numbers.Format(v)))
            .Rows([t["IdeaOriginLabel"], t["IdeasReceived"], t["IdeasProposed"], t["IdeasApprovedAtBp1"]],
                report.Ideas.Select(i => Row(t[$"IdeaOrigin.{i.Origin.Wire()}"], Whole(i.Received), Whole(i.Proposed), Whole(i.ApprovedAtBp1))).ToList(),
                [0.4, 0.2, 0.2, 0.2]);

        var coCreation = report.CoCreation.Sectors.Select(s => (Name: sectors.FirstOrDefault(f => f.Sector == s.Sector)?.Name ?? s.Sector, s.Figures))
            .Append((Name: t["Total"], Figures: report.CoCreation.Total));
        document.Section(t["CoCreationInPortfolio"])
            .Rows([t["Sector"], t["Projects"], t["WithCoCreationPlan"], t["HighestLevel"], t["ReachedHardToReach"], t["InputsAnswered"]],
                coCreation.Select(c => Row(c.Name, Whole(c.Figures.Projects), Whole(c.Figures.ProjectsWithPlan),
                    c.Figures.HighestLevelReached is { } level ? t[$"InvolvementLevel.{level.Wire()}"] : t["NotReached"],
                    Whole(c.Figures.ProjectsReachingHardToReach), $"{c.Figures.InputsAnswered} / {c.Figures.Inputs}")).ToList(),
                [0.2, 0.12, 0.16, 0.16, 0.2, 0.16]);
        return document.ToPdf(letterhead.Now);
    }

    /// <summary>The workbook: a sheet per table, each cell a number, a date or a text as it is.</summary>
    public async Task<byte[]> WorkbookAsync(PortfolioReportView report, PaperTexts t, CancellationToken cancellationToken)
    {
        string SectorName(string slug) => report.Sectors.FirstOrDefault(s => s.Sector == slug)?.Name ?? slug;
        var figures = report.Sectors.Append(report.Total);
        var sheets = new Dictionary<string, object>
        {
            [t["Projects"]] = report.Projects.Select(p => new Dictionary<string, object?>
            {
                [t["Project"]] = p.Name,
                [t["Sector"]] = SectorName(p.Sector),
                [t["Phase"]] = t[$"Phase.{p.Phase.Wire()}"],
                [t["Stage"]] = p.Stage,
                [t["Rag"]] = t[$"Rag.{p.Rag?.Wire() ?? "none"}"],
                [t["Budget"]] = p.Budget,
                [t["ForecastCost"]] = p.Forecast,
                [t["Booked"]] = p.Actual,
                [t["OpenExceptions"]] = p.OpenExceptions,
                [t["BenefitsPlanned"]] = p.Benefits.Count,
                [t["BenefitStatus.realised"]] = p.Benefits.Realised,
                [t["AverageAchievement"]] = p.Benefits.AverageAchievement,
                [t["ProductsAccepted"]] = p.Products.Accepted,
                [t["ProductsTotal"]] = p.Products.Total,
            }).ToList(),
            [t["Sectors"]] = figures.Select(s => new Dictionary<string, object?>
            {
                [t["Sector"]] = s.Name ?? t["Total"],
                [t["Projects"]] = s.Projects,
                [t["Budget"]] = s.Budget,
                [t["ForecastCost"]] = s.Forecast,
                [t["Booked"]] = s.Actual,
                [t["BenefitsPlanned"]] = s.BenefitsPlanned,
                [t["BenefitStatus.realised"]] = s.BenefitsRealised,
                [t["BenefitStatus.atRisk"]] = s.BenefitsAtRisk,
                [t["OpenExceptions"]] = s.OpenExceptions,
            }).ToList(),
            [t["ProjectsPerPhaseSheet"]] = figures.Select(s =>
                new Dictionary<string, object?> { [t["Sector"]] = s.Name ?? t["Total"] }
                    .Concat(s.Phases.Select(p => new KeyValuePair<string, object?>(t[$"Phase.{p.Phase.Wire()}"], p.Count))).ToDictionary()).ToList(),
            [t["IdeasSheet"]] = report.Ideas.Select(i => new Dictionary<string, object?>
            {
                [t["IdeaOriginLabel"]] = t[$"IdeaOrigin.{i.Origin.Wire()}"],
                [t["IdeasReceived"]] = i.Received,
                [t["IdeasProposed"]] = i.Proposed,
                [t["IdeasApprovedAtBp1"]] = i.ApprovedAtBp1,
            }).ToList(),
            [t["CoCreationSheet"]] = report.CoCreation.Sectors.Select(s => (Name: SectorName(s.Sector), s.Figures)).Append((Name: t["Total"], Figures: report.CoCreation.Total))
                .Select(c => new Dictionary<string, object?>
                {
                    [t["Sector"]] = c.Name,
                    [t["Projects"]] = c.Figures.Projects,
                    [t["WithCoCreationRegister"]] = c.Figures.ProjectsWithRegister,
                    [t["WithCoCreationPlan"]] = c.Figures.ProjectsWithPlan,
                    [t["ReachedHardToReach"]] = c.Figures.ProjectsReachingHardToReach,
                    [t["InputsReceived"]] = c.Figures.Inputs,
                    [t["InputsAnswered"]] = c.Figures.InputsAnswered,
                }).ToList(),
            [t["AboutSheet"]] = new List<Dictionary<string, object?>>
            {
                new() { [t["Field"]] = t["PortfolioReport"], [t["Value"]] = report.Sector is null ? t["WholePortfolio"] : SectorName(report.Sector) },
                new() { [t["Field"]] = t["ReportDate"], [t["Value"]] = report.Date.ToDateTimeUnspecified() },
                new() { [t["Field"]] = t["Municipality"], [t["Value"]] = letterhead.Municipality },
            },
        };
        using var output = new MemoryStream();
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return output.ToArray();
    }

    /// <summary>
    /// The projects as CSV (RFC 4180) for BI tools: a header of the API's field names, numbers with a decimal point, no
    /// thousands separators, and the values of the API's enumerations.
    /// </summary>
    public static byte[] Csv(PortfolioReportView report)
    {
        var csv = new StringBuilder("id,name,sector,phase,stage,rag,budget,forecast,actual,openExceptions,benefits,benefitsRealised,averageAchievement,productsAccepted,productsTotal\r\n");
        static string Field(string? text) => text is null ? "" : text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
        static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
        foreach (var p in report.Projects)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p.Id},{Field(p.Name)},{Field(p.Sector)},{p.Phase.Wire()},{Number(p.Stage)},{p.Rag?.Wire()},")
                .Append(CultureInfo.InvariantCulture, $"{Number(p.Budget)},{Number(p.Forecast)},{Number(p.Actual)},{p.OpenExceptions},{p.Benefits.Count},{p.Benefits.Realised},")
                .Append(CultureInfo.InvariantCulture, $"{Number(p.Benefits.AverageAchievement)},{p.Products.Accepted},{p.Products.Total}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
