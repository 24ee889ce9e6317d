using System.Data.Common;
using Dapper;
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

    /// <summary>The newest handbook of the sector, or the newest default handbook when the sector has none.</summary>
    public static Task<Handbook> CurrentForAsync(DbConnection connection, DbTransaction? transaction, string sector, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<Handbook>(new CommandDefinition(
            """
            SELECT sector, version, name, pm_may_hold_board_role AS PmMayHoldBoardRole, approval_mode AS ApprovalMode
            FROM handbooks
            WHERE sector IN (@sector, @DefaultSector)
            ORDER BY CASE WHEN sector = @sector THEN 0 ELSE 1 END, version DESC
            LIMIT 1
            """, new { sector, DefaultSector }, transaction, cancellationToken: cancellationToken));

    public static Task<Handbook> GetAsync(DbConnection connection, DbTransaction? transaction, string sector, int version, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<Handbook>(new CommandDefinition(
            """
            SELECT sector, version, name, pm_may_hold_board_role AS PmMayHoldBoardRole, approval_mode AS ApprovalMode
            FROM handbooks WHERE sector = @sector AND version = @version
            """, new { sector, version }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(
        DbConnection connection, DbTransaction? transaction, string sector, int version, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            """
            SELECT item_id AS ItemId, decision_point AS DecisionPoint, text_nb AS TextNb, text_en AS TextEn, mandatory AS Mandatory
            FROM handbook_checklist_items WHERE sector = @sector AND version = @version ORDER BY position
            """, new { sector, version }, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new ChecklistItem(r.ItemId, r.DecisionPoint, r.TextNb, r.TextEn, r.Mandatory)).ToList();
    }

    private sealed record ItemRow
    {
        public required string ItemId { get; init; }

        public required DecisionPoint DecisionPoint { get; init; }

        public required string TextNb { get; init; }

        public required string TextEn { get; init; }

        public bool Mandatory { get; init; }
    }
}
