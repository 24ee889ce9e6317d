using System.Globalization;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>The highlight report on paper: the status report the steering group reads, as its page shows it.</summary>
public sealed class ForecastDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>The report as PDF; null when the project has no forecast by that id.</summary>
    public async Task<byte[]?> StatusReportAsync(ProjectRow project, Guid forecastId, PaperTexts t, CancellationToken cancellationToken)
    {
        var facts = await database.ReadAsync(async db => new
        {
            Report = await ForecastStore.GetAsync(db, project.Id, forecastId),
            Names = await people.PeopleAsync(db),
            Roles = await RoleStore.ViewsAsync(db, project.Id),
            Sectors = await SectorStore.AllAsync(db),
            Costs = await Actuals.ActualCostStore.ReadAsync(db, project.Id),
        }, cancellationToken);
        if (facts.Report is not { } report)
        {
            return null;
        }

        string Name(string userId) => facts.Names.NameOf(userId);
        var executive = facts.Roles.FirstOrDefault(r => r.Role == ProjectRole.Executive);
        var sector = facts.Sectors.FirstOrDefault(s => s.Slug == project.Sector)?.NameIn(t.Language) ?? project.Sector;
        var highlight = report.Level == ForecastLevel.Stage;
        var title = $"{t[highlight ? "HighlightReport" : "WorkPackageForecast"]}: {project.Name}";
        var document = letterhead.Start(title, Letterhead.Subject(project.Name, project.Phase, t), t)
            .Fields([
                (t["Project"], project.Name),
                (t["Sector"], sector),
                (t["Stage"], report.Stage.ToString(CultureInfo.InvariantCulture)),
                (t["ReportDate"], t.LongDate(Letterhead.Day(report.SubmittedAt))),
                (t[highlight ? "ReportProjectManager" : "SubmittedBy"], Name(report.SubmittedBy)),
                (t["ReportExecutive"], executive?.DisplayName ?? "–"),
                (t["OverallStatus"], t[$"Rag.{ForecastStore.WorstRag(report.Evaluation)?.Wire() ?? "none"}"]),
            ]);
        if (highlight)
        {
            document.Section(t["Narrative.achieved"]).Text(report.Narrative?.Achieved ?? t["NotTold"])
                .Section(t["Narrative.next"]).Text(report.Narrative?.Next ?? t["NotTold"])
                .Section(t["Narrative.issuesAndRisks"]).Text(report.Narrative?.IssuesAndRisks ?? t["NotTold"]);
        }

        var comments = report.Narrative?.DimensionComments ?? new Dictionary<string, string>();
        var levels = new[] { ("stage", report.Evaluation.Stage), ("project", report.Evaluation.Project), ("workPackage", report.Evaluation.WorkPackage) };
        var rows = levels.SelectMany(level => (level.Item2 ?? []).Select(d =>
        {
            var time = d.Dimension == Dimension.Time;
            var name = ToleranceRules.Name(d.Dimension);
            return (IReadOnlyList<string>)[
                t[$"Level.{level.Item1}"], t[$"Dimension.{name}"],
                time ? Web.Numbers.Format(d.ForecastDate!.Value) : Web.Numbers.Format(d.Forecast),
                time ? Web.Numbers.Format(d.PlanDate!.Value) : Web.Numbers.Format(d.Plan),
                Web.Numbers.Format(d.Deviation) + (time ? $" {t["Days"]}" : ""),
                t[$"Rag.{d.Rag.Wire()}"],
                level.Item1 == "stage" ? comments.GetValueOrDefault(name) ?? "" : "",
            ];
        })).ToList();
        document.Section(t["RagPerDimension"])
            .Rows([t["Level"], t["DimensionHeader"], t["ForecastValue"], t["PlanValue"], t["Deviation"], t["Rag"], t["DimensionComment"]], rows,
                [0.1, 0.13, 0.14, 0.14, 0.12, 0.1, 0.27]);

        if (facts.Costs.Stages.FirstOrDefault(s => s.Stage == report.Stage) is { Budget: { } budget } cost && report.Values.Cost is { } forecastCost)
        {
            document.Section(t["ActualCosts"]).Text(t["ActualAgainstPlan", Web.Numbers.Format(cost.Actual), Web.Numbers.Format(budget), Web.Numbers.Format(forecastCost)]);
        }

        if (report.Comment.Length > 0)
        {
            document.Section(t["Comment"]).Text(report.Comment);
        }

        return document.ToPdf(letterhead.Now);
    }
}
