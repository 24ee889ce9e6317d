using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Assurance;

/// <summary>The independent quality assurances of projects.</summary>
public static class AssuranceStore
{
    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required DecisionPoint DecisionPoint { get; init; }

        public required string Assessor { get; init; }

        public required string Organisation { get; init; }

        public required LocalDate ConcludedOn { get; init; }

        public required AssuranceRecommendation Recommendation { get; init; }

        public required string Conclusion { get; init; }

        public required string RecordedBy { get; init; }

        public required Instant RecordedAt { get; init; }

        public IndependentAssuranceView ToView() => new(Id, DecisionPoint, Assessor, Organisation, ConcludedOn, Recommendation, Conclusion, RecordedBy, RecordedAt);
    }

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO independent_assurances (id, project_id, decision_point, assessor, organisation, concluded_on, recommendation, conclusion, recorded_by, recorded_at)
        VALUES (@Id, @projectId, @decisionPoint, @Assessor, @Organisation, @ConcludedOn, @recommendation, @Conclusion, @RecordedBy, @RecordedAt)
        """);

    private static readonly Sql OfProject = Sql.Of(
        """
        SELECT id, decision_point AS DecisionPoint, assessor, organisation, concluded_on AS ConcludedOn, recommendation, conclusion,
               recorded_by AS RecordedBy, recorded_at AS RecordedAt
        FROM independent_assurances WHERE project_id = @projectId ORDER BY concluded_on, id
        """);

    public static Task InsertAsync(DbSession db, Guid projectId, IndependentAssuranceView assurance) =>
        db.ExecuteAsync(Insert, new
        {
            assurance.Id, projectId, decisionPoint = assurance.DecisionPoint.Wire(), assurance.Assessor, assurance.Organisation, assurance.ConcludedOn,
            recommendation = assurance.Recommendation.Wire(), assurance.Conclusion, assurance.RecordedBy, assurance.RecordedAt,
        });

    public static async Task<IReadOnlyList<IndependentAssuranceView>> OfProjectAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<Row>(OfProject, new { projectId })).Select(r => r.ToView()).ToList();
}
