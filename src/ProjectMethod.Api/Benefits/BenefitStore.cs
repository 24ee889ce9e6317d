using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
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

    /// <summary>Who the benefit is for, as a JSON list of beneficiaries.</summary>
    public string Beneficiaries { get; init; } = "[]";

    /// <summary>The group it is for, in the project's words (hjemmeboende over 80, nye bedrifter …).</summary>
    public string? TargetGroup { get; init; }

    public IReadOnlyList<Beneficiary> BeneficiaryList => System.Text.Json.JsonSerializer.Deserialize<List<Beneficiary>>(Beneficiaries, Infrastructure.Json.Options)!;

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

    [Person]
    public required string RecordedBy { get; init; }

    public required Instant RecordedAt { get; init; }
}

public static class BenefitStore
{
    private const string Columns =
        """
        id, title, type, owner_unit AS OwnerUnit, owner_user_id AS OwnerUserId, indicator, unit, baseline_value AS BaselineValue,
        baseline_date AS BaselineDate, target_value AS TargetValue, target_date AS TargetDate, allowed_shortfall AS AllowedShortfall,
        measurement_interval AS MeasurementInterval, outcome, explanation, evaluated_by AS EvaluatedBy, evaluated_at AS EvaluatedAt,
        beneficiaries, target_group AS TargetGroup
        """;

    private static readonly Sql OfProject = Sql.Of($"SELECT {Columns} FROM benefits WHERE project_id = @projectId ORDER BY id");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM benefits WHERE project_id = @projectId AND id = @benefitId");

    private static readonly Sql Measurements = Sql.Of(
        """
        SELECT m.id, m.benefit_id AS BenefitId, m.measured_on AS Date, m.value, m.comment, m.recorded_by AS RecordedBy, m.recorded_at AS RecordedAt
        FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
        WHERE b.project_id = @projectId ORDER BY m.measured_on, m.id
        """);

    private static readonly Sql AcrossPortfolio = Sql.Of(
        $"""
        SELECT {Columns} FROM benefits
        WHERE id > @after AND (@sector IS NULL OR project_id IN (SELECT id FROM projects WHERE sector = @sector))
          AND (created_at >= @since OR evaluated_at >= @since
               OR EXISTS (SELECT 1 FROM benefit_measurements m WHERE m.benefit_id = benefits.id AND m.recorded_at >= @since))
        ORDER BY id LIMIT @limit
        """);

    private static readonly Sql ProjectsOfRange = Sql.Of("SELECT id AS BenefitId, project_id AS ProjectId FROM benefits WHERE id >= @first AND id <= @last");

    private sealed record BenefitOfProject
    {
        public required Guid BenefitId { get; init; }

        public required Guid ProjectId { get; init; }
    }

    private static readonly Sql MeasurementsOfRange = Sql.Of(
        """
        SELECT id, benefit_id AS BenefitId, measured_on AS Date, value, comment, recorded_by AS RecordedBy, recorded_at AS RecordedAt
        FROM benefit_measurements WHERE benefit_id >= @first AND benefit_id <= @last ORDER BY measured_on, id
        """);

    private static readonly Sql InRange = Sql.Of($"SELECT {Columns} FROM benefits WHERE project_id >= @first AND project_id <= @last");

    private static readonly Sql MeasurementsInRange = Sql.Of(
        """
        SELECT m.id, m.benefit_id AS BenefitId, m.measured_on AS Date, m.value, m.comment, m.recorded_by AS RecordedBy, m.recorded_at AS RecordedAt
        FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
        WHERE b.project_id >= @first AND b.project_id <= @last ORDER BY m.measured_on, m.id
        """);

    private static readonly Sql StillMeasured = Sql.Of(
        $"""
        SELECT {Columns} FROM benefits
        WHERE outcome IS NULL AND project_id IN (SELECT id FROM projects WHERE phase IN @due AND (@sector IS NULL OR sector = @sector))
        """);

    private static readonly Sql MeasurementsStillMeasured = Sql.Of(
        """
        SELECT m.id, m.benefit_id AS BenefitId, m.measured_on AS Date, m.value, m.comment, m.recorded_by AS RecordedBy, m.recorded_at AS RecordedAt
        FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
        WHERE b.outcome IS NULL AND b.project_id IN (SELECT id FROM projects WHERE phase IN @due AND (@sector IS NULL OR sector = @sector))
        ORDER BY m.measured_on, m.id
        """);

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO benefits (id, project_id, title, type, owner_unit, owner_user_id, indicator, unit, baseline_value, baseline_date,
                              target_value, target_date, allowed_shortfall, measurement_interval, beneficiaries, target_group, created_by, created_at)
        VALUES (@Id, @projectId, @Title, @type, @OwnerUnit, @OwnerUserId, @Indicator, @Unit, @BaselineValue, @BaselineDate,
                @TargetValue, @TargetDate, @AllowedShortfall, @MeasurementInterval, @Beneficiaries, @TargetGroup, @by, @at)
        """);

    private static readonly Sql Update = Sql.Of(
        """
        UPDATE benefits SET title = @Title, type = @type, owner_unit = @OwnerUnit, owner_user_id = @OwnerUserId, indicator = @Indicator,
                            unit = @Unit, baseline_value = @BaselineValue, baseline_date = @BaselineDate, target_value = @TargetValue,
                            target_date = @TargetDate, allowed_shortfall = @AllowedShortfall, measurement_interval = @MeasurementInterval,
                            beneficiaries = @Beneficiaries, target_group = @TargetGroup
        WHERE id = @Id AND project_id = @projectId
        """);

    private static readonly Sql InsertMeasurement = Sql.Of(
        """
        INSERT INTO benefit_measurements (id, benefit_id, measured_on, value, comment, recorded_by, recorded_at)
        VALUES (@Id, @BenefitId, @Date, @Value, @Comment, @RecordedBy, @RecordedAt)
        """);

    private static readonly Sql Evaluate = Sql.Of(
        "UPDATE benefits SET outcome = @outcome, explanation = @Explanation, evaluated_by = @EvaluatedBy, evaluated_at = @EvaluatedAt WHERE id = @Id");

    private static readonly Sql Retarget = Sql.Of(
        "UPDATE benefits SET target_value = @target, allowed_shortfall = @allowedShortfall WHERE id = @benefitId");

    private static readonly Sql InsertReview = Sql.Of(
        """
        INSERT INTO benefit_reviews (id, project_id, phase, stage, realistic, comment, reviewed_by, reviewed_at)
        VALUES (@Id, @projectId, @phase, @Stage, @Realistic, @Comment, @ReviewedBy, @ReviewedAt)
        """);

    private static readonly Sql LatestReview = Sql.Of(
        "SELECT phase, stage, realistic FROM benefit_reviews WHERE project_id = @projectId ORDER BY id DESC LIMIT 1");

    private static readonly Sql InsertVersion = Sql.Of(
        """
        INSERT INTO benefit_versions (benefit_id, version, baseline_value, baseline_date, target_value, target_date, allowed_shortfall, change_id, set_by, set_at)
        SELECT @Id, COALESCE(MAX(version), 0) + 1, @BaselineValue, @BaselineDate, @TargetValue, @TargetDate, @AllowedShortfall, @changeId, @by, @at
        FROM benefit_versions WHERE benefit_id = @Id
        """);

    private static readonly Sql Versions = Sql.Of(
        """
        SELECT version, baseline_value AS BaselineValue, baseline_date AS BaselineDate, target_value AS TargetValue, target_date AS TargetDate,
               allowed_shortfall AS AllowedShortfall, change_id AS ChangeId, set_by AS SetBy, set_at AS SetAt
        FROM benefit_versions WHERE benefit_id = @benefitId ORDER BY version
        """);

    private static readonly Sql SetBaseline = Sql.Of(
        """
        UPDATE benefits SET baseline_value = @BaselineValue, baseline_date = @BaselineDate, target_value = @TargetValue, target_date = @TargetDate,
                            allowed_shortfall = @AllowedShortfall
        WHERE id = @Id
        """);

    private static readonly Sql InsertChange = Sql.Of(
        """
        INSERT INTO benefit_changes (id, project_id, benefit_id, proposed, rationale, state, proposed_by, proposed_at)
        VALUES (@Id, @projectId, @BenefitId, @proposed, @Rationale, @state, @ProposedBy, @ProposedAt)
        """);

    private static readonly Sql Changes = Sql.Of(
        """
        SELECT id, benefit_id AS BenefitId, proposed, rationale, state, proposed_by AS ProposedBy, proposed_at AS ProposedAt,
               decision_rationale AS DecisionRationale, decided_by AS DecidedBy, decided_at AS DecidedAt
        FROM benefit_changes WHERE benefit_id = @benefitId ORDER BY id
        """);

    private static readonly Sql DecideChange = Sql.Of(
        "UPDATE benefit_changes SET state = @state, decision_rationale = @DecisionRationale, decided_by = @DecidedBy, decided_at = @DecidedAt WHERE id = @Id");

    /// <summary>Records the benefit's baseline, target and shortfall as its next version (by a decided change, when one is named).</summary>
    public static Task InsertVersionAsync(DbSession db, BenefitRow row, Guid? changeId, string by, Instant at) =>
        db.ExecuteAsync(InsertVersion, new { row.Id, row.BaselineValue, row.BaselineDate, row.TargetValue, row.TargetDate, row.AllowedShortfall, changeId, by, at });

    public static async Task<IReadOnlyList<BenefitVersionView>> VersionsAsync(DbSession db, Guid benefitId) =>
        (await db.ListAsync<VersionRow>(Versions, new { benefitId })).Select(v => new BenefitVersionView(
            v.Version, Point(v.BaselineValue, v.BaselineDate), Point(v.TargetValue, v.TargetDate), v.AllowedShortfall, v.ChangeId, v.SetBy, v.SetAt)).ToList();

    public static Task UpdateBaselineAsync(DbSession db, BenefitRow row) =>
        db.ExecuteAsync(SetBaseline, new { row.Id, row.BaselineValue, row.BaselineDate, row.TargetValue, row.TargetDate, row.AllowedShortfall });

    public static Task InsertChangeAsync(DbSession db, Guid projectId, BenefitChangeView change) =>
        db.ExecuteAsync(InsertChange, new
        {
            change.Id, projectId, change.BenefitId, proposed = System.Text.Json.JsonSerializer.Serialize(change.Proposed, Json.Options), change.Rationale,
            state = change.State.Wire(), change.ProposedBy, change.ProposedAt,
        });

    public static async Task<IReadOnlyList<BenefitChangeView>> ChangesAsync(DbSession db, Guid benefitId) =>
        (await db.ListAsync<ChangeRow>(Changes, new { benefitId })).Select(c => new BenefitChangeView
        {
            Id = c.Id, BenefitId = c.BenefitId, Proposed = System.Text.Json.JsonSerializer.Deserialize<BenefitBaselineView>(c.Proposed, Json.Options)!,
            Rationale = c.Rationale, State = c.State, ProposedBy = c.ProposedBy, ProposedAt = c.ProposedAt, DecisionRationale = c.DecisionRationale,
            DecidedBy = c.DecidedBy, DecidedAt = c.DecidedAt,
        }).ToList();

    public static Task DecideChangeAsync(DbSession db, BenefitChangeView change) =>
        db.ExecuteAsync(DecideChange, new { change.Id, state = change.State.Wire(), change.DecisionRationale, change.DecidedBy, change.DecidedAt });

    private static PointView? Point(decimal? value, LocalDate? date) => value is { } v && date is { } d ? new PointView(v, d) : null;

    private sealed record VersionRow
    {
        public required int Version { get; init; }

        public decimal? BaselineValue { get; init; }

        public LocalDate? BaselineDate { get; init; }

        public decimal? TargetValue { get; init; }

        public LocalDate? TargetDate { get; init; }

        public required decimal AllowedShortfall { get; init; }

        public Guid? ChangeId { get; init; }

        public required string SetBy { get; init; }

        public required Instant SetAt { get; init; }
    }

    private sealed record ChangeRow
    {
        public required Guid Id { get; init; }

        public required Guid BenefitId { get; init; }

        public required string Proposed { get; init; }

        public required string Rationale { get; init; }

        public required BenefitChangeState State { get; init; }

        public required string ProposedBy { get; init; }

        public required Instant ProposedAt { get; init; }

        public string? DecisionRationale { get; init; }

        public string? DecidedBy { get; init; }

        public Instant? DecidedAt { get; init; }
    }

    public static Task<IReadOnlyList<BenefitRow>> ForProjectAsync(DbSession db, Guid projectId) => db.ListAsync<BenefitRow>(OfProject, new { projectId });

    public static Task<BenefitRow?> GetAsync(DbSession db, Guid projectId, Guid benefitId) =>
        db.SingleOrDefaultAsync<BenefitRow>(One, new { projectId, benefitId });

    public static Task<IReadOnlyList<MeasurementView>> MeasurementsAsync(DbSession db, Guid projectId) => db.ListAsync<MeasurementView>(Measurements, new { projectId });

    /// <summary>The benefits of the projects whose ids lie between two, with their measurements: one page of the portfolio.</summary>
    public static async Task<(IReadOnlyList<BenefitRow> Rows, IReadOnlyList<MeasurementView> Measurements)> InRangeAsync(DbSession db, Guid first, Guid last) =>
        (await db.ListAsync<BenefitRow>(InRange, new { first, last }), await db.ListAsync<MeasurementView>(MeasurementsInRange, new { first, last }));

    /// <summary>
    /// A page of every project's benefits, oldest first, with their measurements: those registered, measured or evaluated
    /// at or after since, of one sector when given.
    /// </summary>
    public static async Task<(IReadOnlyList<(Guid ProjectId, BenefitRow Row)> Rows, IReadOnlyList<MeasurementView> Measurements)> AcrossPortfolioAsync(
        DbSession db, string? sector, Instant since, Paging paging)
    {
        var rows = await db.ListAsync<BenefitRow>(AcrossPortfolio, new { sector, since, after = paging.AfterId, limit = paging.FetchSize });
        if (rows.Count == 0)
        {
            return ([], []);
        }

        var range = new { first = rows[0].Id, last = rows[^1].Id };
        var projects = (await db.ListAsync<BenefitOfProject>(ProjectsOfRange, range)).ToDictionary(b => b.BenefitId, b => b.ProjectId);
        var measurements = await db.ListAsync<MeasurementView>(MeasurementsOfRange, range);
        return (rows.Select(r => (projects[r.Id], r)).ToList(), measurements);
    }

    /// <summary>Every benefit not yet evaluated of the projects in the phases given, with their measurements.</summary>
    public static async Task<(IReadOnlyList<BenefitRow> Rows, IReadOnlyList<MeasurementView> Measurements)> MeasuredAsync(DbSession db, string[] due, string? sector) =>
        (await db.ListAsync<BenefitRow>(StillMeasured, new { due, sector }), await db.ListAsync<MeasurementView>(MeasurementsStillMeasured, new { due, sector }));

    public static Task SaveAsync(DbSession db, Guid projectId, BenefitRow row, string by, Instant at, bool isNew) =>
        db.ExecuteAsync(isNew ? Insert : Update, new
        {
            row.Id, projectId, row.Title, type = row.Type.Wire(), row.OwnerUnit, row.OwnerUserId, row.Indicator, row.Unit, row.BaselineValue,
            row.BaselineDate, row.TargetValue, row.TargetDate, row.AllowedShortfall, row.MeasurementInterval, row.Beneficiaries, row.TargetGroup, by, at,
        });

    public static Task InsertMeasurementAsync(DbSession db, MeasurementView measurement) => db.ExecuteAsync(InsertMeasurement, measurement);

    public static Task EvaluateAsync(DbSession db, BenefitRow evaluated) =>
        db.ExecuteAsync(Evaluate, new { outcome = evaluated.Outcome!.Value.Wire(), evaluated.Explanation, evaluated.EvaluatedBy, evaluated.EvaluatedAt, evaluated.Id });

    public static Task RetargetAsync(DbSession db, Guid benefitId, decimal target, decimal allowedShortfall) =>
        db.ExecuteAsync(Retarget, new { benefitId, target, allowedShortfall });

    public static Task InsertReviewAsync(DbSession db, Guid projectId, BenefitsReviewView review) =>
        db.ExecuteAsync(InsertReview, new
        {
            review.Id, projectId, phase = review.Phase.Wire(), review.Stage, review.Realistic, review.Comment, review.ReviewedBy, review.ReviewedAt,
        });

    /// <summary>The Benefit Owner's newest review of whether the benefits are still realistic.</summary>
    public static async Task<BenefitsReview?> LatestReviewAsync(DbSession db, Guid projectId) =>
        await db.FirstOrDefaultAsync<ReviewRow>(LatestReview, new { projectId }) is { } row ? new BenefitsReview(row.Phase, row.Stage, row.Realistic) : null;

    private sealed record ReviewRow
    {
        public required Phase Phase { get; init; }

        public int? Stage { get; init; }

        public bool Realistic { get; init; }
    }
}
