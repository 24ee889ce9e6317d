using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Gates;

/// <summary>P1 at BP1: a mandate with purpose, background and sector. P3 at BP1: an Executive is named.</summary>
public sealed class MandateCriteria : ICriteriaSet
{
    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        yield return (DecisionPoint.Bp1, new("mandate-written", Principle.P1,
            "A mandate with purpose, background and sector is written.",
            f => f.Mandate is { } m && !string.IsNullOrWhiteSpace(m.Purpose) && !string.IsNullOrWhiteSpace(m.Background)
                 && !string.IsNullOrWhiteSpace(f.Sector)
                ? CriterionCheck.Pass()
                : CriterionCheck.Fail("The mandate's purpose or background is missing.", Reason.Of("mandate-incomplete"))));
        yield return (DecisionPoint.Bp1, new("executive-named", Principle.P3,
            "An Executive is named.",
            f => f.Roles.Any(r => r.Role == ProjectRole.Executive)
                ? CriterionCheck.Pass()
                : CriterionCheck.Fail("No Executive is appointed.", Reason.Of("no-executive"))));
    }
}

/// <summary>P1: the Executive has confirmed the business case is still justified in this phase or stage.</summary>
public sealed class BusinessCaseCriteria : ICriteriaSet
{
    private static readonly DecisionPoint[] Points =
        [DecisionPoint.Bp2, DecisionPoint.Bp3, DecisionPoint.StageBoundary, DecisionPoint.Bp4];

    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria() =>
        Points.Select(point => (point, new GateCriterion("business-case-confirmed", Principle.P1,
            "The business case exists and the Executive confirmed it is still justified in this phase.",
            f => f.BusinessCase switch
            {
                BusinessCaseStanding.Confirmed => CriterionCheck.Pass(),
                BusinessCaseStanding.Missing => CriterionCheck.Fail("No business case is written.", Reason.Of("no-business-case")),
                BusinessCaseStanding.Unjustified => CriterionCheck.Fail("The Executive found the business case no longer justified.", Reason.Of("business-case-unjustified")),
                _ => CriterionCheck.Fail("The latest business case version has not been confirmed in this phase.", Reason.Of("business-case-unconfirmed")),
            })));
}

/// <summary>P2: earlier lessons reviewed before leaving concept; the lessons report before leaving closure. P1: the end report.</summary>
public sealed class LessonsCriteria : ICriteriaSet
{
    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        yield return (DecisionPoint.Bp2, new("lessons-reviewed", Principle.P2,
            "Lessons from earlier projects were reviewed.",
            f => f.LessonsReviewed ? CriterionCheck.Pass() : CriterionCheck.Fail("No lessons review is recorded.", Reason.Of("no-lessons-review"))));
        yield return (DecisionPoint.Bp5, new("end-report-written", Principle.P1,
            "The end project report is written.",
            f => f.EndReportWritten ? CriterionCheck.Pass() : CriterionCheck.Fail("No end project report is written.", Reason.Of("no-end-report"))));
        yield return (DecisionPoint.Bp5, new("lessons-report-written", Principle.P2,
            "The lessons report is written.",
            f => f.LessonsReportWritten ? CriterionCheck.Pass() : CriterionCheck.Fail("No lessons report is written.", Reason.Of("no-lessons-report"))));
    }
}

/// <summary>P3: the roles each decision point needs, and the combination rules, checked again at the gate.</summary>
public sealed class RoleCriteria : ICriteriaSet
{
    private static readonly DecisionPoint[] RulesCheckedAt =
        [DecisionPoint.Bp2, DecisionPoint.Bp3, DecisionPoint.StageBoundary, DecisionPoint.Bp4, DecisionPoint.Bp5, DecisionPoint.Bp6];

    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        yield return (DecisionPoint.Bp2, new("core-roles-assigned", Principle.P3,
            "An Executive, a Project Manager and a Benefit Owner are assigned.",
            f => Missing(f, ProjectRole.Executive, ProjectRole.ProjectManager, ProjectRole.BenefitOwner)));
        yield return (DecisionPoint.Bp3, new("board-complete", Principle.P3,
            "The board is complete: one Executive, at least one Senior User and at least one Senior Supplier (unless the category's profile makes the supplier optional).",
            f => f.Handbook.Profile.SeniorSupplierRequired
                ? Missing(f, ProjectRole.Executive, ProjectRole.SeniorUser, ProjectRole.SeniorSupplier)
                : Missing(f, ProjectRole.Executive, ProjectRole.SeniorUser),
            SourceOf: f => f.Handbook.Profile.SeniorSupplierRequired ? CriterionSource.Method : CriterionSource.Profile));
        foreach (var point in RulesCheckedAt)
        {
            yield return (point, new("role-rules-hold", Principle.P3,
                "The role combination rules hold (Executive ≠ Project Manager, independent assurance, one holder of each single role).",
                f => RoleRules.Violations(f.Roles, f.Handbook.RoleWaivers) is { Count: > 0 } broken
                    ? CriterionCheck.Fail(string.Join(" ", broken.Select(b => b.Description).Distinct()),
                        Reason.Of("role-rules-broken", ReasonArgument.Of(ReasonArgumentKind.Rule, broken.Select(b => b.Rule).Distinct())))
                    : CriterionCheck.Pass()));
        }
    }

    private static CriterionCheck Missing(GateFacts facts, params ProjectRole[] needed)
    {
        var missing = needed.Where(role => facts.Roles.All(r => r.Role != role)).ToList();
        return missing.Count == 0
            ? CriterionCheck.Pass()
            : CriterionCheck.Fail($"Missing: {string.Join(", ", missing.Select(Names.Of))}.",
                Reason.Of("roles-missing", ReasonArgument.Of(ReasonArgumentKind.Role, missing.Select(Names.Wire))));
    }
}

/// <summary>P7: every mandatory checklist item of the decision point is done, or not relevant with a justification.</summary>
public sealed class ChecklistCriteria : ICriteriaSet
{
    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria() =>
        Enum.GetValues<DecisionPoint>().Select(point => (point, new GateCriterion("checklist-complete", Principle.P7,
            "Every mandatory checklist item is done or justified as not relevant.",
            f => f.Checklist.Where(e => e.Item.DecisionPoint == point).Where(ChecklistRules.Blocks).ToList() is { Count: > 0 } open
                ? CriterionCheck.Fail($"Open: {string.Join(", ", open.Select(e => e.Item.Id))}.", Reason.Of("checklist-open", ReasonArgument.Number(open.Count)))
                : CriterionCheck.Pass(),
            SourceOf: _ => CriterionSource.Handbook)));
}
