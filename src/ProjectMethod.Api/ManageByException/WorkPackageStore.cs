using NodaTime;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.ManageByException;

/// <summary>A work package as stored.</summary>
public sealed record WorkPackageRow
{
    public required Guid Id { get; init; }

    public required int Stage { get; init; }

    public required string Title { get; init; }

    public required string TeamManagerUserId { get; init; }
}

/// <summary>Work packages and the issues their forecasts raise for the Project Manager.</summary>
public static class WorkPackageStore
{
    private static readonly Sql OfProject = Sql.Of(
        "SELECT id, stage, title, team_manager_user_id AS TeamManagerUserId FROM work_packages WHERE project_id = @projectId ORDER BY id");

    private static readonly Sql One = Sql.Of(
        "SELECT id, stage, title, team_manager_user_id AS TeamManagerUserId FROM work_packages WHERE project_id = @projectId AND id = @workPackageId");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO work_packages (id, project_id, stage, title, team_manager_user_id, created_by, created_at)
        VALUES (@Id, @projectId, @Stage, @Title, @TeamManagerUserId, @by, @at)
        """);

    private static readonly Sql Issues = Sql.Of(
        """
        SELECT id, work_package_id AS WorkPackageId, stage, dimension, status, forecast_id AS ForecastId, description, raised_at AS RaisedAt,
               resolution, resolved_by AS ResolvedBy, resolved_at AS ResolvedAt
        FROM issues WHERE project_id = @projectId ORDER BY id
        """);

    private static readonly Sql InsertIssue = Sql.Of(
        """
        INSERT INTO issues (id, project_id, work_package_id, stage, dimension, status, forecast_id, description, raised_at)
        VALUES (@Id, @projectId, @WorkPackageId, @Stage, @dimension, @status, @ForecastId, @Description, @RaisedAt)
        """);

    private static readonly Sql Resolve = Sql.Of(
        "UPDATE issues SET status = @status, resolution = @Resolution, resolved_by = @ResolvedBy, resolved_at = @ResolvedAt WHERE id = @Id");

    public static Task<IReadOnlyList<WorkPackageRow>> ForProjectAsync(DbSession db, Guid projectId) => db.ListAsync<WorkPackageRow>(OfProject, new { projectId });

    public static Task<WorkPackageRow?> GetAsync(DbSession db, Guid projectId, Guid workPackageId) =>
        db.SingleOrDefaultAsync<WorkPackageRow>(One, new { projectId, workPackageId });

    public static Task InsertAsync(DbSession db, Guid projectId, WorkPackageRow package, string by, Instant at) =>
        db.ExecuteAsync(Insert, new { package.Id, projectId, package.Stage, package.Title, package.TeamManagerUserId, by, at });

    public static Task<IReadOnlyList<IssueView>> IssuesAsync(DbSession db, Guid projectId) => db.ListAsync<IssueView>(Issues, new { projectId });

    public static Task InsertIssueAsync(DbSession db, Guid projectId, IssueView issue) =>
        db.ExecuteAsync(InsertIssue, new
        {
            issue.Id, projectId, issue.WorkPackageId, issue.Stage, dimension = issue.Dimension.Wire(), status = issue.Status.Wire(), issue.ForecastId,
            issue.Description, issue.RaisedAt,
        });

    public static Task ResolveAsync(DbSession db, IssueView issue) =>
        db.ExecuteAsync(Resolve, new { status = issue.Status.Wire(), issue.Resolution, issue.ResolvedBy, issue.ResolvedAt, issue.Id });
}
