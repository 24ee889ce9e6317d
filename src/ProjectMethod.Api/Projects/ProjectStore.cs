using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Projects;

/// <summary>A project as stored. Rows are init-property records so Dapper converts SQLite's integers.</summary>
public sealed record ProjectRow
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string Sector { get; init; }

    public required string Description { get; init; }

    public required Phase Phase { get; init; }

    public int? Stage { get; init; }

    public bool ClosedEarly { get; init; }

    public required string ProposerId { get; init; }

    public required string HandbookSector { get; init; }

    public required int HandbookVersion { get; init; }

    public string? MandatePurpose { get; init; }

    public string? MandateBackground { get; init; }

    public required long Version { get; init; }

    public required Instant CreatedAt { get; init; }

    public required Instant UpdatedAt { get; init; }

    /// <summary>The idea the project office proposed this project from, if it came from one.</summary>
    public Guid? IdeaId { get; init; }

    /// <summary>The category the BP1 decider confirmed (or a later decision changed it to); null before BP1.</summary>
    public ProjectCategory? Category { get; init; }

    /// <summary>The category the mandate proposes.</summary>
    public ProjectCategory? ProposedCategory { get; init; }

    /// <summary>The mandate's facts behind the proposal, as JSON.</summary>
    public string? CategoryFacts { get; init; }

    /// <summary>The programme the project belongs to, if any: its programme board then owns what the portfolio board would.</summary>
    public Guid? ProgrammeId { get; init; }

    /// <summary>The category whose profile applies: the confirmed one, else the proposed one, else medium (the method untailored).</summary>
    public ProjectCategory EffectiveCategory => Category ?? ProposedCategory ?? CategoryRules.Untailored;
}

public static class ProjectStore
{
    /// <summary>In SQL over <c>projects p</c>: the category whose profile applies — confirmed, else proposed, else medium.</summary>
    public const string EffectiveCategory = "COALESCE(p.category, p.proposed_category, 'medium')";

    /// <summary>
    /// In SQL over <c>projects p</c>: when the stage under way began (the decision that opened it) and its newest highlight
    /// report (<c>@stageLevel</c>), from which the next report falls due.
    /// </summary>
    public const string ReportDates =
        """
        (SELECT MAX(d.decided_at) FROM decisions d WHERE d.project_id = p.id AND d.to_phase = p.phase AND (d.to_stage = p.stage OR d.to_stage IS NULL)) AS StageBegan,
        (SELECT MAX(f.submitted_at) FROM forecasts f WHERE f.project_id = p.id AND f.level = @stageLevel AND f.stage = p.stage) AS LastReport
        """;

    private const string Columns =
        """
        id, name, sector, description, phase, stage, closed_early AS ClosedEarly, proposer_id AS ProposerId,
        handbook_sector AS HandbookSector, handbook_version AS HandbookVersion, mandate_purpose AS MandatePurpose,
        mandate_background AS MandateBackground, version, created_at AS CreatedAt, updated_at AS UpdatedAt, idea_id AS IdeaId,
        category, proposed_category AS ProposedCategory, category_facts AS CategoryFacts, programme_id AS ProgrammeId
        """;

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM projects WHERE id = @id");

    private static readonly Sql OfProgramme = Sql.Of($"SELECT {Columns} FROM projects WHERE programme_id = @programmeId ORDER BY name, id");

    private static readonly Sql Page = Sql.Of(
        $"""
        SELECT {Columns} FROM projects
        WHERE (@phase IS NULL OR phase = @phase) AND (@sector IS NULL OR sector = @sector) AND updated_at >= @since AND id > @after
        ORDER BY id
        LIMIT @limit
        """);

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO projects (id, name, sector, description, phase, stage, closed_early, proposer_id, handbook_sector, handbook_version,
                              mandate_purpose, mandate_background, version, created_at, updated_at, idea_id)
        VALUES (@Id, @Name, @Sector, @Description, @Phase, @Stage, @ClosedEarly, @ProposerId, @HandbookSector, @HandbookVersion,
                @MandatePurpose, @MandateBackground, @Version, @CreatedAt, @UpdatedAt, @IdeaId)
        """);

    private static readonly Sql BumpVersion = Sql.Of(
        "UPDATE projects SET version = version + 1, updated_at = @at WHERE id = @id AND version = @expected");

    private static readonly Sql SetMandate = Sql.Of(
        "UPDATE projects SET mandate_purpose = @purpose, mandate_background = @background WHERE id = @id");

    private static readonly Sql SetPhase = Sql.Of(
        "UPDATE projects SET phase = @phase, stage = @stage, closed_early = @closedEarly WHERE id = @id");

    private static readonly Sql SetHandbook = Sql.Of("UPDATE projects SET handbook_version = @version WHERE id = @id");

    private static readonly Sql SetProposal = Sql.Of("UPDATE projects SET proposed_category = @proposed, category_facts = @facts WHERE id = @id");

    private static readonly Sql SetCategory = Sql.Of("UPDATE projects SET category = @category WHERE id = @id");

    public static Task<ProjectRow?> GetAsync(DbSession db, Guid id) => db.SingleOrDefaultAsync<ProjectRow>(One, new { id });

    /// <summary>The projects of a programme, by name.</summary>
    public static Task<IReadOnlyList<ProjectRow>> OfProgrammeAsync(DbSession db, Guid programmeId) => db.ListAsync<ProjectRow>(OfProgramme, new { programmeId });

    /// <summary>A page of the projects, oldest first: of a phase and a sector where given, changed at or after since.</summary>
    public static Task<IReadOnlyList<ProjectRow>> ListAsync(DbSession db, Phase? phase, string? sector, Instant since, Paging paging) =>
        db.ListAsync<ProjectRow>(Page, new { phase = phase?.Wire(), sector, since, after = paging.AfterId, limit = paging.FetchSize });

    public static Task InsertAsync(DbSession db, ProjectRow project) =>
        db.ExecuteAsync(Insert, new
        {
            project.Id, project.Name, project.Sector, project.Description, Phase = project.Phase.Wire(), project.Stage, project.ClosedEarly,
            project.ProposerId, project.HandbookSector, project.HandbookVersion, project.MandatePurpose, project.MandateBackground,
            project.Version, project.CreatedAt, project.UpdatedAt, project.IdeaId,
        });

    /// <summary>Counts one more change of the project; false when someone else changed it first.</summary>
    public static async Task<bool> BumpVersionAsync(DbSession db, Guid id, long expected, Instant at) =>
        await db.ExecuteAsync(BumpVersion, new { id, expected, at }) == 1;

    public static Task UpdateMandateAsync(DbSession db, Guid id, string purpose, string background) =>
        db.ExecuteAsync(SetMandate, new { id, purpose, background });

    public static Task UpdatePhaseAsync(DbSession db, Guid id, Phase phase, int? stage, bool closedEarly) =>
        db.ExecuteAsync(SetPhase, new { id, phase = phase.Wire(), stage, closedEarly });

    /// <summary>The mandate's proposed category and the facts behind it.</summary>
    public static Task UpdateCategoryProposalAsync(DbSession db, Guid id, ProjectCategory proposed, string facts) =>
        db.ExecuteAsync(SetProposal, new { id, proposed = proposed.Wire(), facts });

    /// <summary>The category confirmed at BP1 or changed by a later decision.</summary>
    public static Task UpdateCategoryAsync(DbSession db, Guid id, ProjectCategory category) =>
        db.ExecuteAsync(SetCategory, new { id, category = category.Wire() });

    /// <summary>Binds the project to another version of its handbook.</summary>
    public static Task UpdateHandbookAsync(DbSession db, Guid id, int version) => db.ExecuteAsync(SetHandbook, new { id, version });
}
