using ProjectMethod.Api.Archive;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>A decision as the steering group and the archive read it on paper: the decision record.</summary>
public sealed class GateDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>
    /// The decision record as PDF; null when the project has no such decision. For a reader who may not read an exempt
    /// decision's content (<paramref name="reader"/>; the archive's copy has none), it has the public title and says it is
    /// exempt, and by which law, instead of the content.
    /// </summary>
    public async Task<byte[]?> DecisionRecordAsync(Guid projectId, Guid decisionId, PaperTexts t, CancellationToken cancellationToken, Domain.Access.Actor? reader = null)
    {
        var (found, names, mayRead) = await database.ReadAsync(async db => (
            await GateStore.DecisionAsync(db, projectId, decisionId), await people.PeopleAsync(db),
            reader is null || await Archive.ExemptionReader.MayReadAsync(db, reader, projectId)), cancellationToken);
        if (found?.SeenBy(mayRead) is not { } decision)
        {
            return null;
        }

        string Name(string? userId) => names.NameOf(userId, none: "");
        var point = decision.DecisionPoint == DecisionPoint.StageBoundary ? t["StageBoundary"] : decision.DecisionPoint.Wire().ToUpperInvariant();
        var title = t.IsEnglish && !decision.ContentWithheld ? DecisionTitles.Of(decision.ProjectName, decision.DecisionPoint, decision.Decision, decision.FromPhase, decision.ToPhase, t) : decision.Title;
        var document = letterhead.Start(title, Letterhead.Subject(decision.ProjectName, decision.ToPhase, t), t)
            .Fields([
                (t["Project"], decision.ProjectName),
                (t["DecisionPoint"], point),
                (t["Decision"], t[$"Decision.{decision.Decision.Wire()}"]),
                (t["Phase"], $"{t[$"Phase.{decision.FromPhase.Wire()}"]} → {t[$"Phase.{decision.ToPhase.Wire()}"]}"),
                (t["DecidedBy"], $"{Name(decision.DecidedBy)}, {t[$"Decider.{decision.DecidedAs.Wire()}"]}"),
                (t["DecidedOn"], t.LongDate(Letterhead.Day(decision.DecidedAt))),
            ]);
        if (document.NoteExemption(decision.Exemption, decision.ContentWithheld, t))
        {
            return document.ToPdf(letterhead.Now);
        }

        if (decision.Recommendation is { } recommendation)
        {
            document.Section(t["Recommendation"]).Text(recommendation).Fields([(t["RecommendedBy"], Name(decision.RequestedBy))]);
        }

        document.Section(t["Rationale"]).Text(decision.Rationale);
        if (decision.Criteria is { Count: > 0 } criteria)
        {
            document.Section(t["CriteriaAsJudged"])
                .Rows([t["Criterion"], t["Principle"], t["Judged"]],
                    criteria.Select(c => (IReadOnlyList<string>)[t[$"Criterion.{c.Id}"], t[$"Principle.{c.Principle.Wire()}"], t[c.Met ? "Met" : "NotMet"]]).ToList(),
                    [0.56, 0.27, 0.17]);
        }

        if (decision.Votes.Count > 0)
        {
            document.Section(t["BoardVotes"])
                .Rows([t["Member"], t["Vote"]], decision.Votes.Select(v => (IReadOnlyList<string>)[Name(v.UserId), t[$"Decision.{v.Decision.Wire()}"]]).ToList(), [0.6, 0.4]);
        }

        return document.ToPdf(letterhead.Now);
    }
}
