using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Handbooks;

/// <summary>A handbook's publication on paper: the project office's decision of how a sector tailors the method.</summary>
public sealed class HandbookDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>The publication's record as PDF; null when the sector has no such published version.</summary>
    public async Task<byte[]?> PublicationAsync(string sector, int version, PaperTexts t, CancellationToken cancellationToken)
    {
        var (found, names, sectors) = await database.ReadAsync(
            async db => (await HandbookStore.FindAsync(db, sector, version), await people.PeopleAsync(db), await SectorStore.AllAsync(db)), cancellationToken);
        if (found is not { Version.State: HandbookState.Published })
        {
            return null;
        }

        var view = HandbookMapping.ToView(found);
        var sectorName = sectors.FirstOrDefault(s => s.Slug == sector)?.NameIn(t.Language) ?? (sector == "standard" ? t["WholeMunicipality"] : sector);
        var name = view.Name ?? sectorName;
        var document = letterhead.Start(t["HandbookPublishedTitle", name, version], sectorName, t)
            .Fields([
                (t["Sector"], sectorName),
                (t["Version"], version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (t["PublishedBy"], names.NameOf(view.PublishedBy)),
                (t["DecidedOn"], view.PublishedAt is { } at ? t.LongDate(Letterhead.Day(at)) : "–"),
            ])
            .Section(t["ActiveDimensions"])
            .Text(string.Join(", ", (view.Dimensions ?? []).Select(d => t[$"Dimension.{ToleranceRules.Name(d)}"])))
            .Section(t["HandbookExtraCriteria"])
            .Text(view.ExtraCriteria is { Count: > 0 } extra ? string.Join(", ", extra) : t["NoneOfThem"])
            .Section(t["HandbookReminders"])
            .Text(t["HandbookRemindersText", view.ReminderDaysAhead ?? Domain.Handbooks.HandbookVersion.DefaultReminderDaysAhead]);
        if (view.JournalTypes is { } journalTypes)
        {
            var kinds = new (string Kind, string? Type)[]
            {
                ("gateDecision", journalTypes.GateDecision), ("exceptionDecision", journalTypes.ExceptionDecision), ("benefitChange", journalTypes.BenefitChange),
                ("statusReport", journalTypes.StatusReport), ("endReport", journalTypes.EndReport), ("lessonsReport", journalTypes.LessonsReport),
                ("ideaAnswer", journalTypes.IdeaAnswer), ("handbookPublication", journalTypes.HandbookPublication),
            };
            document.Section(t["JournalTypes"])
                .Rows([t["ArchiveRecordKind"], t["JournalType"]], kinds.Select(k => (IReadOnlyList<string>)[t[$"ArchiveKind.{k.Kind}"], t[$"JournalType.{k.Type}"]]).ToList(), [0.5, 0.5]);
        }

        var checklists = view.Checklists;
        (string Point, IReadOnlyList<ChecklistItemSpec>? Items)[] points =
            [("BP1", checklists?.Bp1), ("BP2", checklists?.Bp2), ("BP3", checklists?.Bp3), (t["StageBoundary"], checklists?.StageBoundary),
                ("BP4", checklists?.Bp4), ("BP5", checklists?.Bp5), ("BP6", checklists?.Bp6)];
        document.Section(t["Checklist"])
            .Rows([t["DecisionPoint"], t["Checklist"]],
                points.Where(p => p.Items is { Count: > 0 })
                    .Select(p => (IReadOnlyList<string>)[p.Point, string.Join("\n", p.Items!.Select(i => (t.IsEnglish ? i.TextEn : i.TextNb) ?? i.TextNb ?? i.Id ?? ""))]).ToList(),
                [0.25, 0.75]);
        return document.ToPdf(letterhead.Now);
    }
}
