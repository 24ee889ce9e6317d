using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Programmes;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Programmes;

/// <summary>Programmes created, their tolerances set, projects joined, breaches of their tolerances decided; a project's participating sectors.</summary>
public sealed class ProgrammeCommands(Database database, IClock clock, PeopleReader people, ProjectWrites writes)
{
    private const int MaxList = 20;

    private static readonly DomainError MissingProgramme = DomainError.NotFound("The programme was not found.");

    public async Task<Outcome<Guid>> CreateAsync(CreateProgramme request, Caller caller)
    {
        var board = request.BoardUserIds ?? [];
        var sectors = request.Sectors ?? [];
        var validation = new Validation()
            .Text("name", request.Name, Validation.ShortText)
            .Text("description", request.Description, Validation.LongText)
            .Text("ownerUserId", request.OwnerUserId, Validation.ShortText)
            .That(board.Count <= MaxList, "boardUserIds", $"At most {MaxList} people.")
            .That(sectors.Count is > 0 and <= MaxList, "sectors", $"sectors names 1 to {MaxList} sectors the programme spans.");
        var tolerances = ReadTolerances(request.Tolerances, validation);
        if (ProgrammeRules.CheckPortfolioBoard(caller.Actor, "creates a programme") is { } forbidden)
        {
            return forbidden;
        }

        if (!validation.IsValid)
        {
            return validation.ToError();
        }

        var id = Ids.New(clock.GetCurrentInstant());
        return await database.WriteAsync<Outcome<Guid>>(async db =>
        {
            var refused = await CheckPeopleAsync(db, [("ownerUserId", request.OwnerUserId), .. board.Select((u, i) => ($"boardUserIds[{i}]", (string?)u))])
                ?? await CheckSectorsAsync(db, "sectors", sectors);
            if (refused is not null)
            {
                return (false, refused);
            }

            var now = clock.GetCurrentInstant();
            var programme = new ProgrammeStore.ProgrammeRow
            {
                Id = id, Name = request.Name!.Trim(), Description = request.Description!.Trim(), OwnerUserId = request.OwnerUserId!.Trim(),
                Sectors = System.Text.Json.JsonSerializer.Serialize(sectors.Select(s => s.Trim()).Distinct().ToList(), Json.Options),
                Tolerances = ProgrammeStore.Write(tolerances!.ByDimension.Values),
            };
            var members = board.Select(b => b.Trim()).Where(b => b != programme.OwnerUserId).Distinct().ToList();
            await ProgrammeStore.InsertAsync(db, programme, members, caller.Actor.UserId, now);
            await ProgrammeStore.LogAsync(db, id, new ProgrammeEntry(ProgrammeEntryKind.Created, null, programme.Name, caller.Actor.UserId, now));
            await AuditTrail.AppendAsync(db, null, EventTypes.ProgrammeCreated, caller.Actor.UserId, now,
                new ProgrammeEventData(id, programme.Name, null, ToleranceSetView.From(programme.ToleranceSet, null, null)));
            return (true, id);
        }, caller.CancellationToken);
    }

    /// <summary>The portfolio board sets the programme's tolerances; every member project's must still lie inside them.</summary>
    public async Task<Outcome<Guid>> SetTolerancesAsync(Guid programmeId, ProgrammeTolerances request, Caller caller)
    {
        var validation = new Validation();
        var tolerances = ReadTolerances(request, validation, "");
        if (ProgrammeRules.CheckPortfolioBoard(caller.Actor, "sets a programme's tolerances") is { } forbidden)
        {
            return forbidden;
        }

        if (!validation.IsValid)
        {
            return validation.ToError();
        }

        return await database.WriteAsync<Outcome<Guid>>(async db =>
        {
            if (await ProgrammeStore.GetAsync(db, programmeId) is not { } programme)
            {
                return (false, MissingProgramme);
            }

            if (await ProgrammeNesting.FirstMemberOutsideAsync(db, programmeId, tolerances!) is { } outside)
            {
                return (false, outside);
            }

            var now = clock.GetCurrentInstant();
            await ProgrammeStore.SetTolerancesAsync(db, programmeId, tolerances!.ByDimension.Values);
            await ProgrammeStore.LogAsync(db, programmeId, new ProgrammeEntry(ProgrammeEntryKind.TolerancesSet, null, Describe(tolerances), caller.Actor.UserId, now));
            await AuditTrail.AppendAsync(db, null, EventTypes.ProgrammeTolerancesSet, caller.Actor.UserId, now,
                new ProgrammeEventData(programmeId, programme.Name, null, ToleranceSetView.From(tolerances, null, null)));
            return (true, programmeId);
        }, caller.CancellationToken);
    }

    /// <summary>
    /// A project joins the programme, by the portfolio board or the programme's owner — a change to the project (its
    /// version moves, its history says so); its project tolerance, if set, must lie inside the programme's.
    /// </summary>
    public async Task<WriteResult<Guid>> AddProjectAsync(Guid programmeId, AddProgrammeProject request, Caller caller)
    {
        var validation = new Validation().Required("projectId", request.ProjectId);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<Guid>(Problems.Validation(validation.Errors));
        }

        var projectId = request.ProjectId!.Value;
        var (programme, known) = await database.ReadAsync(
            async db => (await ProgrammeStore.GetAsync(db, programmeId), await ProjectStore.GetAsync(db, projectId) is not null), caller.CancellationToken);
        if (programme is null)
        {
            return WriteResult.Refused<Guid>(Problems.From(MissingProgramme));
        }

        if (ProgrammeRules.CheckAddMember(caller.Actor, programme.OwnerUserId) is { } forbidden)
        {
            return WriteResult.Refused<Guid>(Problems.From(forbidden));
        }

        if (!known)
        {
            return WriteResult.Refused<Guid>(Problems.Validation(new Dictionary<string, string[]> { ["projectId"] = ["No project with this id."] }));
        }

        return await writes.RunAsync<Guid>(caller, projectId, async write =>
        {
            await database.LockChainAsync(write.Db);
            var refused = ProgrammeRules.CheckJoin(write.Project.ProgrammeId, write.Project.Phase)
                ?? (await ToleranceStore.GetAsync(write.Db, projectId, ToleranceScope.Project) is { } own
                    ? await ProgrammeNesting.CheckAsync(write.Db, programmeId, projectId, own)
                    : null);
            if (refused is not null)
            {
                return refused;
            }

            await ProgrammeStore.JoinAsync(write.Db, programmeId, projectId);
            await ProgrammeStore.LogAsync(write.Db, programmeId, new ProgrammeEntry(ProgrammeEntryKind.ProjectAdded, projectId, write.Project.Name, write.Actor.UserId, write.Now));
            write.Record(EventTypes.ProgrammeProjectAdded, new ProgrammeEventData(programmeId, programme.Name, projectId, null));
            return programmeId;
        });
    }

    /// <summary>The portfolio board decides a breach of the programme's tolerances: why, and new programme tolerances if it sets them.</summary>
    public async Task<Outcome<Guid>> DecideBreachAsync(Guid programmeId, Guid exceptionId, ProgrammeBreachDecision request, Caller caller)
    {
        var validation = new Validation().Text("rationale", request.Rationale, Validation.LongText);
        var tolerances = request.Tolerances is null ? null : ReadTolerances(request.Tolerances, validation, "tolerances.");
        if (ProgrammeRules.CheckPortfolioBoard(caller.Actor, "decides a breach of a programme's tolerances") is { } forbidden)
        {
            return forbidden;
        }

        if (!validation.IsValid)
        {
            return validation.ToError();
        }

        return await database.WriteAsync<Outcome<Guid>>(async db =>
        {
            if (await ProgrammeStore.GetAsync(db, programmeId) is not { } programme
                || (await ProgrammeStore.BreachesAsync(db, programmeId)).FirstOrDefault(b => b.Id == exceptionId) is not { } breach)
            {
                return (false, DomainError.NotFound("The programme's exception was not found."));
            }

            if (!breach.Open)
            {
                return (false, ProgrammeRules.BreachDecided);
            }

            if (tolerances is not null && await ProgrammeNesting.FirstMemberOutsideAsync(db, programmeId, tolerances) is { } outside)
            {
                return (false, outside);
            }

            var now = clock.GetCurrentInstant();
            var rationale = request.Rationale!.Trim();
            await ProgrammeStore.DecideBreachAsync(db, programmeId, exceptionId, caller.Actor.UserId, now, rationale);
            if (tolerances is not null)
            {
                await ProgrammeStore.SetTolerancesAsync(db, programmeId, tolerances.ByDimension.Values);
            }

            await ProgrammeStore.LogAsync(db, programmeId, new ProgrammeEntry(ProgrammeEntryKind.ProgrammeExceptionDecided, null,
                tolerances is null ? rationale : $"{rationale} ({Describe(tolerances)})", caller.Actor.UserId, now));
            await AuditTrail.AppendAsync(db, null, EventTypes.ProgrammeExceptionDecided, caller.Actor.UserId, now,
                new ProgrammeEventData(programmeId, programme.Name, null, tolerances is null ? null : ToleranceSetView.From(tolerances, null, null)) { Rationale = rationale });
            return (true, programmeId);
        }, caller.CancellationToken);
    }

    /// <summary>The sectors a project involves beside its lead sector: the Executive or the portfolio board.</summary>
    public async Task<WriteResult<IReadOnlyList<string>>> SetParticipatingAsync(Guid id, ParticipatingSectors request, Caller caller)
    {
        var sectors = request.Sectors ?? [];
        var validation = new Validation().That(sectors.Count <= MaxList, "sectors", $"At most {MaxList} sectors.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<IReadOnlyList<string>>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<IReadOnlyList<string>>(caller, id, async write =>
        {
            if (!write.Standing.Holds(ProjectRole.Executive) && !write.Actor.IsPortfolioBoard)
            {
                return DomainError.Forbidden("Only the Executive or the portfolio board names the sectors a project involves.");
            }

            var named = sectors.Select(s => s.Trim()).Where(s => s != write.Project.Sector).Distinct().Order(StringComparer.Ordinal).ToList();
            if (await CheckSectorsAsync(write.Db, "sectors", named) is { } unknown)
            {
                return unknown;
            }

            await ProgrammeStore.SetParticipatingAsync(write.Db, id, named);
            write.Record(EventTypes.ParticipatingSectorsSet, new ParticipatingSectors(named));
            return named;
        });
    }

    private static ToleranceSet? ReadTolerances(ProgrammeTolerances? request, Validation validation, string prefix = "tolerances.")
    {
        validation.That(request?.Time?.Plan is not null, $"{prefix}time", "A programme has a time tolerance: the day its projects end, with the days allowed either way.")
            .That(request?.Cost?.Plan is not null, $"{prefix}cost", "A programme has a cost tolerance: what its projects cost together, with what is allowed either way.");
        return request is null ? null : ToleranceInput.Read(ToleranceLevel.Programme, new ToleranceSetRequest(request.Time, request.Cost), ProgrammeRules.Dimensions, validation, prefix);
    }

    /// <summary>Tolerances in a line of the decision log: time and cost with what is allowed either way.</summary>
    public static string Describe(ToleranceSet tolerances) =>
        string.Join("; ", tolerances.ByDimension.Values.Where(t => ProgrammeRules.Dimensions.Contains(t.Dimension)).OrderBy(t => t.Dimension).Select(t => t.Dimension == Dimension.Time
            ? $"time {Dimensions.FromDayNumber(t.Plan):yyyy-MM-dd} −{t.Below:0}/+{t.Above:0} days"
            : $"cost {t.Plan:0.##} −{t.Below:0.##}/+{t.Above:0.##}"));

    private async Task<DomainError?> CheckPeopleAsync(DbSession db, IEnumerable<(string Field, string? UserId)> named) =>
        ProjectWrite.CheckKnown(await people.PeopleAsync(db), named);

    /// <summary>Each sector named is one of the register's and takes new work, as a project's own sector must be.</summary>
    private static async Task<DomainError?> CheckSectorsAsync(DbSession db, string field, IReadOnlyList<string> sectors)
    {
        for (var i = 0; i < sectors.Count; i++)
        {
            if (await SectorStore.CheckOpenAsync(db, $"{field}[{i}]", sectors[i].Trim()) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }
}
