using NodaTime;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Benefits;

/// <summary>What makes a benefit plan and a measurement possible; each broken rule names its field.</summary>
public static class BenefitRules
{
    /// <summary>
    /// Benefits are baselined when BP3 is approved: from execution on, baseline, target and allowed shortfall change only
    /// through a decided change, never by editing the benefit.
    /// </summary>
    public static bool IsBaselined(Phase phase) => phase is Phase.Execution or Phase.Closure or Phase.Realisation or Phase.Completed;

    /// <summary>
    /// Who decides a change of a baselined benefit: the Executive in execution, the portfolio board in closure and
    /// realisation (the line owns realisation); never the person who proposed it.
    /// </summary>
    public static DomainError? CheckChangeDecider(Access.ProjectStanding standing, Phase phase, string proposedBy)
    {
        var (allowed, who) = phase == Phase.Execution
            ? (standing.Holds(Roles.ProjectRole.Executive), "the Executive")
            : (standing.Actor.IsPortfolioBoard, "the portfolio board");
        if (!allowed)
        {
            return DomainError.Forbidden($"A change of a baselined benefit is decided by {who} while the project is {phase.ToString().ToLowerInvariant()}.");
        }

        return standing.Actor.UserId == proposedBy
            ? new DomainError(ErrorKind.Forbidden, "four-eyes", "Four eyes", "The person who proposed a change of a benefit never decides it.")
            : null;
    }

    /// <summary>Benefits are measured from execution on, through closure and realisation; before and after, nothing is due.</summary>
    public static bool MeasuredIn(Phase phase) => phase is Phase.Execution or Phase.Closure or Phase.Realisation;

    public static IReadOnlyList<(string Field, string Message)> CheckPlan(Point? baseline, Point? target, decimal? allowedShortfall, Period? interval)
    {
        var errors = new List<(string, string)>();
        if (baseline is { } b && target is { } t)
        {
            if (t.Date <= b.Date)
            {
                errors.Add(("target.date", "The target date comes after the baseline date."));
            }

            if (t.Value == b.Value)
            {
                errors.Add(("target.value", "The target differs from the baseline; otherwise there is nothing to realise."));
            }

            if (allowedShortfall is { } s && s >= Math.Abs(t.Value - b.Value))
            {
                errors.Add(("allowedShortfall", "The allowed shortfall is smaller than the whole change from baseline to target."));
            }
        }

        if (allowedShortfall is < 0)
        {
            errors.Add(("allowedShortfall", "The allowed shortfall is 0 or more."));
        }

        if (interval is { } i && !IsPositiveDateInterval(i))
        {
            errors.Add(("measurementInterval", "The measurement interval is a positive number of days, weeks, months or years, such as P3M."));
        }

        return errors;
    }

    /// <summary>A new target and allowed shortfall for a benefit falling short, checked like any plan; null when it may be made.</summary>
    public static DomainError? Retarget(BenefitPlan plan, decimal target, decimal allowedShortfall)
    {
        var broken = CheckPlan(plan.Baseline, plan.Target with { Value = target }, allowedShortfall, plan.MeasurementInterval);
        return broken.Count == 0 ? null : DomainError.Invalid("validation", "Invalid request", string.Join(" ", broken.Select(b => b.Message)));
    }

    /// <summary>A measurement is dated from the baseline up to today (in Oslo), never in the future.</summary>
    public static (string Field, string Message)? CheckMeasurement(BenefitPlan plan, LocalDate date, LocalDate today) =>
        date > today ? ("date", $"A measurement cannot be dated after today ({today:uuuu-MM-dd}).")
        : date < plan.Baseline.Date ? ("date", $"A measurement cannot be dated before the baseline ({plan.Baseline.Date:uuuu-MM-dd}).")
        : null;

    private static bool IsPositiveDateInterval(Period period) =>
        period.HasDateComponent && !period.HasTimeComponent
        && period.Years >= 0 && period.Months >= 0 && period.Weeks >= 0 && period.Days >= 0
        && (period.Years + period.Months + period.Weeks + period.Days) > 0;

    /// <summary>Who owns a benefit in the line: a Senior User or the Benefit Owner of the project.</summary>
    public static DomainError? CheckOwner(IEnumerable<Roles.RoleAssignment> roles, string owner) =>
        Access.ProjectAccess.MayOwnBenefit(roles, owner)
            ? null
            : DomainError.Conflict("benefit-owner-role", "Not a benefit owner", $"{owner} is neither a Senior User nor the Benefit Owner of the project.");

    /// <summary>
    /// A benefit is edited until its final evaluation; once baselined (BP3) its baseline, target and allowed shortfall
    /// change only through a decided change.
    /// </summary>
    public static DomainError? CheckRedefine(Phase phase, bool evaluated, bool baselineChanges) =>
        evaluated
            ? DomainError.Conflict("benefit-evaluated", "Benefit evaluated", "A benefit with its final evaluation is no longer changed.")
            : IsBaselined(phase) && baselineChanges
                ? DomainError.Conflict("benefit-baselined", "Benefit baselined",
                    "Since BP3 the benefit's baseline, target and allowed shortfall change only through a decided change (POST .../benefits/{id}/changes).")
                : null;

    /// <summary>A benefit is measured from execution on, once it has its baseline and target, until its final evaluation.</summary>
    public static DomainError? CheckMeasurable(Phase phase, bool planned, bool evaluated) =>
        MeasuredIn(phase) && planned && !evaluated
            ? null
            : DomainError.Conflict("not-measurable", "Not measurable now",
                "Benefits are measured from execution on, once baseline and target are set, until their final evaluation.");

    /// <summary>A change is proposed for a baselined benefit not yet evaluated, one at a time.</summary>
    public static DomainError? CheckChangeProposable(Phase phase, bool evaluated, bool changePending) =>
        !IsBaselined(phase) || evaluated
            ? DomainError.Conflict("benefit-not-baselined", "Benefit not baselined",
                "Before BP3 a benefit is edited directly; after its final evaluation it no longer changes.")
            : changePending
                ? DomainError.Conflict("benefit-change-pending", "A change is pending", "The benefit has a proposed change waiting for its decision.")
                : null;

    /// <summary>A proposed change is decided once.</summary>
    public static DomainError? CheckChangeOpen(BenefitChangeState state) =>
        state == BenefitChangeState.Proposed ? null : DomainError.Conflict("benefit-change-decided", "Change decided", "The change is already decided.");

    /// <summary>A benefit gets its one final evaluation, in closure or realisation.</summary>
    public static DomainError? CheckEvaluable(Phase phase, bool evaluated) =>
        phase is Phase.Closure or Phase.Realisation && !evaluated
            ? null
            : DomainError.Conflict("not-evaluable", "Not open for evaluation", "A benefit gets its one final evaluation in closure or realisation.");
}
