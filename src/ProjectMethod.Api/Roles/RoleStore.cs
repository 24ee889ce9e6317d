using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Roles;

/// <summary>One role assignment as the API shows it.</summary>
public sealed record RoleView(Guid Id, ProjectRole Role, string UserId, string DisplayName, [property: Person] string AssignedBy, Instant AssignedAt);

/// <summary>The project organisation: who holds which role on which project.</summary>
public static class RoleStore
{
    // The name shown is the register of people's as it is now; the one kept with the assignment where the register has none.
    private static readonly Sql Views = Sql.Of(
        """
        SELECT r.id AS Id, r.role AS Role, r.user_id AS UserId, r.display_name AS DisplayName, p.name AS PersonName,
               r.assigned_by AS AssignedBy, r.assigned_at AS AssignedAt
        FROM role_assignments r LEFT JOIN people p ON p.id = r.user_id
        WHERE r.project_id = @projectId ORDER BY r.assigned_at, r.id
        """);

    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required ProjectRole Role { get; init; }

        public required string UserId { get; init; }

        public required string DisplayName { get; init; }

        public string? PersonName { get; init; }

        public required string AssignedBy { get; init; }

        public required Instant AssignedAt { get; init; }

        public RoleView ToView() => new(Id, Role, UserId, PersonName ?? DisplayName, AssignedBy, AssignedAt);
    }

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO role_assignments (id, project_id, role, user_id, display_name, assigned_by, assigned_at)
        VALUES (@Id, @projectId, @role, @UserId, @DisplayName, @AssignedBy, @AssignedAt)
        """);

    private static readonly Sql Delete = Sql.Of("DELETE FROM role_assignments WHERE id = @id AND project_id = @projectId");

    public static async Task<IReadOnlyList<RoleAssignment>> ForProjectAsync(DbSession db, Guid projectId) =>
        (await ViewsAsync(db, projectId)).Select(r => new RoleAssignment(r.Id, r.Role, r.UserId, r.DisplayName)).ToList();

    public static async Task<IReadOnlyList<RoleView>> ViewsAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<Row>(Views, new { projectId })).Select(r => r.ToView()).ToList();

    public static Task InsertAsync(DbSession db, Guid projectId, RoleView assignment) =>
        db.ExecuteAsync(Insert, new
        {
            assignment.Id, projectId, role = assignment.Role.Wire(), assignment.UserId, assignment.DisplayName, assignment.AssignedBy, assignment.AssignedAt,
        });

    public static Task RemoveAsync(DbSession db, Guid projectId, Guid id) => db.ExecuteAsync(Delete, new { id, projectId });
}
