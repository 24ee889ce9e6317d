using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Sectors;

namespace ProjectMethod.Api.Ideas;

/// <summary>An idea and the answer to it on paper: the portfolio board's decision, for the sender and the archive.</summary>
public sealed class IdeaDocuments(Database database, IdeaReader ideas, PeopleReader people, Letterhead letterhead)
{
    /// <summary>The answer as PDF; null when there is no such idea for this reader (as its JSON read).</summary>
    public async Task<byte[]?> AnswerAsync(Guid ideaId, Domain.Access.Actor reader, PaperTexts t, CancellationToken cancellationToken)
    {
        if (await ideas.ReadAsync(ideaId, reader, cancellationToken) is not { } idea)
        {
            return null;
        }

        var (names, sectors) = await database.ReadAsync(async db => (await people.PeopleAsync(db), await SectorStore.AllAsync(db)), cancellationToken);
        string Name(string? userId) => names.NameOf(userId);
        var sector = sectors.FirstOrDefault(s => s.Slug == idea.Sector)?.NameIn(t.Language) ?? idea.Sector;
        var document = letterhead.Start(t["IdeaAnswerTitle", idea.Title], t["IdeaAnswerSubject", sector], t)
            .Fields([
                (t["Title"], idea.Title),
                (t["IdeaOriginLabel"], t[$"IdeaOrigin.{idea.Origin.Wire()}"]),
                (t["Sector"], sector),
                (t["SubmittedBy"], Name(idea.SubmittedBy)),
                (t["Raised"], t.LongDate(Letterhead.Day(idea.SubmittedAt))),
                (t["Status"], t[$"IdeaStatus.{idea.Status.Wire()}"]),
            ])
            .Section(t["Description"]).Text(idea.Description);
        if (idea.TriagedAt is { } answered)
        {
            document.Section(t["IdeaAnswer"])
                .Fields([(t["DecidedBy"], $"{Name(idea.TriagedBy)}, {t["Decider.portfolioBoard"]}"), (t["DecidedOn"], t.LongDate(Letterhead.Day(answered)))])
                .Text(idea.Rationale ?? "");
        }

        return document.ToPdf(letterhead.Now);
    }
}
