using System.Data.Common;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.BusinessCases;

public sealed record BusinessCaseRow
{
    public required int Version { get; init; }

    public required string Reasons { get; init; }

    public required string Options { get; init; }

    public required string ExpectedBenefits { get; init; }

    public required string ExpectedCosts { get; init; }

    public required string Timescale { get; init; }

    public required string MajorRisks { get; init; }

    public required string WrittenBy { get; init; }

    public required Instant WrittenAt { get; init; }
}

public sealed record ReviewRow
{
    public required Guid Id { get; init; }

    public required int CaseVersion { get; init; }

    public required Phase Phase { get; init; }

    public int? Stage { get; init; }

    public bool Justified { get; init; }

    public required string Comment { get; init; }

    public required string ReviewedBy { get; init; }

    public required Instant ReviewedAt { get; init; }

    public BusinessCaseReview ToDomain() => new(CaseVersion, Phase, Stage, Justified);
}

public static class BusinessCaseStore
{
    public static Task<BusinessCaseRow?> LatestAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<BusinessCaseRow>(new CommandDefinition(
            """
            SELECT version, reasons, options, expected_benefits AS ExpectedBenefits, expected_costs AS ExpectedCosts, timescale,
                   major_risks AS MajorRisks, written_by AS WrittenBy, written_at AS WrittenAt
            FROM business_case_versions WHERE project_id = @projectId ORDER BY version DESC LIMIT 1
            """, new { projectId }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ReviewRow>> ReviewsAsync(
        DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ReviewRow>(new CommandDefinition(
            """
            SELECT id, case_version AS CaseVersion, phase, stage, justified, comment, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt
            FROM business_case_reviews WHERE project_id = @projectId ORDER BY position DESC
            """, new { projectId }, transaction, cancellationToken: cancellationToken))).ToList();

    public static Task InsertVersionAsync(DbConnection connection, DbTransaction transaction, Guid projectId, BusinessCaseRow row, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO business_case_versions (project_id, version, reasons, options, expected_benefits, expected_costs, timescale, major_risks, written_by, written_at)
            VALUES (@projectId, @Version, @Reasons, @Options, @ExpectedBenefits, @ExpectedCosts, @Timescale, @MajorRisks, @WrittenBy, @WrittenAt)
            """,
            new { projectId, row.Version, row.Reasons, row.Options, row.ExpectedBenefits, row.ExpectedCosts, row.Timescale, row.MajorRisks, row.WrittenBy, row.WrittenAt },
            transaction, cancellationToken: cancellationToken));

    public static Task InsertReviewAsync(DbConnection connection, DbTransaction transaction, Guid projectId, ReviewRow row, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO business_case_reviews (id, project_id, case_version, phase, stage, justified, comment, reviewed_by, reviewed_at, position)
            VALUES (@Id, @projectId, @CaseVersion, @phase, @Stage, @Justified, @Comment, @ReviewedBy, @ReviewedAt,
                    (SELECT COUNT(*) + 1 FROM business_case_reviews WHERE project_id = @projectId))
            """,
            new { row.Id, projectId, row.CaseVersion, phase = row.Phase.Wire(), row.Stage, row.Justified, row.Comment, row.ReviewedBy, row.ReviewedAt },
            transaction, cancellationToken: cancellationToken));
}

/// <summary>P1 facts: the newest business case version and the newest review of it.</summary>
public sealed class BusinessCaseFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        var latest = await BusinessCaseStore.LatestAsync(query.Connection, query.Transaction, query.Project.Id, query.CancellationToken);
        var reviews = await BusinessCaseStore.ReviewsAsync(query.Connection, query.Transaction, query.Project.Id, query.CancellationToken);
        var review = reviews.Count > 0 ? reviews[0] : null;
        return facts with
        {
            BusinessCaseVersion = latest?.Version,
            LatestBusinessCaseReview = review?.ToDomain(),
        };
    }
}
