using System.Collections.Concurrent;
using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Handbooks;

/// <summary>Handbook versions, published and draft, with their checklist items.</summary>
public static class HandbookStore
{
    public const string DefaultSector = "standard";

    private sealed record Row
    {
        public required string Sector { get; init; }

        public required int Version { get; init; }

        public required string Name { get; init; }

        public required HandbookState State { get; init; }

        public bool PmMayHoldBoardRole { get; init; }

        public bool SeniorUserMayBeSeniorSupplier { get; init; }

        public string? Dimensions { get; init; }

        public decimal? AtRiskThreshold { get; init; }

        public required string DefaultTolerances { get; init; }

        public required string ApprovalModes { get; init; }

        public required string ExtraCriteria { get; init; }

        public required string JournalTypes { get; init; }

        public required int ReminderDaysAhead { get; init; }

        public required string Categories { get; init; }

        public required Instant CreatedAt { get; init; }

        public string? UpdatedBy { get; init; }

        public Instant? UpdatedAt { get; init; }

        public string? PublishedBy { get; init; }

        public Instant? PublishedAt { get; init; }
    }

    private sealed record ItemRow
    {
        public required string ItemId { get; init; }

        public required DecisionPoint DecisionPoint { get; init; }

        public required string TextNb { get; init; }

        public required string TextEn { get; init; }

        public bool Mandatory { get; init; }
    }

    private const string Columns =
        """
        sector, version, name, state, pm_may_hold_board_role AS PmMayHoldBoardRole,
        senior_user_may_be_senior_supplier AS SeniorUserMayBeSeniorSupplier, dimensions, at_risk_threshold AS AtRiskThreshold,
        default_tolerances AS DefaultTolerances, approval_modes AS ApprovalModes, extra_criteria AS ExtraCriteria, journal_types AS JournalTypes, reminder_days_ahead AS ReminderDaysAhead,
        categories, created_at AS CreatedAt,
        updated_by AS UpdatedBy, updated_at AS UpdatedAt, published_by AS PublishedBy, published_at AS PublishedAt
        """;

    private static readonly Sql Current = Sql.Of(
        $"""
        SELECT {Columns}
        FROM handbooks
        WHERE sector IN (@sector, @DefaultSector) AND state = @published
        ORDER BY CASE WHEN sector = @sector THEN 0 ELSE 1 END, version DESC
        LIMIT 1
        """);

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM handbooks WHERE sector = @sector AND version = @version");

    private static readonly Sql OfSector = Sql.Of($"SELECT {Columns} FROM handbooks WHERE sector = @sector ORDER BY version");

    private static readonly Sql All = Sql.Of($"SELECT {Columns} FROM handbooks ORDER BY sector, version");

    private static readonly Sql Items = Sql.Of(
        """
        SELECT item_id AS ItemId, decision_point AS DecisionPoint, text_nb AS TextNb, text_en AS TextEn, mandatory AS Mandatory
        FROM handbook_checklist_items WHERE sector = @sector AND version = @version ORDER BY position
        """);

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO handbooks (sector, version, name, state, pm_may_hold_board_role, senior_user_may_be_senior_supplier, dimensions, at_risk_threshold,
                               default_tolerances, approval_modes, extra_criteria, journal_types, reminder_days_ahead, categories, created_at, updated_by, updated_at)
        VALUES (@sector, @version, @name, @state, @pmMayHoldBoardRole, @seniorUserMayBeSeniorSupplier, @dimensions, @atRiskThreshold,
                @defaultTolerances, @approvalModes, @extraCriteria, @journalTypes, @reminderDaysAhead, @categories, @at, @by, @at)
        """);

    private static readonly Sql Update = Sql.Of(
        """
        UPDATE handbooks
        SET name = @name, pm_may_hold_board_role = @pmMayHoldBoardRole, senior_user_may_be_senior_supplier = @seniorUserMayBeSeniorSupplier,
            dimensions = @dimensions, at_risk_threshold = @atRiskThreshold, default_tolerances = @defaultTolerances, approval_modes = @approvalModes,
            extra_criteria = @extraCriteria, journal_types = @journalTypes, reminder_days_ahead = @reminderDaysAhead, categories = @categories,
            updated_by = @by, updated_at = @at
        WHERE sector = @sector AND version = @version AND state = @draft
        """);

    private static readonly Sql Publish = Sql.Of(
        "UPDATE handbooks SET state = @published, published_by = @by, published_at = @at WHERE sector = @sector AND version = @version AND state = @draft");

    private static readonly Sql ClearItems = Sql.Of("DELETE FROM handbook_checklist_items WHERE sector = @sector AND version = @version");

    private static readonly Sql InsertItem = Sql.Of(
        """
        INSERT INTO handbook_checklist_items (sector, version, item_id, decision_point, text_nb, text_en, mandatory, position)
        VALUES (@sector, @version, @Id, @decisionPoint, @TextNb, @TextEn, @Mandatory, @position)
        """);

    private static readonly Sql Seed = Sql.Of("UPDATE handbooks SET dimensions = @dimensions, at_risk_threshold = @atRiskThreshold WHERE dimensions IS NULL");

    private static readonly string Published = HandbookState.Published.Wire();
    private static readonly string Draft = HandbookState.Draft.Wire();

    /// <summary>The newest published handbook of the sector, or the newest published default handbook when the sector has none.</summary>
    public static async Task<HandbookRecord> CurrentForAsync(DbSession db, string sector) =>
        await ToRecordAsync(db, (await db.FirstOrDefaultAsync<Row>(Current, new { sector, DefaultSector, published = Published }))!);

    /// <summary>The version a project is bound to, as its category sees it (the profile's dimensions, checklist and criteria).</summary>
    public static async Task<HandbookVersion> ForProjectAsync(DbSession db, Projects.ProjectRow project) =>
        (await GetAsync(db, project.HandbookSector, project.HandbookVersion)).Version.For(project.EffectiveCategory);

    /// <summary>The days between a project's highlight reports: its category's profile in the version it is bound to.</summary>
    public static async Task<int> ReportIntervalAsync(DbSession db, string sector, int version, ProjectCategory category) =>
        (await GetAsync(db, sector, version)).Version.Profiles.Of(category).HighlightReportDays;

    /// <summary>A version a project is bound to: it always exists.</summary>
    public static async Task<HandbookRecord> GetAsync(DbSession db, string sector, int version) =>
        await FindAsync(db, sector, version)
        ?? throw new InvalidOperationException($"The handbook {sector} version {version} a project is bound to does not exist.");

    public static async Task<HandbookRecord?> FindAsync(DbSession db, string sector, int version)
    {
        var key = (db.Connection.GetType().Name, db.Connection.DataSource, db.Connection.Database, sector, version);
        if (PublishedVersions.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = await db.SingleOrDefaultAsync<Row>(One, new { sector, version }) is { } row ? await ToRecordAsync(db, row) : null;
        if (found is { Version.State: HandbookState.Published })
        {
            PublishedVersions.TryAdd(key, found);
        }

        return found;
    }

    /// <summary>
    /// Published versions never change, so each is read from its database once per process; every project's rules,
    /// checklists and dimensions come from one, on every write and every gate view. Drafts are always read afresh.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Provider, string Source, string Database, string Sector, int Version), HandbookRecord> PublishedVersions = new();

    /// <summary>Every version of the sector, oldest first, without their checklists.</summary>
    public static async Task<IReadOnlyList<HandbookRecord>> VersionsAsync(DbSession db, string sector) =>
        (await db.ListAsync<Row>(OfSector, new { sector })).Select(r => ToRecord(r, [])).ToList();

    /// <summary>Every version of every sector, without their checklists.</summary>
    public static async Task<IReadOnlyList<HandbookRecord>> AllAsync(DbSession db) =>
        (await db.ListAsync<Row>(All, new { })).Select(r => ToRecord(r, [])).ToList();

    public static async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(DbSession db, string sector, int version) =>
        (await db.ListAsync<ItemRow>(Items, new { sector, version }))
            .Select(r => new ChecklistItem(r.ItemId, r.DecisionPoint, r.TextNb, r.TextEn, r.Mandatory)).ToList();

    public static async Task InsertDraftAsync(DbSession db, HandbookVersion draft, string by, Instant at)
    {
        await db.ExecuteAsync(Insert, Parameters(draft, by, at, Draft));
        await ReplaceItemsAsync(db, draft);
    }

    public static async Task ReplaceDraftAsync(DbSession db, HandbookVersion draft, string by, Instant at)
    {
        await db.ExecuteAsync(Update, Parameters(draft, by, at, Draft));
        await ReplaceItemsAsync(db, draft);
    }

    public static Task PublishAsync(DbSession db, HandbookVersion draft, string by, Instant at) =>
        db.ExecuteAsync(Publish, new { sector = draft.Sector, version = draft.Version, by, at, published = Published, draft = Draft });

    /// <summary>
    /// The versions made before handbooks held their dimensions and threshold take them from the configuration, once:
    /// at the first start after the upgrade. Later configuration changes alter no version and no project.
    /// </summary>
    public static Task<int> SeedAsync(DbSession db, ToleranceSettings configured) =>
        db.ExecuteAsync(Seed, new { dimensions = Write(configured.Dimensions.Select(d => d.Wire())), atRiskThreshold = configured.AtRiskThreshold });

    private static async Task ReplaceItemsAsync(DbSession db, HandbookVersion version)
    {
        await db.ExecuteAsync(ClearItems, new { sector = version.Sector, version = version.Version });
        var position = 0;
        foreach (var item in version.Checklist)
        {
            await db.ExecuteAsync(InsertItem, new
            {
                sector = version.Sector, version = version.Version, item.Id, decisionPoint = item.DecisionPoint.Wire(), item.TextNb, item.TextEn, item.Mandatory, position = ++position,
            });
        }
    }

    private static object Parameters(HandbookVersion h, string by, Instant at, string state) => new
    {
        sector = h.Sector, version = h.Version, name = h.Name, state,
        pmMayHoldBoardRole = h.RoleWaivers.ProjectManagerMayHoldBoardRole,
        seniorUserMayBeSeniorSupplier = h.RoleWaivers.SeniorUserMayBeSeniorSupplier,
        dimensions = Write(h.Dimensions.Select(d => d.Wire())),
        atRiskThreshold = h.AtRiskThreshold,
        defaultTolerances = Write(h.DefaultTolerances.ToDictionary(
            l => l.Key.Wire(), l => l.Value.ToDictionary(d => d.Key.Wire(), d => new { lower = d.Value.Lower, upper = d.Value.Upper }))),
        approvalModes = Write(h.ApprovalModes.ToDictionary(m => m.Key.Wire(), m => m.Value.Wire())),
        extraCriteria = Write(h.ExtraCriteria.Order(StringComparer.Ordinal)),
        journalTypes = Write(h.JournalTypes.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.Value.ToString())),
        reminderDaysAhead = h.ReminderDaysAhead,
        categories = Write(HandbookMapping.CategoriesOf(h.CategoryThresholds, h.Profiles)),
        by, at, draft = Draft,
    };

    private static async Task<HandbookRecord> ToRecordAsync(DbSession db, Row row) => ToRecord(row, await ChecklistAsync(db, row.Sector, row.Version));

    private static HandbookRecord ToRecord(Row r, IReadOnlyList<ChecklistItem> checklist)
    {
        var version = new HandbookVersion
        {
            Sector = r.Sector,
            Version = r.Version,
            Name = r.Name,
            State = r.State,
            Checklist = checklist,
            Dimensions = r.Dimensions is null ? Domain.Tolerances.Dimensions.Default : Read<List<string>>(r.Dimensions).Select(Parse<Dimension>).ToList(),
            AtRiskThreshold = r.AtRiskThreshold ?? ToleranceRules.DefaultAtRiskThreshold,
            DefaultTolerances = Read<Dictionary<string, Dictionary<string, ToleranceBand>>>(r.DefaultTolerances).ToDictionary(
                l => Parse<ToleranceLevel>(l.Key), l => (IReadOnlyDictionary<Dimension, ToleranceBand>)l.Value.ToDictionary(d => Parse<Dimension>(d.Key), d => d.Value)),
            ApprovalModes = Read<Dictionary<string, string>>(r.ApprovalModes).ToDictionary(m => Parse<DecisionPoint>(m.Key), m => Parse<ApprovalMode>(m.Value)),
            RoleWaivers = new RoleWaivers(r.PmMayHoldBoardRole, r.SeniorUserMayBeSeniorSupplier),
            ExtraCriteria = Read<List<string>>(r.ExtraCriteria).ToHashSet(StringComparer.Ordinal),
            JournalTypes = Read<Dictionary<string, string>>(r.JournalTypes).ToDictionary(k => k.Key, k => k.Value[0], StringComparer.Ordinal),
            ReminderDaysAhead = r.ReminderDaysAhead,
        };
        var (thresholds, profiles) = HandbookMapping.CategoriesFrom(r.Categories.Length == 0 ? null : Read<CategoriesSpec>(r.Categories));
        version = version with { CategoryThresholds = thresholds, Profiles = profiles };
        return new HandbookRecord(version, r.CreatedAt, r.UpdatedBy, r.UpdatedAt, r.PublishedBy, r.PublishedAt);
    }

    private static TEnum Parse<TEnum>(string wire) where TEnum : struct, Enum => Enum.Parse<TEnum>(wire, ignoreCase: true);

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Json.Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json.Options)!;

    /// <summary>The version of the sector's handbook being written, if one is.</summary>
    public static async Task<HandbookRecord?> DraftAsync(DbSession db, string sector) =>
        (await VersionsAsync(db, sector)).LastOrDefault(v => v.Version.State == HandbookState.Draft) is { } draft
            ? await FindAsync(db, sector, draft.Version.Version)
            : null;
}
