using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Projects;

/// <summary>A project's proposal and its mandate: the use cases the API and the web pages share.</summary>
public sealed class ProjectCommands(ProjectWrites writes, Database database, IClock clock)
{
    /// <summary>A proposal by any employee: the project starts as proposed, bound to its sector's handbook.</summary>
    public async Task<WriteResult<ProjectView>> ProposeAsync(ProposeProject request, Caller caller)
    {
        var validation = new Validation()
            .Text("name", request.Name, Validation.ShortText)
            .Slug("sector", request.Sector)
            .Text("description", request.Description, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ProjectView>(Problems.Validation(validation.Errors));
        }

        var actor = caller.Actor;
        var now = clock.GetCurrentInstant();
        var (project, unknown) = await database.WriteAsync(async db =>
            await Sectors.SectorStore.CheckOpenAsync(db, "sector", request.Sector!) is { } refused
                ? (false, ((ProjectRow?)null, refused))
                : (true, (await InsertAsync(db, request.Name!.Trim(), request.Sector!, request.Description!.Trim(), actor.UserId, now, null), (DomainError?)null)),
            caller.CancellationToken);
        if (unknown is not null)
        {
            return WriteResult.Refused<ProjectView>(Problems.From(unknown));
        }

        return new WriteResult<ProjectView>(ProjectView.From(project!), project!.Version, null);
    }

    /// <summary>
    /// A new project in its proposal, bound to the newest handbook of its sector, with its audit event — inside the caller's
    /// transaction, so a proposal the project office makes from an idea is written together with the idea's answer.
    /// </summary>
    internal static async Task<ProjectRow> InsertAsync(DbSession db, string name, string sector, string description, string proposerId, Instant now, Guid? ideaId)
    {
        var handbook = (await HandbookStore.CurrentForAsync(db, sector)).Version;
        var row = new ProjectRow
        {
            Id = Ids.New(now),
            Name = name,
            Sector = sector,
            Description = description,
            Phase = Phase.Proposed,
            ProposerId = proposerId,
            HandbookSector = handbook.Sector,
            HandbookVersion = handbook.Version,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            IdeaId = ideaId,
        };
        await ProjectStore.InsertAsync(db, row);
        await AuditTrail.AppendAsync(db, row.Id, EventTypes.ProjectProposed, proposerId, now,
            new ProjectProposedData(row.Name, row.Sector, row.Description, new HandbookReference(handbook.Sector, handbook.Version), ideaId));
        return row;
    }

    /// <summary>The mandate, while the project is proposed: later changes belong in the business case.</summary>
    public async Task<WriteResult<ProjectView>> WriteMandateAsync(Guid id, MandateRequest request, Caller caller)
    {
        var validation = new Validation()
            .Text("purpose", request.Purpose, Validation.LongText)
            .Text("background", request.Background, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ProjectView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ProjectRow>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.WriteMandate) is { } forbidden)
            {
                return forbidden;
            }

            if (DecisionPoints.CheckMandateOpen(write.Project.Phase) is { } settled)
            {
                return settled;
            }

            var (purpose, background) = (request.Purpose!.Trim(), request.Background!.Trim());
            await ProjectStore.UpdateMandateAsync(write.Db, id, purpose, background);
            write.Record(EventTypes.MandateWritten, new MandateWrittenData(purpose, background));
            return write.Project with { MandatePurpose = purpose, MandateBackground = background, UpdatedAt = write.Now };
        });

        return result.Select(project => ProjectView.From(project with { Version = result.Version }));
    }
}
