using NodaTime;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Checklists;

/// <summary>A checklist item of the project's handbook with its status on this project.</summary>
public sealed record ChecklistItemView(
    string Id, DecisionPoint DecisionPoint, string TextNb, string TextEn, bool Mandatory, ChecklistStatus Status, string? Comment,
    [property: Person] string? UpdatedBy, Instant? UpdatedAt);

public static class ChecklistStore
{
    private sealed record StatusRow
    {
        public required string ItemId { get; init; }

        public required int Round { get; init; }

        public required ChecklistStatus Status { get; init; }

        public string? Comment { get; init; }

        public required string UpdatedBy { get; init; }

        public required Instant UpdatedAt { get; init; }
    }

    private static readonly Sql Statuses = Sql.Of(
        """
        SELECT item_id AS ItemId, round, status, comment, updated_by AS UpdatedBy, updated_at AS UpdatedAt
        FROM checklist_statuses WHERE project_id = @id
        """);

    private static readonly Sql Answer = Sql.Of(
        """
        INSERT INTO checklist_statuses (project_id, item_id, round, status, comment, updated_by, updated_at)
        VALUES (@projectId, @itemId, @round, @status, @comment, @updatedBy, @updatedAt)
        ON CONFLICT (project_id, item_id, round) DO UPDATE
        SET status = excluded.status, comment = excluded.comment, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        """);

    /// <summary>Stage-boundary items are answered anew for every stage; the others once.</summary>
    public static int RoundOf(DecisionPoint point, ProjectRow project) => point == DecisionPoint.StageBoundary ? project.Stage ?? 0 : 0;

    public static async Task<IReadOnlyList<ChecklistItemView>> ForProjectAsync(DbSession db, ProjectRow project) =>
        await ForProjectAsync(db, project, (await HandbookStore.ForProjectAsync(db, project)).Checklist);

    /// <summary>The items of the project's handbook, already read, each with its status on the project.</summary>
    public static async Task<IReadOnlyList<ChecklistItemView>> ForProjectAsync(DbSession db, ProjectRow project, IReadOnlyList<ChecklistItem> items)
    {
        var statuses = (await db.ListAsync<StatusRow>(Statuses, new { id = project.Id })).ToDictionary(s => (s.ItemId, s.Round));
        return items.Select(item =>
        {
            var status = statuses.GetValueOrDefault((item.Id, RoundOf(item.DecisionPoint, project)));
            return new ChecklistItemView(item.Id, item.DecisionPoint, item.TextNb, item.TextEn, item.Mandatory,
                status?.Status ?? ChecklistStatus.Open, status?.Comment, status?.UpdatedBy, status?.UpdatedAt);
        }).ToList();
    }

    public static Task UpsertAsync(DbSession db, Guid projectId, string itemId, int round, ChecklistStatus status, string? comment, string updatedBy, Instant updatedAt) =>
        db.ExecuteAsync(Answer, new { projectId, itemId, round, status = status.Wire(), comment, updatedBy, updatedAt });
}
