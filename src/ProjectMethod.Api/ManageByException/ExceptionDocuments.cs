using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>An exception on paper: what was forecast against what was allowed, the exception report, and the decision taken on it.</summary>
public sealed class ExceptionDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>The exception's record as PDF; null when the project has no such exception.</summary>
    public async Task<byte[]?> RecordAsync(ProjectRow project, Guid exceptionId, PaperTexts t, CancellationToken cancellationToken)
    {
        var (exception, names) = await database.ReadAsync(
            async db => (await ExceptionStore.GetAsync(db, project.Id, exceptionId), await people.PeopleAsync(db)), cancellationToken);
        if (exception is null)
        {
            return null;
        }

        string Name(string? userId) => names.NameOf(userId);
        var dimension = t[$"Dimension.{ToleranceRules.Name(exception.Dimension)}"];
        var level = t[$"Level.{exception.Level.Wire()}"] + (exception.Stage is { } stage ? $" {stage}" : "");
        var document = letterhead.Start(t["ExceptionTitle", project.Name, dimension], Letterhead.Subject(project.Name, project.Phase, t), t)
            .Fields([
                (t["Project"], project.Name),
                (t["DimensionHeader"], dimension),
                (t["Level"], level),
                (t["ForecastValue"], Web.Numbers.Format(exception.ForecastValue)),
                (t["PlanValue"], Web.Numbers.Format(exception.Plan)),
                (t["Deviation"], $"{Web.Numbers.Format(exception.Deviation)} ({t["Allowed"]} {Web.Numbers.Format(exception.Allowed)})"),
                (t["Raised"], t.LongDate(Letterhead.Day(exception.RaisedAt))),
                (t["State"], t[$"ExceptionState.{exception.State.Wire()}"]),
            ]);

        if (exception.ExceptionReport is { } report)
        {
            document.Section(t["ExceptionReportTitle"])
                .Fields([(t["ReportedBy"], Name(exception.ReportedBy)), (t["DecidedOn"], exception.ReportedAt is { } at ? t.LongDate(Letterhead.Day(at)) : "–")])
                .Section(t["Cause"]).Text(report.Cause ?? t["NotTold"])
                .Section(t["Consequences"]).Text(report.Consequences ?? t["NotTold"]);
            if (report.Options is { Count: > 0 } options)
            {
                document.Section(t["Options"]).Rows([t["Title"], t["Effect"]], options.Select(o => (IReadOnlyList<string>)[o.Title ?? "", o.Effect ?? ""]).ToList(), [0.4, 0.6]);
            }

            document.Section(t["Recommendation"]).Text(report.Recommendation ?? t["NotTold"]);
        }

        if (exception.Decision is { } decision)
        {
            document.Section(t["Decision"])
                .Fields([
                    (t["Decision"], t[$"ExceptionDecision.{decision.Wire()}"]),
                    (t["DecidedBy"], $"{Name(exception.DecidedBy)}, {t[$"Decider.{exception.Owner.Wire()}"]}"),
                    (t["DecidedOn"], exception.DecidedAt is { } at ? t.LongDate(Letterhead.Day(at)) : "–"),
                ])
                .Section(t["Rationale"]).Text(exception.Rationale ?? "");
        }

        return document.ToPdf(letterhead.Now);
    }
}
