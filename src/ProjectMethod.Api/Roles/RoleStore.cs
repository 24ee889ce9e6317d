using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Roles;

/// <summary>One role assignment as the API shows it.</summary>
public sealed record RoleView(Guid Id, ProjectRole Role, string UserId, string DisplayName, string AssignedBy, Instant AssignedAt);

/// <summary>The project organisation: who holds which role on which project.</summary>
public static class RoleStore
{
    private static readonly Sql Assignments = Sql.Of(
        "SELECT id, role, user_id AS UserId, display_name AS DisplayName FROM role_assignments WHERE project_id = @projectId ORDER BY assigned_at, id");

    private static readonly Sql Views = Sql.Of(
        """
        SELECT id, role, user_id AS UserId, display_name AS DisplayName, assigned_by AS AssignedBy, assigned_at AS AssignedAt
        FROM role_assignments WHERE project_id = @projectId ORDER BY assigned_at, id
        """);

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO role_assignments (id, project_id, role, user_id, display_name, assigned_by, assigned_at)
        VALUES (@Id, @projectId, @role, @UserId, @DisplayName, @AssignedBy, @AssignedAt)
        """);

    private static readonly Sql Delete = Sql.Of("DELETE FROM role_assignments WHERE id = @id AND project_id = @projectId");

    public static Task<IReadOnlyList<RoleAssignment>> ForProjectAsync(DbSession db, Guid projectId) =>
        db.ListAsync<RoleAssignment>(Assignments, new { projectId });

    public static Task<IReadOnlyList<RoleView>> ViewsAsync(DbSession db, Guid projectId) => db.ListAsync<RoleView>(Views, new { projectId });

    public static Task InsertAsync(DbSession db, Guid projectId, RoleView assignment) =>
        db.ExecuteAsync(Insert, new
        {
            assignment.Id, projectId, role = assignment.Role.Wire(), assignment.UserId, assignment.DisplayName, assignment.AssignedBy, assignment.AssignedAt,
        });

    public static Task RemoveAsync(DbSession db, Guid projectId, Guid id) => db.ExecuteAsync(Delete, new { id, projectId });
}
