using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Programmes;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Programmes;

/// <summary>Programmes, their boards, their decision logs and the breaches of their tolerances; and projects' participating sectors.</summary>
public static class ProgrammeStore
{
    public sealed record ProgrammeRow
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Description { get; init; }

        public required string OwnerUserId { get; init; }

        public required string Sectors { get; init; }

        public required string Tolerances { get; init; }

        public IReadOnlyList<string> SectorList => JsonSerializer.Deserialize<List<string>>(Sectors, Json.Options)!;

        /// <summary>The programme's tolerances as the rules read them.</summary>
        public ToleranceSet ToleranceSet => new(ToleranceLevel.Programme,
            JsonSerializer.Deserialize<List<Tolerance>>(Tolerances, Json.Options)!.ToDictionary(t => t.Dimension));
    }

    private sealed record EntryRow
    {
        public required ProgrammeEntryKind Kind { get; init; }

        public Guid? ProjectId { get; init; }

        public required string Summary { get; init; }

        public required string Actor { get; init; }

        public required Instant At { get; init; }
    }

    private sealed record Counted
    {
        public required Guid Id { get; init; }

        public required long N { get; init; }
    }

    /// <summary>A member project as the programme rolls it up.</summary>
    public sealed record MemberRow
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Sector { get; init; }

        public required Domain.Phases.Phase Phase { get; init; }

        public int? Stage { get; init; }

        public required Domain.Handbooks.ProjectCategory Category { get; init; }

        public Rag? Rag { get; init; }
    }

    /// <summary>A member project's benefit: whether its evaluation found it realised.</summary>
    public sealed record MemberBenefit
    {
        public required Guid Id { get; init; }

        public required Guid ProjectId { get; init; }

        public Domain.Benefits.BenefitOutcome? Outcome { get; init; }
    }

    private static readonly Sql Members = Sql.Of(
        $"""
        SELECT p.id, p.name, p.sector, p.phase, p.stage, {Projects.ProjectStore.EffectiveCategory} AS Category, p.rag
        FROM projects p WHERE p.programme_id = @programmeId ORDER BY p.name, p.id
        """);

    private static readonly Sql MemberBenefits = Sql.Of(
        "SELECT b.id, b.project_id AS ProjectId, b.outcome FROM benefits b JOIN projects p ON p.id = b.project_id WHERE p.programme_id = @programmeId");

    public static Task<IReadOnlyList<MemberRow>> MembersAsync(DbSession db, Guid programmeId) => db.ListAsync<MemberRow>(Members, new { programmeId });

    public static Task<IReadOnlyList<MemberBenefit>> BenefitsAsync(DbSession db, Guid programmeId) => db.ListAsync<MemberBenefit>(MemberBenefits, new { programmeId });

    private sealed record SectorRow
    {
        public required Guid ProjectId { get; init; }

        public required string Sector { get; init; }
    }

    private const string Columns = "id, name, description, owner_user_id AS OwnerUserId, sectors, tolerances";

    private const string ExceptionColumns =
        """
        id, cause_project_id AS CauseProjectId, dimension, state, forecast_value AS ForecastValue, plan_value AS "Plan", deviation, allowed, raised_at AS RaisedAt,
        decided_by AS DecidedBy, decided_at AS DecidedAt, rationale
        """;

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO programmes (id, name, description, owner_user_id, sectors, tolerances, created_by, created_at)
        VALUES (@Id, @Name, @Description, @OwnerUserId, @Sectors, @Tolerances, @by, @at)
        """);

    private static readonly Sql InsertBoard = Sql.Of("INSERT INTO programme_board (programme_id, user_id) VALUES (@programmeId, @userId)");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM programmes WHERE id = @id");

    private static readonly Sql All = Sql.Of($"SELECT {Columns} FROM programmes ORDER BY name, id");

    private static readonly Sql Board = Sql.Of("SELECT user_id FROM programme_board WHERE programme_id = @programmeId ORDER BY user_id");

    private static readonly Sql OnBoard = Sql.Of(
        """
        SELECT (SELECT COUNT(*) FROM programme_board WHERE programme_id = @programmeId AND user_id = @userId)
             + (SELECT COUNT(*) FROM programmes WHERE id = @programmeId AND owner_user_id = @userId)
        """);

    private static readonly Sql SetTolerancesSql = Sql.Of("UPDATE programmes SET tolerances = @tolerances WHERE id = @id");

    private static readonly Sql Join = Sql.Of("UPDATE projects SET programme_id = @programmeId WHERE id = @projectId AND programme_id IS NULL");

    private static readonly Sql ProgrammeOf = Sql.Of("SELECT programme_id FROM projects WHERE id = @projectId");

    private static readonly Sql MemberCounts = Sql.Of("SELECT programme_id AS Id, COUNT(*) AS N FROM projects WHERE programme_id IS NOT NULL GROUP BY programme_id");

    private static readonly Sql InsertEntry = Sql.Of(
        "INSERT INTO programme_log (id, programme_id, kind, project_id, summary, actor, logged_at) VALUES (@id, @programmeId, @kind, @projectId, @summary, @actor, @at)");

    private static readonly Sql Entries = Sql.Of(
        "SELECT kind, project_id AS ProjectId, summary, actor, logged_at AS At FROM programme_log WHERE programme_id = @programmeId ORDER BY logged_at DESC, id DESC");

    private static readonly Sql InsertException = Sql.Of(
        """
        INSERT INTO programme_exceptions (id, programme_id, cause_project_id, dimension, state, forecast_value, plan_value, deviation, allowed, raised_at)
        VALUES (@Id, @programmeId, @CauseProjectId, @dimension, @open, @ForecastValue, @Plan, @Deviation, @Allowed, @RaisedAt)
        """);

    private static readonly Sql ExceptionsOf = Sql.Of($"SELECT {ExceptionColumns} FROM programme_exceptions WHERE programme_id = @programmeId ORDER BY raised_at, id");

    private static readonly Sql OpenExceptionCounts = Sql.Of(
        "SELECT programme_id AS Id, COUNT(*) AS N FROM programme_exceptions WHERE state = @open GROUP BY programme_id");

    private static readonly Sql DecideExceptionSql = Sql.Of(
        """
        UPDATE programme_exceptions SET state = @decided, decided_by = @by, decided_at = @at, rationale = @rationale
        WHERE programme_id = @programmeId AND id = @id AND state = @open
        """);

    private static readonly Sql SectorsOfProject = Sql.Of("SELECT project_id AS ProjectId, sector FROM project_sectors WHERE project_id = @projectId ORDER BY sector");

    private static readonly Sql SectorsOfProgramme = Sql.Of(
        "SELECT project_id AS ProjectId, sector FROM project_sectors WHERE project_id IN (SELECT id FROM projects WHERE programme_id = @programmeId) ORDER BY sector");

    private static readonly Sql ClearSectors = Sql.Of("DELETE FROM project_sectors WHERE project_id = @projectId");

    private static readonly Sql InsertSector = Sql.Of("INSERT INTO project_sectors (project_id, sector) VALUES (@projectId, @sector)");

    /// <summary>The state of a breach of a programme's tolerance: open until the portfolio board decides it.</summary>
    public const string OpenState = "open";

    public const string DecidedState = "decided";

    public static string Write(IEnumerable<Tolerance> tolerances) => JsonSerializer.Serialize(tolerances.OrderBy(t => t.Dimension).ToList(), Json.Options);

    public static async Task InsertAsync(DbSession db, ProgrammeRow programme, IEnumerable<string> board, string by, Instant at)
    {
        await db.ExecuteAsync(Insert, new { programme.Id, programme.Name, programme.Description, programme.OwnerUserId, programme.Sectors, programme.Tolerances, by, at });
        foreach (var userId in board)
        {
            await db.ExecuteAsync(InsertBoard, new { programmeId = programme.Id, userId });
        }
    }

    public static Task<ProgrammeRow?> GetAsync(DbSession db, Guid id) => db.SingleOrDefaultAsync<ProgrammeRow>(One, new { id });

    public static Task<IReadOnlyList<ProgrammeRow>> AllAsync(DbSession db) => db.ListAsync<ProgrammeRow>(All);

    /// <summary>The programme board's members beside its owner.</summary>
    public static Task<IReadOnlyList<string>> BoardAsync(DbSession db, Guid programmeId) => db.ListAsync<string>(Board, new { programmeId });

    /// <summary>How the actor stands on the project: roles, proposer, and their seat on its programme's board.</summary>
    public static async Task<Domain.Access.ProjectStanding> StandingAsync(
        DbSession db, Domain.Access.Actor actor, IEnumerable<Domain.Roles.RoleAssignment> roles, Projects.ProjectRow project) =>
        Domain.Access.ProjectStanding.Of(actor, roles, project.ProposerId) with { Programme = await SeatAsync(db, project.ProgrammeId, actor.UserId) };

    /// <summary>Where the user stands towards the programme a project belongs to; null when the project is in none.</summary>
    public static async Task<ProgrammeSeat?> SeatAsync(DbSession db, Guid? programmeId, string userId) =>
        programmeId is { } id ? new ProgrammeSeat(id, await db.ScalarAsync<long>(OnBoard, new { programmeId = id, userId }) > 0) : null;

    public static async Task<Guid?> ProgrammeOfAsync(DbSession db, Guid projectId) => await db.ScalarAsync<Guid?>(ProgrammeOf, new { projectId });

    public static Task SetTolerancesAsync(DbSession db, Guid id, IEnumerable<Tolerance> tolerances) =>
        db.ExecuteAsync(SetTolerancesSql, new { id, tolerances = Write(tolerances) });

    /// <summary>Whether the project joined (it was in no programme).</summary>
    public static async Task<bool> JoinAsync(DbSession db, Guid programmeId, Guid projectId) => await db.ExecuteAsync(Join, new { programmeId, projectId }) == 1;

    public static async Task<IReadOnlyDictionary<Guid, int>> MemberCountsAsync(DbSession db) =>
        (await db.ListAsync<Counted>(MemberCounts)).ToDictionary(c => c.Id, c => (int)c.N);

    public static Task LogAsync(DbSession db, Guid programmeId, ProgrammeEntry entry) => db.ExecuteAsync(InsertEntry, new
    {
        id = Ids.New(entry.At), programmeId, kind = entry.Kind.Wire(), projectId = entry.ProjectId, summary = entry.Summary, actor = entry.Actor, at = entry.At,
    });

    public static async Task<IReadOnlyList<ProgrammeEntry>> EntriesAsync(DbSession db, Guid programmeId) =>
        (await db.ListAsync<EntryRow>(Entries, new { programmeId })).Select(e => new ProgrammeEntry(e.Kind, e.ProjectId, e.Summary, e.Actor, e.At)).ToList();

    public sealed record BreachRow
    {
        public required Guid Id { get; init; }

        public required Guid CauseProjectId { get; init; }

        public required Dimension Dimension { get; init; }

        public required string State { get; init; }

        public required decimal ForecastValue { get; init; }

        public required decimal Plan { get; init; }

        public required decimal Deviation { get; init; }

        public required decimal Allowed { get; init; }

        public required Instant RaisedAt { get; init; }

        public string? DecidedBy { get; init; }

        public Instant? DecidedAt { get; init; }

        public string? Rationale { get; init; }

        public bool Open => State == OpenState;

        public ProgrammeExceptionView ToView() => new()
        {
            Id = Id, ProjectId = null, Level = ToleranceLevel.Programme, Dimension = Dimension, Open = Open, Decider = Domain.Phases.Decider.PortfolioBoard,
            ForecastValue = ForecastValue, Plan = Plan, RaisedAt = RaisedAt, Rationale = Rationale, DecidedBy = DecidedBy, DecidedAt = DecidedAt,
        };
    }

    public static Task RaiseAsync(DbSession db, Guid programmeId, BreachRow breach) => db.ExecuteAsync(InsertException, new
    {
        breach.Id, programmeId, breach.CauseProjectId, dimension = breach.Dimension.Wire(), open = OpenState, breach.ForecastValue, breach.Plan, breach.Deviation,
        breach.Allowed, breach.RaisedAt,
    });

    public static Task<IReadOnlyList<BreachRow>> BreachesAsync(DbSession db, Guid programmeId) => db.ListAsync<BreachRow>(ExceptionsOf, new { programmeId });

    public static async Task<IReadOnlyDictionary<Guid, int>> OpenBreachCountsAsync(DbSession db) =>
        (await db.ListAsync<Counted>(OpenExceptionCounts, new { open = OpenState })).ToDictionary(c => c.Id, c => (int)c.N);

    /// <summary>Whether the open breach was decided now.</summary>
    public static async Task<bool> DecideBreachAsync(DbSession db, Guid programmeId, Guid id, string by, Instant at, string rationale) =>
        await db.ExecuteAsync(DecideExceptionSql, new { programmeId, id, by, at, rationale, open = OpenState, decided = DecidedState }) == 1;

    /// <summary>The sectors a project involves beside its lead sector.</summary>
    public static async Task<IReadOnlyList<string>> ParticipatingAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<SectorRow>(SectorsOfProject, new { projectId })).Select(r => r.Sector).ToList();

    /// <summary>The participating sectors of each project of a programme.</summary>
    public static async Task<ILookup<Guid, string>> ParticipatingInAsync(DbSession db, Guid programmeId) =>
        (await db.ListAsync<SectorRow>(SectorsOfProgramme, new { programmeId })).ToLookup(r => r.ProjectId, r => r.Sector);

    public static async Task SetParticipatingAsync(DbSession db, Guid projectId, IEnumerable<string> sectors)
    {
        await db.ExecuteAsync(ClearSectors, new { projectId });
        foreach (var sector in sectors)
        {
            await db.ExecuteAsync(InsertSector, new { projectId, sector });
        }
    }
}
