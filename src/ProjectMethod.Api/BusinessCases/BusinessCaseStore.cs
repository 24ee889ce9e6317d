using NodaTime;
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
    private static readonly Sql Latest = Sql.Of(
        """
        SELECT version, reasons, options, expected_benefits AS ExpectedBenefits, expected_costs AS ExpectedCosts, timescale,
               major_risks AS MajorRisks, written_by AS WrittenBy, written_at AS WrittenAt
        FROM business_case_versions WHERE project_id = @projectId ORDER BY version DESC LIMIT 1
        """);

    private static readonly Sql Versions = Sql.Of(
        """
        SELECT version, reasons, options, expected_benefits AS ExpectedBenefits, expected_costs AS ExpectedCosts, timescale,
               major_risks AS MajorRisks, written_by AS WrittenBy, written_at AS WrittenAt
        FROM business_case_versions WHERE project_id = @projectId ORDER BY version
        """);

    private static readonly Sql Reviews = Sql.Of(
        """
        SELECT id, case_version AS CaseVersion, phase, stage, justified, comment, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt
        FROM business_case_reviews WHERE project_id = @projectId ORDER BY position DESC
        """);

    private static readonly Sql InsertVersion = Sql.Of(
        """
        INSERT INTO business_case_versions (project_id, version, reasons, options, expected_benefits, expected_costs, timescale, major_risks, written_by, written_at)
        VALUES (@projectId, @Version, @Reasons, @Options, @ExpectedBenefits, @ExpectedCosts, @Timescale, @MajorRisks, @WrittenBy, @WrittenAt)
        """);

    // The position numbers a project's reviews in the order they were made.
    private static readonly Sql InsertReview = Sql.Of(
        """
        INSERT INTO business_case_reviews (id, project_id, case_version, phase, stage, justified, comment, reviewed_by, reviewed_at, position)
        SELECT @Id, @projectId, @CaseVersion, @phase, @Stage, @Justified, @Comment, @ReviewedBy, @ReviewedAt, COUNT(*) + 1
        FROM business_case_reviews WHERE project_id = @projectId
        """);

    public static Task<BusinessCaseRow?> LatestAsync(DbSession db, Guid projectId) => db.SingleOrDefaultAsync<BusinessCaseRow>(Latest, new { projectId });

    /// <summary>Every version of the project's business case, oldest first.</summary>
    public static Task<IReadOnlyList<BusinessCaseRow>> VersionsAsync(DbSession db, Guid projectId) => db.ListAsync<BusinessCaseRow>(Versions, new { projectId });

    /// <summary>Every review of the project's business case, newest first.</summary>
    public static Task<IReadOnlyList<ReviewRow>> ReviewsAsync(DbSession db, Guid projectId) => db.ListAsync<ReviewRow>(Reviews, new { projectId });

    public static Task InsertVersionAsync(DbSession db, Guid projectId, BusinessCaseRow row) =>
        db.ExecuteAsync(InsertVersion, new
        {
            projectId, row.Version, row.Reasons, row.Options, row.ExpectedBenefits, row.ExpectedCosts, row.Timescale, row.MajorRisks, row.WrittenBy, row.WrittenAt,
        });

    public static Task InsertReviewAsync(DbSession db, Guid projectId, ReviewRow row) =>
        db.ExecuteAsync(InsertReview, new
        {
            row.Id, projectId, row.CaseVersion, phase = row.Phase.Wire(), row.Stage, row.Justified, row.Comment, row.ReviewedBy, row.ReviewedAt,
        });
}
