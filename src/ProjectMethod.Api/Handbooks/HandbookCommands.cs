using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Handbooks;

namespace ProjectMethod.Api.Handbooks;

/// <summary>
/// Writing the handbooks (P7): the project office drafts, edits and publishes a sector's version; a project's Executive
/// moves the project to a newer one.
/// </summary>
public sealed class HandbookCommands(Database database, ProjectWrites writes, IClock clock)
{
    /// <summary>A new version started as a draft: a copy of the sector's newest version, or an empty one for a new sector.</summary>
    public async Task<Outcome<HandbookRecord>> CreateDraftAsync(string sector, Caller caller)
    {
        if (new Validation().Slug("sector", sector) is { IsValid: false } invalid)
        {
            return invalid.ToError();
        }

        var actor = caller.Actor;
        var now = clock.GetCurrentInstant();
        return await database.WriteAsync<Outcome<HandbookRecord>>(async db =>
        {
            var versions = await HandbookStore.VersionsAsync(db, sector);
            if (HandbookRules.CheckNewDraft(sector, versions.Any(v => v.Version.State == HandbookState.Draft)) is { } drafting)
            {
                return (false, drafting);
            }

            // A sector's next draft copies its latest version; its first copies the standard handbook as published now, so
            // tailoring one thing never switches off what the sector did not touch (dimensions, checklists, tolerances).
            var basis = versions.Count > 0
                ? (await HandbookStore.FindAsync(db, sector, versions[^1].Version.Version))!.Version
                : (await HandbookStore.CurrentForAsync(db, HandbookStore.DefaultSector)).Version;
            var draft = versions.Count > 0
                ? basis with { Sector = sector, Version = basis.Version + 1, State = HandbookState.Draft }
                : basis with
                {
                    Sector = sector, Version = 1, State = HandbookState.Draft,
                    Name = $"Prosjekthåndbok for {(await Sectors.SectorStore.AllAsync(db)).FirstOrDefault(s => s.Slug == sector)?.NameNb ?? sector}",
                };
            await HandbookStore.InsertDraftAsync(db, draft, actor.UserId, now);
            await AuditTrail.AppendAsync(db, null, EventTypes.HandbookDrafted, actor.UserId, now,
                new HandbookDraftedData(sector, draft.Version, basis.Version, basis.Sector));
            return (true, new HandbookRecord(draft, now, actor.UserId, now));
        }, caller.CancellationToken);
    }

    /// <summary>The draft replaced by the whole version sent; checked when published, not before.</summary>
    public async Task<Outcome<HandbookRecord>> EditDraftAsync(string sector, HandbookVersionView request, Caller caller)
    {
        var actor = caller.Actor;
        var now = clock.GetCurrentInstant();
        return await database.WriteAsync<Outcome<HandbookRecord>>(async db =>
        {
            if (await HandbookStore.DraftAsync(db, sector) is not { } draft)
            {
                return (false, MissingDraft);
            }

            var readOnly = new Validation()
                .That(request.Sector is null || request.Sector == sector, "sector", "sector is read-only.")
                .That(request.Version is null || request.Version == draft.Version.Version, "version", "version is read-only.")
                .That(request.State is null or HandbookState.Draft, "state", "state is read-only: publish the draft to publish it.");
            if (!readOnly.IsValid)
            {
                return (false, readOnly.ToError());
            }

            if (HandbookDraftMachine.Check(new DraftConditions(draft.Version.State, new Dictionary<string, string[]>()), HandbookDraftMachine.Trigger.Edit) is { } closed)
            {
                return (false, closed);
            }

            var edited = HandbookMapping.ToDomain(request, draft.Version);
            if (HandbookRules.CheckStorable(edited) is { Count: > 0 } unstorable)
            {
                return (false, Validation.RefusalOf(unstorable));
            }

            await HandbookStore.ReplaceDraftAsync(db, edited, actor.UserId, now);
            await AuditTrail.AppendAsync(db, null, EventTypes.HandbookDraftEdited, actor.UserId, now, HandbookMapping.ToView(draft with { Version = edited }));
            return (true, draft with { Version = edited, UpdatedBy = actor.UserId, UpdatedAt = now });
        }, caller.CancellationToken);
    }

    /// <summary>The draft published, once it validates.</summary>
    public async Task<Outcome<HandbookRecord>> PublishDraftAsync(string sector, Caller caller)
    {
        var actor = caller.Actor;
        var now = clock.GetCurrentInstant();
        return await database.WriteAsync<Outcome<HandbookRecord>>(async db =>
        {
            if (await HandbookStore.DraftAsync(db, sector) is not { } draft)
            {
                return (false, MissingDraft);
            }

            var conditions = new DraftConditions(draft.Version.State, HandbookRules.Validate(draft.Version));
            if (HandbookDraftMachine.Check(conditions, HandbookDraftMachine.Trigger.Publish) is { } invalid)
            {
                return (false, invalid);
            }

            await HandbookStore.PublishAsync(db, draft.Version, actor.UserId, now);
            await AuditTrail.AppendAsync(db, null, EventTypes.HandbookPublished, actor.UserId, now, new HandbookPublishedData(sector, draft.Version.Version));
            return (true, draft with { Version = draft.Version with { State = HandbookState.Published }, PublishedBy = actor.UserId, PublishedAt = now });
        }, caller.CancellationToken);
    }

    private static readonly DomainError MissingDraft = DomainError.NotFound("The handbook has no draft.");

    /// <summary>The project moved to a newer version of its handbook: the Executive's decision, with its rationale.</summary>
    public async Task<WriteResult<HandbookVersionView>> MoveAsync(Guid id, MoveHandbook request, Caller caller)
    {
        var validation = new Validation().Required("version", request.Version).Text("rationale", request.Rationale, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<HandbookVersionView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<HandbookVersionView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.MoveHandbook) is { } forbidden)
            {
                return forbidden;
            }

            var current = await write.HandbookAsync();
            var target = await HandbookStore.FindAsync(write.Db, write.Project.HandbookSector, request.Version!.Value);
            if (target is null)
            {
                return Domain.DomainError.NotFound(
                    $"The {write.Project.HandbookSector} handbook has no version {request.Version}.");
            }

            var open = (await ExceptionStore.OpenBreachesAsync(write.Db, id)).Select(b => b.Dimension);
            if (HandbookRules.CheckMove(current, target.Version.For(write.Project.EffectiveCategory), open, write.Roles) is { } breaks)
            {
                return breaks;
            }

            await ProjectStore.UpdateHandbookAsync(write.Db, id, target.Version.Version);
            write.Record(EventTypes.HandbookMoved, new HandbookMovedData(current.Sector, current.Version, target.Version.Version, request.Rationale!.Trim()));
            return HandbookMapping.ToView(target);
        });
    }
}
