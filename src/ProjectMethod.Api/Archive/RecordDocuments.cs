using Microsoft.Extensions.Options;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Ideas;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Archive;

/// <summary>A record ready to go: its case file and its registry entry with the PDF issued for it.</summary>
public sealed record IssuedRecord(CaseFile CaseFile, RegistryEntry Entry);

/// <summary>
/// Issues the document of a registry entry, in bokmål, the way its read answers <c>Accept: application/pdf</c>: the
/// decision record, the exception's record, the benefit change, the status report, the end or lessons report, the idea's
/// answer, the handbook's publication. Its title, author (who decided or wrote it) and date come from what it records.
/// </summary>
public sealed class RecordDocuments(
    Database database, GateDocuments gates, ExceptionDocuments exceptions, BenefitDocuments benefits, ForecastDocuments forecasts, LessonDocuments lessons,
    IdeaDocuments ideas, HandbookDocuments handbooks, PeopleReader people, IOptions<ArchiveOptions> options)
{
    /// <summary>The reader the service issues documents as: it may read every record it archives.</summary>
    private static readonly Actor Archivist = new("projectmethod-archive", "ProjectMethod", new HashSet<string> { GlobalRoles.Admin, GlobalRoles.PortfolioBoard });

    /// <summary>The record with its document, issued now; null when what it records is gone (it never is: records are kept).</summary>
    public async Task<(string Title, string PublicTitle, IssuedDocument Document)?> IssueAsync(DueRecord record, CancellationToken cancellationToken)
    {
        var t = PaperTexts.Bokmal;
        var (project, idea) = await database.ReadAsync(
            async db => (record.ProjectId is { } id ? await ProjectStore.GetAsync(db, id) : null,
                record.Kind == ArchiveRecordKind.IdeaAnswer ? await IdeaStore.GetAsync(db, Guid.Parse(record.Subject)) : null),
            cancellationToken);
        var parts = record.Subject.Split('/');
        var kind = t[$"ArchiveKind.{record.Kind.Wire()}"];
        byte[]? pdf;
        string title;
        switch (record.Kind)
        {
            case ArchiveRecordKind.GateDecision when project is not null:
                var decision = await database.ReadAsync(db => GateStore.DecisionAsync(db, project.Id, record.Id), cancellationToken);
                title = decision?.Title ?? $"{kind}: {project.Name}";
                pdf = await gates.DecisionRecordAsync(project.Id, record.Id, t, cancellationToken);
                break;
            case ArchiveRecordKind.ExceptionDecision when project is not null:
                title = $"{kind}: {project.Name}";
                pdf = await exceptions.RecordAsync(project, Guid.Parse(record.Subject), t, cancellationToken);
                break;
            case ArchiveRecordKind.BenefitChange when project is not null:
                title = $"{kind}: {project.Name}";
                pdf = await benefits.ChangeAsync(project, Guid.Parse(parts[0]), Guid.Parse(parts[1]), t, cancellationToken);
                break;
            case ArchiveRecordKind.StatusReport when project is not null:
                title = $"{kind}: {project.Name}";
                pdf = await forecasts.StatusReportAsync(project, Guid.Parse(record.Subject), t, cancellationToken);
                break;
            case ArchiveRecordKind.EndReport or ArchiveRecordKind.LessonsReport when project is not null:
                title = $"{kind}: {project.Name}";
                pdf = await lessons.ReportAsync(project, Guid.Parse(record.Subject), t, cancellationToken);
                break;
            case ArchiveRecordKind.IdeaAnswer when idea is not null:
                title = $"{kind}: {idea.Title}";
                pdf = await ideas.AnswerAsync(idea.Id, Archivist, t, cancellationToken);
                break;
            case ArchiveRecordKind.HandbookPublication:
                title = $"{kind}: {parts[0]}, versjon {parts[1]}";
                pdf = await handbooks.PublicationAsync(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), t, cancellationToken);
                break;
            default:
                return null;
        }

        if (pdf is null)
        {
            return null;
        }

        var publicTitle = record.PublicTitle ?? title;
        var fileName = $"{record.Kind.Wire()}-{record.Id:D}.pdf";
        return (title, publicTitle, new IssuedDocument(fileName, pdf));
    }

    /// <summary>The case file and registry entry of a record whose document is issued.</summary>
    public async Task<IssuedRecord> DescribeAsync(DueRecord record, CancellationToken cancellationToken)
    {
        var (project, idea, recorded, names, handbook) = await database.ReadAsync(async db =>
        {
            var project = record.ProjectId is { } id ? await ProjectStore.GetAsync(db, id) : null;
            var idea = record.Kind == ArchiveRecordKind.IdeaAnswer ? await IdeaStore.GetAsync(db, Guid.Parse(record.Subject)) : null;
            var published = record.Kind == ArchiveRecordKind.HandbookPublication ? record.Subject.Split('/') : null;
            // The handbook that maps each kind of record to its journal type: the project's, the one published, or the idea's sector's.
            var handbook = project is not null ? await HandbookStore.GetAsync(db, project.HandbookSector, project.HandbookVersion)
                : published is [var sector, var version] ? await HandbookStore.GetAsync(db, sector, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture))
                : await HandbookStore.CurrentForAsync(db, idea?.Sector ?? Domain.Handbooks.HandbookVersion.Standard.Sector);
            return (project, idea, (await AuditStore.AfterAsync(db, record.EventSequence - 1, 1)).Single(), await people.PeopleAsync(db), handbook.Version);
        }, cancellationToken);
        var caseFile = project is not null
            ? new CaseFile(record.CaseKey, project.Name, null, options.Value.AdministrativeUnit, Letterhead.Day(project.CreatedAt))
            : idea is not null
                ? new CaseFile(record.CaseKey, PaperTexts.Bokmal["IdeaAnswerTitle", idea.Title], null, options.Value.AdministrativeUnit, Letterhead.Day(idea.SubmittedAt))
                : new CaseFile(record.CaseKey, PaperTexts.Bokmal["ArchiveHandbookCase", record.Subject.Split('/')[0]], null, options.Value.AdministrativeUnit,
                    Letterhead.Day(record.QueuedAt));
        var journalType = Domain.Archive.JournalTypes.Of(handbook.JournalTypes, record.Kind.Wire());
        var entry = new RegistryEntry(
            record.Id, record.Title!, record.PublicTitle ?? record.Title!, journalType, Letterhead.Day(recorded.OccurredAt), names.NameOf(recorded.Actor),
            record.Exemption?.ToArchive(), new IssuedDocument(record.FileName!, record.Document!), record.QueuedAt);
        return new IssuedRecord(caseFile, entry);
    }
}
