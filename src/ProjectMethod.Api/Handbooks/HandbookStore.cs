using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Handbooks;

/// <summary>A version of a sector's project handbook (prosjekthåndbok), as far as the core needs it.</summary>
public sealed record Handbook
{
    public required string Sector { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public bool PmMayHoldBoardRole { get; init; }

    public required string ApprovalMode { get; init; }
}

/// <summary>Reads handbooks and their checklist items.</summary>
public static class HandbookStore
{
    public const string DefaultSector = "standard";

    private const string Columns = "sector, version, name, pm_may_hold_board_role AS PmMayHoldBoardRole, approval_mode AS ApprovalMode";

    private static readonly Sql Current = Sql.Of(
        $"""
        SELECT {Columns}
        FROM handbooks
        WHERE sector IN (@sector, @DefaultSector)
        ORDER BY CASE WHEN sector = @sector THEN 0 ELSE 1 END, version DESC
        LIMIT 1
        """);

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM handbooks WHERE sector = @sector AND version = @version");

    private static readonly Sql Items = Sql.Of(
        """
        SELECT item_id AS ItemId, decision_point AS DecisionPoint, text_nb AS TextNb, text_en AS TextEn, mandatory AS Mandatory
        FROM handbook_checklist_items WHERE sector = @sector AND version = @version ORDER BY position
        """);

    /// <summary>The newest handbook of the sector, or the newest default handbook when the sector has none.</summary>
    public static async Task<Handbook> CurrentForAsync(DbSession db, string sector) =>
        (await db.FirstOrDefaultAsync<Handbook>(Current, new { sector, DefaultSector }))!;

    public static async Task<Handbook> GetAsync(DbSession db, string sector, int version) =>
        (await db.SingleOrDefaultAsync<Handbook>(One, new { sector, version }))
        ?? throw new InvalidOperationException($"The handbook {sector} version {version} a project is bound to does not exist.");

    public static async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(DbSession db, string sector, int version) =>
        (await db.ListAsync<ItemRow>(Items, new { sector, version }))
            .Select(r => new ChecklistItem(r.ItemId, r.DecisionPoint, r.TextNb, r.TextEn, r.Mandatory)).ToList();

    private sealed record ItemRow
    {
        public required string ItemId { get; init; }

        public required DecisionPoint DecisionPoint { get; init; }

        public required string TextNb { get; init; }

        public required string TextEn { get; init; }

        public bool Mandatory { get; init; }
    }
}
