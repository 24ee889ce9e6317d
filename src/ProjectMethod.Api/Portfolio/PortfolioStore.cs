using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Portfolio;

/// <summary>What the board filters the portfolio by; null is any.</summary>
public sealed record PortfolioFilter(string? Sector, Phase? Phase, Rag? Rag, bool? HasOpenExceptions, ProjectCategory? Category = null);

/// <summary>
/// The portfolio, read set-based: a fixed number of statements whatever the number of projects — one page of projects
/// and, for that page only, its exceptions, products and benefits by range of ids; the counts in the database.
/// </summary>
public static class PortfolioStore
{
    /// <summary>
    /// In SQL over <c>projects p</c>: the project counts under <c>@sector</c> when it is its lead sector or one it
    /// involves beside it (any project when <c>@sector</c> is null).
    /// </summary>
    public const string InSector =
        "(@sector IS NULL OR p.sector = @sector OR EXISTS (SELECT 1 FROM project_sectors ps WHERE ps.project_id = p.id AND ps.sector = @sector))";

    public sealed record PortfolioRow
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Sector { get; init; }

        public required Phase Phase { get; init; }

        public int? Stage { get; init; }

        public bool ClosedEarly { get; init; }

        public Rag? Rag { get; init; }

        public required ProjectCategory Category { get; init; }
    }

    public sealed record IdeaCount
    {
        public required string Origin { get; init; }

        public required long Received { get; init; }

        public required long Proposed { get; init; }

        public required long ApprovedAtBp1 { get; init; }
    }

    /// <summary>One sector's co-creation, counted over its projects.</summary>
    public sealed record CoCreationCount
    {
        public required string Sector { get; init; }

        public required long Projects { get; init; }

        public required long WithRegister { get; init; }

        public required long WithPlan { get; init; }

        public required long ReachingHardToReach { get; init; }

        public required long Inputs { get; init; }

        public required long InputsAnswered { get; init; }
    }

    public sealed record LevelReached
    {
        public required string Sector { get; init; }

        public required Domain.CoCreation.InvolvementLevel Level { get; init; }
    }

    public sealed record Count
    {
        public string? Key { get; init; }

        public required long N { get; init; }
    }

    public sealed record ProjectCount
    {
        public required Guid ProjectId { get; init; }

        public string? Key { get; init; }

        public required long N { get; init; }
    }

    private sealed record BenefitOwner
    {
        public required Guid Id { get; init; }

        public required Guid ProjectId { get; init; }

        public required Phase Phase { get; init; }
    }

    private const string Category = Projects.ProjectStore.EffectiveCategory;

    private const string Filtered =
        $"""
        {InSector} AND (@phase IS NULL OR p.phase = @phase) AND (@rag IS NULL OR p.rag = @rag)
        AND (@category IS NULL OR {Category} = @category)
        AND (@hasOpen IS NULL
             OR (@hasOpen = 1 AND EXISTS (SELECT 1 FROM exceptions e WHERE e.project_id = p.id AND e.state IN @open))
             OR (@hasOpen = 0 AND NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.project_id = p.id AND e.state IN @open)))
        """;

    private static readonly Sql Page = Sql.Of(
        $"""
        SELECT p.id, p.name, p.sector, p.phase, p.stage, p.closed_early AS ClosedEarly, p.rag, {Category} AS Category
        FROM projects p WHERE {Filtered} AND p.id > @after ORDER BY p.id LIMIT @limit
        """);

    private static readonly Sql IdeaFunnel = Sql.Of(
        """
        SELECT i.origin AS Origin, COUNT(*) AS Received, SUM(CASE WHEN i.status = @proposed THEN 1 ELSE 0 END) AS Proposed,
               SUM(CASE WHEN a.project_id IS NULL THEN 0 ELSE 1 END) AS ApprovedAtBp1
        FROM ideas i
        LEFT JOIN (SELECT DISTINCT project_id FROM decisions WHERE decision_point = @bp1 AND decision = @approve) a ON a.project_id = i.project_id
        WHERE (@sector IS NULL OR i.sector = @sector)
        GROUP BY i.origin
        """);

    // Per project first, then summed per sector: SQL Server aggregates no subquery directly.
    private static readonly Sql CoCreationCounts = Sql.Of(
        $"""
        SELECT x.sector AS Sector, COUNT(*) AS Projects, SUM(x.with_register) AS WithRegister, SUM(x.with_plan) AS WithPlan,
               SUM(x.reaching) AS ReachingHardToReach, SUM(x.inputs) AS Inputs, SUM(x.answered) AS InputsAnswered
        FROM (SELECT p.sector,
                     CASE WHEN EXISTS (SELECT 1 FROM co_creation_groups g WHERE g.project_id = p.id) THEN 1 ELSE 0 END AS with_register,
                     CASE WHEN EXISTS (SELECT 1 FROM co_creation_plan c WHERE c.project_id = p.id) THEN 1 ELSE 0 END AS with_plan,
                     CASE WHEN EXISTS (SELECT 1 FROM co_creation_participation pa JOIN co_creation_groups g ON g.id = pa.group_id
                                       WHERE g.project_id = p.id AND g.hard_to_reach = @hardToReach AND pa.participants > 0) THEN 1 ELSE 0 END AS reaching,
                     (SELECT COUNT(*) FROM co_creation_inputs i WHERE i.project_id = p.id) AS inputs,
                     (SELECT COUNT(*) FROM co_creation_inputs i WHERE i.project_id = p.id AND i.outcome IS NOT NULL) AS answered
              FROM projects p WHERE {InSector}) x
        GROUP BY x.sector
        """);

    private static readonly Sql LevelsReached = Sql.Of(
        $"""
        SELECT DISTINCT p.sector AS Sector, a.level AS Level
        FROM co_creation_activities a JOIN projects p ON p.id = a.project_id
        WHERE {InSector}
          AND EXISTS (SELECT 1 FROM co_creation_participation pa WHERE pa.activity_id = a.id AND pa.participants > 0)
        """);

    private static readonly Sql PhaseCounts = Sql.Of(
        $"SELECT p.phase AS \"Key\", COUNT(*) AS N FROM projects p WHERE {InSector} GROUP BY p.phase");

    private static readonly Sql CategoryCounts = Sql.Of(
        $"SELECT {Category} AS \"Key\", COUNT(*) AS N FROM projects p WHERE {InSector} GROUP BY {Category}");

    private static readonly Sql RagCounts = Sql.Of(
        $"SELECT p.rag AS \"Key\", COUNT(*) AS N FROM projects p WHERE {InSector} GROUP BY p.rag");

    private static readonly Sql OpenExceptions = Sql.Of(
        $"""
        SELECT COUNT(*) FROM exceptions e JOIN projects p ON p.id = e.project_id
        WHERE e.state IN @open AND {InSector}
        """);

    private static readonly Sql OpenExceptionsOfPage = Sql.Of(
        """
        SELECT project_id AS ProjectId, COUNT(*) AS N FROM exceptions
        WHERE state IN @open AND project_id >= @first AND project_id <= @last GROUP BY project_id
        """);

    private static readonly Sql ProductsOfPage = Sql.Of(
        """
        SELECT project_id AS ProjectId, state AS "Key", COUNT(*) AS N FROM products
        WHERE project_id >= @first AND project_id <= @last GROUP BY project_id, state
        """);

    private static readonly Sql BenefitOwnersOfPage = Sql.Of(
        """
        SELECT b.id, b.project_id AS ProjectId, p.phase FROM benefits b JOIN projects p ON p.id = b.project_id
        WHERE b.project_id >= @first AND b.project_id <= @last
        """);

    private static readonly Sql DueBenefitOwners = Sql.Of(
        $"""
        SELECT b.id, b.project_id AS ProjectId, p.phase FROM benefits b JOIN projects p ON p.id = b.project_id
        WHERE p.phase IN @due AND b.outcome IS NULL AND {InSector}
        """);

    /// <summary>One project as items read across the portfolio name it.</summary>
    public sealed record ProjectName
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required Phase Phase { get; init; }
    }

    private static readonly Sql Names = Sql.Of("SELECT id, name, phase FROM projects");

    /// <summary>Every project's name and phase, by id: one query, however many items a page of the portfolio holds.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ProjectName>> ProjectsAsync(DbSession db) =>
        (await db.ListAsync<ProjectName>(Names)).ToDictionary(p => p.Id);

    public static Task<IReadOnlyList<PortfolioRow>> PageAsync(DbSession db, PortfolioFilter filter, Paging paging) =>
        db.ListAsync<PortfolioRow>(Page, new
        {
            sector = filter.Sector, phase = filter.Phase?.Wire(), rag = filter.Rag?.Wire(), category = filter.Category?.Wire(),
            hasOpen = filter.HasOpenExceptions is { } has ? (has ? 1 : 0) : (int?)null, open = Open, after = paging.AfterId, limit = paging.FetchSize,
        });

    public static async Task<(IReadOnlyList<Count> Phases, IReadOnlyList<Count> Rags, long OpenExceptions, IReadOnlyList<Count> Categories)> TotalsAsync(
        DbSession db, string? sector) =>
        (await db.ListAsync<Count>(PhaseCounts, new { sector }), await db.ListAsync<Count>(RagCounts, new { sector }),
            await db.ScalarAsync<long>(OpenExceptions, new { sector, open = Open }), await db.ListAsync<Count>(CategoryCounts, new { sector }));

    /// <summary>Per origin: the ideas received, those proposed as projects, and those whose project BP1 approved.</summary>
    public static Task<IReadOnlyList<IdeaCount>> IdeasAsync(DbSession db, string? sector) =>
        db.ListAsync<IdeaCount>(IdeaFunnel, new
        {
            sector, proposed = Ideas.IdeaStatus.Proposed.Wire(), bp1 = DecisionPoint.Bp1.Wire(), approve = Decision.Approve.Wire(),
        });

    /// <summary>Per sector: projects, those keeping a co-creation register and a plan, those that reached a hard-to-reach group, inputs and answers.</summary>
    public static Task<IReadOnlyList<CoCreationCount>> CoCreationAsync(DbSession db, string? sector) =>
        db.ListAsync<CoCreationCount>(CoCreationCounts, new { sector, hardToReach = true });

    /// <summary>Per sector, every IAP2 level some activity reached (someone took part).</summary>
    public static Task<IReadOnlyList<LevelReached>> LevelsReachedAsync(DbSession db, string? sector) =>
        db.ListAsync<LevelReached>(LevelsReached, new { sector });

    public static Task<IReadOnlyList<ProjectCount>> OpenExceptionsAsync(DbSession db, Guid first, Guid last) =>
        db.ListAsync<ProjectCount>(OpenExceptionsOfPage, new { first, last, open = Open });

    public static Task<IReadOnlyList<ProjectCount>> ProductsAsync(DbSession db, Guid first, Guid last) =>
        db.ListAsync<ProjectCount>(ProductsOfPage, new { first, last });

    /// <summary>The benefits of the projects between two ids, each with its measurements and its project's phase.</summary>
    public static async Task<IReadOnlyList<(Guid ProjectId, BenefitView Benefit)>> BenefitsAsync(
        DbSession db, Guid first, Guid last, NodaTime.LocalDate today) =>
        Figures(await db.ListAsync<BenefitOwner>(BenefitOwnersOfPage, new { first, last }), await BenefitStore.InRangeAsync(db, first, last), today);

    private sealed record ReportingRow
    {
        public required Guid ProjectId { get; init; }

        public required string HandbookSector { get; init; }

        public required int HandbookVersion { get; init; }

        public required ProjectCategory Category { get; init; }

        public NodaTime.Instant? StageBegan { get; init; }

        public NodaTime.Instant? LastReport { get; init; }
    }

    private static readonly Sql Reporting = Sql.Of(
        $"""
        SELECT p.id AS ProjectId, p.handbook_sector AS HandbookSector, p.handbook_version AS HandbookVersion, {Category} AS Category, {Projects.ProjectStore.ReportDates}
        FROM projects p
        WHERE p.phase = @execution AND p.stage IS NOT NULL AND {InSector}
        """);

    /// <summary>
    /// The day each project in execution owes its next highlight report: its category's interval after the last report or
    /// after the stage began.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, NodaTime.LocalDate>> ReportsDueAsync(DbSession db, string? sector, NodaTime.Instant now)
    {
        var due = new Dictionary<Guid, NodaTime.LocalDate>();
        foreach (var row in await db.ListAsync<ReportingRow>(Reporting, new { sector, execution = Phase.Execution.Wire(), stageLevel = ToleranceLevel.Stage.Wire() }))
        {
            var interval = await Handbooks.HandbookStore.ReportIntervalAsync(db, row.HandbookSector, row.HandbookVersion, row.Category);
            due[row.ProjectId] = Web.Inbox.ReportDue(row.LastReport, row.StageBegan, now, interval);
        }

        return due;
    }

    /// <summary>Every benefit still measured (from execution on, not yet evaluated), with its figures as of today.</summary>
    public static async Task<IReadOnlyList<(Guid ProjectId, BenefitView Benefit)>> MeasuredAsync(DbSession db, string? sector, NodaTime.LocalDate today)
    {
        var due = Enum.GetValues<Phase>().Where(BenefitRules.MeasuredIn).Select(p => p.Wire()).ToArray();
        var owners = await db.ListAsync<BenefitOwner>(DueBenefitOwners, new { due, sector });
        return owners.Count == 0 ? [] : Figures(owners, await BenefitStore.MeasuredAsync(db, due, sector), today);
    }

    private sealed record ForWhomRow
    {
        public required Guid Id { get; init; }

        public required string Beneficiaries { get; init; }

        public BenefitOutcome? Outcome { get; init; }
    }

    private static readonly Sql ForWhom = Sql.Of(
        $"""
        SELECT b.id, b.beneficiaries, b.outcome FROM benefits b JOIN projects p ON p.id = b.project_id
        WHERE p.phase <> @rejected AND {InSector}
        """);

    private static readonly Sql ForWhomInProgramme = Sql.Of(
        """
        SELECT b.id, b.beneficiaries, b.outcome FROM benefits b JOIN projects p ON p.id = b.project_id
        WHERE p.phase <> @rejected AND p.programme_id = @programmeId
        """);

    /// <summary>
    /// The benefits per beneficiary: how many are planned, how many are realised (reached their target, or evaluated as
    /// realised) and how many are at risk or overdue; a benefit for several beneficiaries counts for each, and those for
    /// nobody named count under none (<c>beneficiary</c> null).
    /// </summary>
    public static async Task<IReadOnlyList<BeneficiaryFigures>> PerBeneficiaryAsync(
        DbSession db, string? sector, IReadOnlyList<(Guid ProjectId, BenefitView Benefit)> measured, Guid? programmeId = null)
    {
        var status = measured.ToDictionary(m => m.Benefit.Id, m => m.Benefit.Figures?.Status);
        var rows = programmeId is { } programme
            ? await db.ListAsync<ForWhomRow>(ForWhomInProgramme, new { programmeId = programme, rejected = Phase.Rejected.Wire() })
            : await db.ListAsync<ForWhomRow>(ForWhom, new { sector, rejected = Phase.Rejected.Wire() });
        var forWhom = rows.Select(r => (Row: r, Who: System.Text.Json.JsonSerializer.Deserialize<List<Beneficiary>>(r.Beneficiaries, Json.Options)!)).ToList();
        BeneficiaryFigures Sum(Beneficiary? who, IEnumerable<ForWhomRow> benefits)
        {
            var list = benefits.ToList();
            var of = (ForWhomRow r) => status.GetValueOrDefault(r.Id);
            return new BeneficiaryFigures(who, list.Count,
                list.Count(r => r.Outcome == BenefitOutcome.Realised || (r.Outcome is null && of(r) == BenefitStatus.Realised)),
                list.Count(r => r.Outcome is null && of(r) is BenefitStatus.AtRisk or BenefitStatus.Overdue));
        }

        return [.. Enum.GetValues<Beneficiary>().Select(who => Sum(who, forWhom.Where(f => f.Who.Contains(who)).Select(f => f.Row))),
            Sum(null, forWhom.Where(f => f.Who.Count == 0).Select(f => f.Row))];
    }

    private static List<(Guid ProjectId, BenefitView Benefit)> Figures(
        IReadOnlyList<BenefitOwner> owners, (IReadOnlyList<BenefitRow> Rows, IReadOnlyList<MeasurementView> Measurements) benefits, NodaTime.LocalDate today)
    {
        var ownerOf = owners.ToDictionary(o => o.Id);
        var measurements = benefits.Measurements.ToLookup(m => m.BenefitId);
        return benefits.Rows.Where(r => ownerOf.ContainsKey(r.Id))
            .Select(r => (ownerOf[r.Id].ProjectId, BenefitView.From(r, measurements[r.Id], today, ownerOf[r.Id].Phase))).ToList();
    }

    private static readonly string[] Open = ExceptionRules.OpenStates.Select(s => s.Wire()).ToArray();
}
