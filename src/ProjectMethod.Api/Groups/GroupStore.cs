using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Organisation;

namespace ProjectMethod.Api.Groups;

/// <summary>The groups around each project's board.</summary>
public static class GroupStore
{
    private sealed record GroupRow
    {
        public required Guid Id { get; init; }

        public required BoardGroupKind Kind { get; init; }

        public required string Name { get; init; }

        public required string Mandate { get; init; }

        public required string Members { get; init; }

        public required string StakeholderGroups { get; init; }

        public required string UpdatedBy { get; init; }

        public required Instant UpdatedAt { get; init; }

        public GroupView ToView() => new()
        {
            Id = Id, Kind = Kind, Name = Name, Mandate = Mandate, MemberUserIds = JsonSerializer.Deserialize<List<string>>(Members, Json.Options)!,
            StakeholderGroupIds = JsonSerializer.Deserialize<List<Guid>>(StakeholderGroups, Json.Options)!, UpdatedBy = UpdatedBy, UpdatedAt = UpdatedAt,
        };
    }

    private const string Columns =
        "id, kind, name, mandate, members, stakeholder_groups AS StakeholderGroups, updated_by AS UpdatedBy, updated_at AS UpdatedAt";

    private static readonly Sql OfProject = Sql.Of($"SELECT {Columns} FROM project_groups WHERE project_id = @projectId ORDER BY name, id");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO project_groups (id, project_id, kind, name, mandate, members, stakeholder_groups, updated_by, updated_at)
        VALUES (@id, @projectId, @kind, @name, @mandate, @members, @stakeholderGroups, @updatedBy, @updatedAt)
        """);

    private static readonly Sql Update = Sql.Of(
        """
        UPDATE project_groups SET kind = @kind, name = @name, mandate = @mandate, members = @members, stakeholder_groups = @stakeholderGroups,
               updated_by = @updatedBy, updated_at = @updatedAt
        WHERE project_id = @projectId AND id = @id
        """);

    public static async Task<IReadOnlyList<GroupView>> OfProjectAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<GroupRow>(OfProject, new { projectId })).Select(g => g.ToView()).OrderBy(g => g.Kind).ToList();

    public static Task SaveAsync(DbSession db, Guid projectId, GroupView group, bool isNew) => db.ExecuteAsync(isNew ? Insert : Update, new
    {
        id = group.Id, projectId, kind = group.Kind.Wire(), name = group.Name, mandate = group.Mandate,
        members = JsonSerializer.Serialize(group.MemberUserIds, Json.Options), stakeholderGroups = JsonSerializer.Serialize(group.StakeholderGroupIds, Json.Options),
        updatedBy = group.UpdatedBy, updatedAt = group.UpdatedAt,
    });
}
