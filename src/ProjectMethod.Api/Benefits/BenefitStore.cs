using System.Data.Common;
using Dapper;
using NodaTime;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Benefits;

/// <summary>A benefit as stored.</summary>
public sealed record BenefitRow
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required BenefitType Type { get; init; }

    public string? OwnerUnit { get; init; }

    public string? OwnerUserId { get; init; }

    public required string Indicator { get; init; }

    public required string Unit { get; init; }

    public decimal? BaselineValue { get; init; }

    public LocalDate? BaselineDate { get; init; }

    public decimal? TargetValue { get; init; }

    public LocalDate? TargetDate { get; init; }

    public required decimal AllowedShortfall { get; init; }

    public required string MeasurementInterval { get; init; }

    public BenefitOutcome? Outcome { get; init; }

    public string? Explanation { get; init; }

    public string? EvaluatedBy { get; init; }

    public Instant? EvaluatedAt { get; init; }

    public bool HasLineOwner => !string.IsNullOrWhiteSpace(OwnerUnit) && !string.IsNullOrWhiteSpace(OwnerUserId);

    /// <summary>The plan, once baseline and target are both set.</summary>
    public BenefitPlan? Plan => BaselineValue is { } bv && BaselineDate is { } bd && TargetValue is { } tv && TargetDate is { } td
        ? new BenefitPlan(new Point(bd, bv), new Point(td, tv), AllowedShortfall, NodaTime.Text.PeriodPattern.NormalizingIso.Parse(MeasurementInterval).Value)
        : null;
}

public sealed record MeasurementView
{
    public required Guid Id { get; init; }

    public required Guid BenefitId { get; init; }

    public required LocalDate Date { get; init; }

    public required decimal Value { get; init; }

    public required string Comment { get; init; }

    public required string RecordedBy { get; init; }

    public required Instant RecordedAt { get; init; }
}

public static class BenefitStore
{
    private const string Columns =
        """
        id, title, type, owner_unit AS OwnerUnit, owner_user_id AS OwnerUserId, indicator, unit, baseline_value AS BaselineValue,
        baseline_date AS BaselineDate, target_value AS TargetValue, target_date AS TargetDate, allowed_shortfall AS AllowedShortfall,
        measurement_interval AS MeasurementInterval, outcome, explanation, evaluated_by AS EvaluatedBy, evaluated_at AS EvaluatedAt
        """;

    public static async Task<IReadOnlyList<BenefitRow>> ForProjectAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<BenefitRow>(new CommandDefinition(
            $"SELECT {Columns} FROM benefits WHERE project_id = @projectId ORDER BY id", new { projectId }, transaction, cancellationToken: cancellationToken))).ToList();

    public static async Task<IReadOnlyList<MeasurementView>> MeasurementsAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<MeasurementView>(new CommandDefinition(
            """
            SELECT m.id, m.benefit_id AS BenefitId, m.measured_on AS Date, m.value, m.comment, m.recorded_by AS RecordedBy, m.recorded_at AS RecordedAt
            FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
            WHERE b.project_id = @projectId ORDER BY m.measured_on, m.id
            """, new { projectId }, transaction, cancellationToken: cancellationToken))).ToList();

    public static Task SaveAsync(DbConnection connection, DbTransaction transaction, Guid projectId, BenefitRow row, string by, Instant at, bool isNew, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            isNew
                ? """
                  INSERT INTO benefits (id, project_id, title, type, owner_unit, owner_user_id, indicator, unit, baseline_value, baseline_date,
                                        target_value, target_date, allowed_shortfall, measurement_interval, created_by, created_at)
                  VALUES (@Id, @projectId, @Title, @type, @OwnerUnit, @OwnerUserId, @Indicator, @Unit, @BaselineValue, @BaselineDate,
                          @TargetValue, @TargetDate, @AllowedShortfall, @MeasurementInterval, @by, @at)
                  """
                : """
                  UPDATE benefits SET title = @Title, type = @type, owner_unit = @OwnerUnit, owner_user_id = @OwnerUserId, indicator = @Indicator,
                                      unit = @Unit, baseline_value = @BaselineValue, baseline_date = @BaselineDate, target_value = @TargetValue,
                                      target_date = @TargetDate, allowed_shortfall = @AllowedShortfall, measurement_interval = @MeasurementInterval
                  WHERE id = @Id AND project_id = @projectId
                  """,
            new
            {
                row.Id, projectId, row.Title, type = row.Type.Wire(), row.OwnerUnit, row.OwnerUserId, row.Indicator, row.Unit, row.BaselineValue,
                row.BaselineDate, row.TargetValue, row.TargetDate, row.AllowedShortfall, row.MeasurementInterval, by, at,
            }, transaction, cancellationToken: cancellationToken));
}

/// <summary>Benefit facts for the gates: the register and the Benefit Owner's latest review.</summary>
public sealed class BenefitFacts : IGateFactsSource
{
    private sealed record ReviewRow
    {
        public required Phase Phase { get; init; }

        public int? Stage { get; init; }

        public bool Realistic { get; init; }
    }

    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        var benefits = await BenefitStore.ForProjectAsync(query.Connection, query.Transaction, query.Project.Id, query.CancellationToken);
        var review = await query.Connection.QueryFirstOrDefaultAsync<ReviewRow>(new CommandDefinition(
            "SELECT phase, stage, realistic FROM benefit_reviews WHERE project_id = @id ORDER BY id DESC LIMIT 1",
            new { id = query.Project.Id }, query.Transaction, cancellationToken: query.CancellationToken));
        return facts with
        {
            Benefits = benefits.Select(b => new BenefitFact(b.Id, b.Title, b.HasLineOwner, b.Plan is not null, b.Outcome)).ToList(),
            LatestBenefitsReview = review is null ? null : new BenefitsReview(review.Phase, review.Stage, review.Realistic),
        };
    }
}
