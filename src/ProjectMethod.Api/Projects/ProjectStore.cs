using System.Data.Common;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

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
}

public static class ProjectStore
{
    private const string Columns =
        """
        id, name, sector, description, phase, stage, closed_early AS ClosedEarly, proposer_id AS ProposerId,
        handbook_sector AS HandbookSector, handbook_version AS HandbookVersion, mandate_purpose AS MandatePurpose,
        mandate_background AS MandateBackground, version, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public static Task<ProjectRow?> GetAsync(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ProjectRow>(new CommandDefinition(
            $"SELECT {Columns} FROM projects WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ProjectRow>> ListAsync(
        DbConnection connection, Phase? phase, string? sector, Paging paging, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ProjectRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM projects
            WHERE (@phase IS NULL OR phase = @phase) AND (@sector IS NULL OR sector = @sector) AND id > @after
            ORDER BY id
            LIMIT @limit
            """,
            new { phase = phase?.Wire(), sector, after = paging.AfterId, limit = paging.FetchSize }, cancellationToken: cancellationToken))).ToList();

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, ProjectRow project, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO projects (id, name, sector, description, phase, stage, closed_early, proposer_id, handbook_sector, handbook_version,
                                  mandate_purpose, mandate_background, version, created_at, updated_at)
            VALUES (@Id, @Name, @Sector, @Description, @Phase, @Stage, @ClosedEarly, @ProposerId, @HandbookSector, @HandbookVersion,
                    @MandatePurpose, @MandateBackground, @Version, @CreatedAt, @UpdatedAt)
            """,
            new
            {
                project.Id, project.Name, project.Sector, project.Description, Phase = project.Phase.Wire(), project.Stage, project.ClosedEarly,
                project.ProposerId, project.HandbookSector, project.HandbookVersion, project.MandatePurpose, project.MandateBackground,
                project.Version, project.CreatedAt, project.UpdatedAt,
            }, transaction, cancellationToken: cancellationToken));

    /// <summary>Counts one more change of the project; false when someone else changed it first.</summary>
    public static async Task<bool> BumpVersionAsync(
        DbConnection connection, DbTransaction transaction, Guid id, long expected, Instant at, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE projects SET version = version + 1, updated_at = @at WHERE id = @id AND version = @expected",
            new { id, expected, at }, transaction, cancellationToken: cancellationToken)) == 1;

    public static Task UpdateMandateAsync(
        DbConnection connection, DbTransaction transaction, Guid id, string purpose, string background, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE projects SET mandate_purpose = @purpose, mandate_background = @background WHERE id = @id",
            new { id, purpose, background }, transaction, cancellationToken: cancellationToken));

    public static Task UpdatePhaseAsync(
        DbConnection connection, DbTransaction transaction, Guid id, Phase phase, int? stage, bool closedEarly, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE projects SET phase = @phase, stage = @stage, closed_early = @closedEarly WHERE id = @id",
            new { id, phase = phase.Wire(), stage, closedEarly }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<RoleAssignment>> RolesAsync(
        DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RoleAssignment>(new CommandDefinition(
            "SELECT id, role, user_id AS UserId, display_name AS DisplayName FROM role_assignments WHERE project_id = @projectId ORDER BY assigned_at, id",
            new { projectId }, transaction, cancellationToken: cancellationToken))).ToList();
}
