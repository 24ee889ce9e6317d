using NodaTime;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Benefits;

public sealed record PointRequest(decimal? Value, LocalDate? Date);

/// <summary>
/// A benefit (gevinst): owner, indicator, baseline, target, allowed shortfall and measurement interval, and who it is for
/// (its beneficiaries and target group). Drafts may leave owner, baseline and target for later.
/// </summary>
public sealed record BenefitRequest(
    string? Title, BenefitType? Type, string? Indicator, string? Unit, Period? MeasurementInterval, string? OwnerUnit = null, string? OwnerUserId = null,
    PointRequest? Baseline = null, PointRequest? Target = null, decimal? AllowedShortfall = null, IReadOnlyList<Beneficiary>? Beneficiaries = null,
    string? TargetGroup = null);

public sealed record MeasurementRequest(LocalDate? Date, decimal? Value, string? Comment = null);

public sealed record EvaluationRequest(BenefitOutcome? Outcome, string? Explanation);

public sealed record BenefitsReviewRequest(bool? Realistic, string? Comment = null);

public sealed record BenefitsReviewView(Guid Id, Phase Phase, int? Stage, bool Realistic, string Comment, [property: Person] string ReviewedBy, Instant ReviewedAt);

public sealed record PointView(decimal Value, LocalDate Date);

/// <summary>The final evaluation of a benefit.</summary>
public sealed record BenefitEvaluationView(BenefitOutcome Outcome, string Explanation, [property: Person] string EvaluatedBy, Instant EvaluatedAt);

/// <summary>A benefit with its measurements and the figures derived from them (never stored).</summary>
public sealed record BenefitView(
    Guid Id, string Title, BenefitType Type, string? OwnerUnit, [property: Person("owner")] string? OwnerUserId, string Indicator, string Unit, PointView? Baseline, PointView? Target,
    decimal AllowedShortfall, Period MeasurementInterval, IReadOnlyList<MeasurementView> Measurements, BenefitFigures? Figures, BenefitEvaluationView? Evaluation)
{
    /// <summary>Who the benefit is for: citizens, businesses, service users, employees, the municipality.</summary>
    public IReadOnlyList<Beneficiary> Beneficiaries { get; init; } = [];

    /// <summary>The group it is for, in the project's words.</summary>
    public string? TargetGroup { get; init; }

    public static BenefitView From(BenefitRow row, IEnumerable<MeasurementView> measurements, LocalDate today, Phase phase)
    {
        var own = measurements.Where(m => m.BenefitId == row.Id).ToList();
        var plan = row.Plan;
        return new BenefitView(
            row.Id, row.Title, row.Type, row.OwnerUnit, row.OwnerUserId, row.Indicator, row.Unit,
            row.BaselineValue is { } bv && row.BaselineDate is { } bd ? new PointView(bv, bd) : null,
            row.TargetValue is { } tv && row.TargetDate is { } td ? new PointView(tv, td) : null,
            row.AllowedShortfall, NodaTime.Text.PeriodPattern.NormalizingIso.Parse(row.MeasurementInterval).Value, own,
            plan is null ? null : BenefitMath.Figures(plan, own.Select(m => new Point(m.Date, m.Value)).ToList(), today, BenefitRules.MeasuredIn(phase)),
            row.Outcome is { } outcome ? new BenefitEvaluationView(outcome, row.Explanation ?? "", row.EvaluatedBy ?? "", row.EvaluatedAt ?? default) : null)
        {
            Beneficiaries = row.BeneficiaryList, TargetGroup = row.TargetGroup,
        };
    }
}

/// <summary>A registered measurement, the benefit as it now stands, and any exception it raised in realisation.</summary>
public sealed record MeasurementResult(MeasurementView Measurement, BenefitView Benefit, IReadOnlyList<ExceptionView> RaisedExceptions);

public static class BenefitBaselines
{
    /// <summary>Whether two states of a benefit differ in what is baselined: baseline, target or allowed shortfall.</summary>
    public static bool Differ(BenefitRow a, BenefitRow b) =>
        a.BaselineValue != b.BaselineValue || a.BaselineDate != b.BaselineDate || a.TargetValue != b.TargetValue || a.TargetDate != b.TargetDate
        || a.AllowedShortfall != b.AllowedShortfall;

    public static BenefitBaselineView View(BenefitRow row) => new(
        row.BaselineValue is { } bv && row.BaselineDate is { } bd ? new PointView(bv, bd) : null,
        row.TargetValue is { } tv && row.TargetDate is { } td ? new PointView(tv, td) : null,
        row.AllowedShortfall);

    /// <summary>The benefit with a proposed baseline, target and shortfall put in; fields left out stay as they are.</summary>
    public static BenefitRow With(BenefitRow row, BenefitBaselineView proposed) => row with
    {
        BaselineValue = proposed.Baseline?.Value ?? row.BaselineValue,
        BaselineDate = proposed.Baseline?.Date ?? row.BaselineDate,
        TargetValue = proposed.Target?.Value ?? row.TargetValue,
        TargetDate = proposed.Target?.Date ?? row.TargetDate,
        AllowedShortfall = proposed.AllowedShortfall,
    };
}

/// <summary>A benefit's baseline, target and allowed shortfall: what is baselined at BP3. A field left out stays as it is.</summary>
public sealed record BenefitBaselineRequest(PointRequest? Baseline = null, PointRequest? Target = null, decimal? AllowedShortfall = null);

/// <summary>A proposed change of a baselined benefit, with why.</summary>
public sealed record ProposeBenefitChange(BenefitBaselineRequest? Proposed, string? Rationale);

/// <summary>The decider's answer to a proposed change.</summary>
public sealed record DecideBenefitChange(ChangeDecision? Decision, string? Rationale);

/// <summary>A benefit's baseline, target and allowed shortfall as one version of it.</summary>
public sealed record BenefitBaselineView(PointView? Baseline, PointView? Target, decimal AllowedShortfall);

/// <summary>A proposed change of a baselined benefit and, once decided, the decision.</summary>
public sealed record BenefitChangeView
{
    public required Guid Id { get; init; }

    public required Guid BenefitId { get; init; }

    public required BenefitBaselineView Proposed { get; init; }

    public required string Rationale { get; init; }

    public required BenefitChangeState State { get; init; }

    [Person]
    public required string ProposedBy { get; init; }

    public required Instant ProposedAt { get; init; }

    public string? DecisionRationale { get; init; }

    [Person]
    public string? DecidedBy { get; init; }

    public Instant? DecidedAt { get; init; }
}

/// <summary>One version of a benefit's baseline, target and shortfall; a version made by a decided change names it.</summary>
public sealed record BenefitVersionView(int Version, PointView? Baseline, PointView? Target, decimal AllowedShortfall, Guid? ChangeId, [property: Person] string SetBy, Instant SetAt);
