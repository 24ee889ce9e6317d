using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;

namespace ProjectMethod.Api.Benefits;

/// <summary>A change of a baselined benefit on paper: what was proposed and why, and the decision taken on it.</summary>
public sealed class BenefitDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>The change's record as PDF; null when the project's benefit has no such change.</summary>
    public async Task<byte[]?> ChangeAsync(ProjectRow project, Guid benefitId, Guid changeId, PaperTexts t, CancellationToken cancellationToken)
    {
        var (benefit, change, names) = await database.ReadAsync(async db =>
        {
            var benefit = await BenefitStore.GetAsync(db, project.Id, benefitId);
            var change = benefit is null ? null : (await BenefitStore.ChangesAsync(db, benefitId)).FirstOrDefault(c => c.Id == changeId);
            return (benefit, change, await people.PeopleAsync(db));
        }, cancellationToken);
        if (benefit is null || change is null)
        {
            return null;
        }

        string Name(string? userId) => names.NameOf(userId);
        string Point(PointView? point) => point is { } p ? $"{Web.Numbers.Format(p.Value)} {t.Unit(benefit.Unit)} ({Web.Numbers.Format(p.Date)})" : "–";
        var document = letterhead.Start(t["BenefitChangeTitle", benefit.Title], Letterhead.Subject(project.Name, project.Phase, t), t)
            .Fields([
                (t["Project"], project.Name),
                (t["Benefit"], benefit.Title),
                (t["Indicator"], benefit.Indicator),
                (t["State"], t[$"BenefitChangeState.{change.State.Wire()}"]),
            ])
            .Section(t["ProposedChange"])
            .Fields([
                (t["Baseline"], Point(change.Proposed.Baseline)),
                (t["Target"], Point(change.Proposed.Target)),
                (t["AllowedShortfall"], Web.Numbers.Format(change.Proposed.AllowedShortfall)),
                (t["ProposedBy"], Name(change.ProposedBy)),
                (t["Raised"], t.LongDate(Letterhead.Day(change.ProposedAt))),
            ])
            .Text(change.Rationale);
        if (change.DecidedAt is { } decided)
        {
            document.Section(t["Decision"])
                .Fields([(t["DecidedBy"], Name(change.DecidedBy)), (t["DecidedOn"], t.LongDate(Letterhead.Day(decided)))])
                .Text(change.DecisionRationale ?? "");
        }

        return document.ToPdf(letterhead.Now);
    }
}
