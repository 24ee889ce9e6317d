using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;

namespace ProjectMethod.Api.Lessons;

/// <summary>The reports of closure on paper: the end report and the lessons report.</summary>
public sealed class LessonDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>
    /// The report as PDF; null when the project has no report by that id. The end report adds the products and the
    /// benefits as they stand at closure and the co-creation it cites; the lessons report adds the project's lessons.
    /// </summary>
    public async Task<byte[]?> ReportAsync(ProjectRow project, Guid reportId, PaperTexts t, CancellationToken cancellationToken)
    {
        var id = project.Id;
        var facts = await database.ReadAsync(async db => new
        {
            Report = (await LessonStore.ReportsAsync(db, id)).FirstOrDefault(r => r.Id == reportId),
            Names = await people.PeopleAsync(db),
            Lessons = await Paging.AllAsync(paging => LessonStore.ForProjectAsync(db, id, paging), l => l.Id),
            Products = await ProductStore.ForProjectAsync(db, id),
            Benefits = await BenefitStore.ForProjectAsync(db, id),
            Measurements = await BenefitStore.MeasurementsAsync(db, id),
            Activities = await CoCreationStore.ActivitiesAsync(db, id),
            Inputs = await CoCreationStore.InputsAsync(db, id),
        }, cancellationToken);
        if (facts.Report is not { } report)
        {
            return null;
        }

        static IReadOnlyList<string> Row(params string[] cells) => cells;
        var end = report.Kind == LessonStore.EndReport;
        var document = letterhead.Start($"{t[end ? "EndReport" : "LessonsReport"]}: {project.Name}", Letterhead.Subject(project.Name, project.Phase, t), t)
            .Fields([
                (t["Project"], project.Name),
                (t["WrittenBy"], facts.Names.NameOf(report.WrittenBy)),
                (t["DecidedOn"], t.LongDate(Letterhead.Day(report.WrittenAt))),
            ])
            .Section(t["Summary"]).Text(report.Summary);
        if (report.Details.Length > 0)
        {
            document.Section(t["Details"]).Text(report.Details);
        }

        if (end)
        {
            document.Section(t["Products"]);
            if (facts.Products.Count == 0)
            {
                document.Text(t["PackNoProducts"]);
            }
            else
            {
                document.Rows([t["Title"], t["Stage"], t["State"]],
                    facts.Products.Select(p => Row(p.Title, p.DeliveringStage.ToString(System.Globalization.CultureInfo.InvariantCulture), t[$"ProductState.{p.State.Wire()}"])).ToList(),
                    [0.6, 0.12, 0.28]);
            }

            var today = Letterhead.Day(letterhead.Now);
            var benefits = facts.Benefits.Select(b => BenefitView.From(b, facts.Measurements, today, project.Phase)).ToList();
            document.Section(t["Benefits"]);
            if (benefits.Count == 0)
            {
                document.Text(t["PackNoBenefits"]);
            }
            else
            {
                document.Rows([t["Title"], t["Baseline"], t["Target"], t["LatestMeasurement"], t["Status"]],
                    benefits.Select(b => Row(b.Title, b.Baseline is { } from ? $"{Web.Numbers.Format(from.Value)} {t.Unit(b.Unit)}" : "–",
                        b.Target is { } to ? $"{Web.Numbers.Format(to.Value)} {t.Unit(b.Unit)} ({Web.Numbers.Format(to.Date)})" : "–",
                        b.Figures?.Latest is { } latest ? $"{Web.Numbers.Format(latest.Value)} {t.Unit(b.Unit)}" : "–",
                        b.Figures is { } figures ? t[$"BenefitStatus.{figures.Status.Wire()}"] : "–")).ToList(),
                    [0.34, 0.14, 0.22, 0.14, 0.16]);
            }
        }
        else
        {
            document.Section(t["Lessons"]);
            if (facts.Lessons.Count == 0)
            {
                document.Text(t["NoLessons"]);
            }
            else
            {
                document.Rows([t["Title"], t["Description"], t["Recommendation"]],
                    facts.Lessons.Select(l => Row(l.Title, l.Description, l.Recommendation)).ToList(), [0.26, 0.4, 0.34]);
            }
        }

        var activities = facts.Activities.Where(a => report.ActivityIds.Contains(a.Id)).ToList();
        var inputs = facts.Inputs.Where(i => report.InputIds.Contains(i.Id)).ToList();
        if (activities.Count + inputs.Count > 0)
        {
            document.Section(t["ReportCoCreation"])
                .Rows([t["Date"], t["Summary"]],
                    [.. activities.Select(a => Row(Web.Numbers.Format(a.Date), a.Summary)), .. inputs.Select(i => Row(Web.Numbers.Format(i.Received), i.Text))],
                    [0.18, 0.82]);
        }

        return document.ToPdf(letterhead.Now);
    }
}
