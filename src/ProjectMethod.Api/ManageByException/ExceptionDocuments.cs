using System.Text.Json;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Archive;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>An exception on paper: what was forecast against what was allowed, the exception report, and the decision taken on it.</summary>
public sealed class ExceptionDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>
    /// The exception's record as PDF; null when the project has no such exception. For a reader who may not read an exempt
    /// exception's content (<paramref name="reader"/>; the archive's copy has none), it says it is exempt, and by which
    /// law, instead of the report and the decisions' reasons.
    /// </summary>
    public async Task<byte[]?> RecordAsync(ProjectRow project, Guid exceptionId, PaperTexts t, CancellationToken cancellationToken, Domain.Access.Actor? reader = null)
    {
        var (found, names, events, mayRead) = await database.ReadAsync(
            async db => (await ExceptionStore.GetAsync(db, project.Id, exceptionId), await people.PeopleAsync(db),
                await AuditStore.AfterAsync(db, 0, Paging.MaxLimit, project.Id, [EventTypes.ExceptionDecided.Name]),
                reader is null || await Archive.ExemptionReader.MayReadAsync(db, reader, project.Id)), cancellationToken);
        if (found?.SeenBy(mayRead) is not { } exception)
        {
            return null;
        }

        string Name(string? userId) => names.NameOf(userId);
        var dimension = t[$"Dimension.{ToleranceRules.Name(exception.Dimension)}"];
        var isTime = exception.Dimension == Dimension.Time;
        string Value(decimal value) => isTime ? t.LongDate(Dimensions.FromDayNumber(value)) : Web.Numbers.Format(value);
        string Difference(decimal value) => isTime ? $"{Web.Numbers.Format(value)} {t["Days"]}" : Web.Numbers.Format(value);
        var level = t[$"Level.{exception.Level.Wire()}"] + (exception.Stage is { } stage ? $" {stage}" : "");
        var document = letterhead.Start(t["ExceptionTitle", project.Name, dimension], Letterhead.Subject(project.Name, project.Phase, t), t)
            .Fields([
                (t["Project"], project.Name),
                (t["DimensionHeader"], dimension),
                (t["Level"], level),
                (t["ForecastValue"], Value(exception.ForecastValue)),
                (t["PlanValue"], Value(exception.Plan)),
                (t["Deviation"], $"{Difference(exception.Deviation)} ({t["Allowed"]} {Difference(exception.Allowed)})"),
                (t["Raised"], t.LongDate(Letterhead.Day(exception.RaisedAt))),
                (t["State"], t[$"ExceptionState.{exception.State.Wire()}"]),
            ]);

        if (document.NoteExemption(exception.Exemption, exception.ContentWithheld, t))
        {
            return document.ToPdf(letterhead.Now);
        }

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

        // Every decision taken on it, in order: an escalation, then the decision of the level it was escalated to.
        var decisions = events
            .Select(e => (Event: e, Data: JsonSerializer.Deserialize<ExceptionDecidedData>(e.Payload, Json.Options)!))
            .Where(d => d.Data.ExceptionId == exceptionId)
            .ToList();
        foreach (var (decided, data) in decisions)
        {
            document.Section(t["Decision"])
                .Fields([
                    (t["Decision"], t[$"ExceptionDecision.{data.Decision.Wire()}"]),
                    // Only an Executive escalates (to the portfolio board); any other decision is the present owner's.
                    (t["DecidedBy"], $"{Name(decided.Actor)}, {t[$"Decider.{(data.Decision == Domain.Exceptions.ExceptionDecision.Escalate ? Domain.Phases.Decider.Executive : exception.Owner).Wire()}"]}"),
                    (t["DecidedOn"], t.LongDate(Letterhead.Day(decided.OccurredAt))),
                ])
                .Section(t["Rationale"]).Text(data.Rationale);
        }

        return document.ToPdf(letterhead.Now);
    }
}
