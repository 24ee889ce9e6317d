using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

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
        if (request.Category is { } proposal)
        {
            validation.Required("category.estimatedCost", proposal.EstimatedCost)
                .Required("category.durationMonths", proposal.DurationMonths)
                .Required("category.sectorsInvolved", proposal.SectorsInvolved)
                .Required("category.uncertainty", proposal.Uncertainty)
                .Required("category.importance", proposal.Importance)
                .That(proposal.EstimatedCost is null or (>= 0 and <= 1_000_000_000_000m), "category.estimatedCost", "estimatedCost is NOK, 0 or more.")
                .That(proposal.DurationMonths is null or (>= 1 and <= 240), "category.durationMonths", "durationMonths is 1 to 240.")
                .That(proposal.SectorsInvolved is null or (>= 1 and <= 50), "category.sectorsInvolved", "sectorsInvolved counts the lead sector: 1 to 50.");
        }

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
            var project = write.Project with { MandatePurpose = purpose, MandateBackground = background, UpdatedAt = write.Now };
            CategoryAssessment? assessed = null;
            if (request.Category is { } proposal)
            {
                var facts = new CategoryFacts(proposal.EstimatedCost!.Value, proposal.DurationMonths!.Value, proposal.SectorsInvolved!.Value,
                    proposal.Uncertainty!.Value, proposal.Importance!.Value);
                assessed = new CategoryAssessment(facts, (await write.HandbookAsync()).CategoryThresholds.Suggest(facts));
                var proposed = proposal.Proposed ?? assessed.Suggested;
                var json = System.Text.Json.JsonSerializer.Serialize(assessed, Json.Options);
                await ProjectStore.UpdateCategoryProposalAsync(write.Db, id, proposed, json);
                project = project with { ProposedCategory = proposed, CategoryFacts = json };
            }

            write.Record(EventTypes.MandateWritten, new MandateWrittenData(purpose, background, assessed, project.ProposedCategory));
            return project;
        });

        return result.Select(project => ProjectView.From(project with { Version = result.Version }));
    }

    /// <summary>A later change of the confirmed category: a decision of the Executive (medium ↔ large) or the portfolio board.</summary>
    public async Task<WriteResult<ProjectView>> ChangeCategoryAsync(Guid id, ChangeCategory request, Caller caller)
    {
        var validation = new Validation()
            .Required("category", request.Category)
            .Text("rationale", request.Rationale, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ProjectView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ProjectRow>(caller, id, async write =>
        {
            if (CategoryRules.CheckConfirmed(write.Project.Category) is { } unconfirmed)
            {
                return unconfirmed;
            }

            var (from, to) = (write.Project.Category!.Value, request.Category!.Value);
            if (CategoryRules.CheckChange(from, to, write.Standing.Holds(ProjectRole.Executive), write.Actor.IsPortfolioBoard) is { } refused)
            {
                return refused;
            }

            await ProjectStore.UpdateCategoryAsync(write.Db, id, to);
            write.Record(EventTypes.CategoryChanged, new CategoryChangedData(from, to, request.Rationale!.Trim()));
            return write.Project with { Category = to, UpdatedAt = write.Now };
        });

        return result.Select(project => ProjectView.From(project with { Version = result.Version }));
    }
}
