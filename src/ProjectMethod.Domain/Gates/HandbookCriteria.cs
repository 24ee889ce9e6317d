using ProjectMethod.Domain.CoCreation;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Gates;

/// <summary>P7: criteria a sector's handbook switches on in addition to the method's.</summary>
public sealed class HandbookCriteria : ICriteriaSet
{
    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        foreach (var criterion in ActionsOnTime())
        {
            yield return criterion;
        }

        yield return (DecisionPoint.Bp2, new("risk-assessed", Principle.P7,
            "The handbook asks for an uncertainty register with at least one assessed risk before BP2.",
            f => f.AssessedRisks > 0 ? CriterionCheck.Pass() : CriterionCheck.Fail("The uncertainty register holds no assessed risk.", Reason.Of("no-assessed-risk")),
            f => f.Handbook.Requires(ExtraCriteria.RiskAssessmentBeforeBp2), SourceOf(ExtraCriteria.RiskAssessmentBeforeBp2)));
        yield return (DecisionPoint.Bp2, new("co-creation-planned", Principle.P7,
            "The handbook asks for a co-creation plan that involves every user group the Senior User speaks for (P3) before BP2.",
            Planned, CoCreationOn, SourceOf(ExtraCriteria.CoCreationPlan)));
        yield return (DecisionPoint.Bp3, new("political-decision", Principle.P7,
            "A political body (kommunestyre, formannskap, hovedutvalg) has adopted the project before BP3, as the handbook or the category's profile asks.",
            f => f.AdoptedPoliticalDecisions > 0
                ? CriterionCheck.Pass()
                : CriterionCheck.Fail("No political decision adopting the project is recorded.", Reason.Of("no-political-decision")),
            f => f.Handbook.Requires(ExtraCriteria.PoliticalDecisionBeforeBp3), SourceOf(ExtraCriteria.PoliticalDecisionBeforeBp3)));
        foreach (var point in new[] { DecisionPoint.Bp3, DecisionPoint.Bp4 })
        {
            yield return (point, new("independent-assurance", Principle.P7,
                "Independent quality assurance, by someone outside the project's line, is recorded with its conclusion for this decision point.",
                f => f.IndependentAssurances.Contains(point)
                    ? CriterionCheck.Pass()
                    : CriterionCheck.Fail("No independent quality assurance is recorded for this decision point.", Reason.Of("no-independent-assurance")),
                f => f.Handbook.Requires(ExtraCriteria.IndependentAssurance), SourceOf(ExtraCriteria.IndependentAssurance)));
        }
        yield return (DecisionPoint.Bp4, new("co-creation-accounted", Principle.P7,
            "The handbook asks that the planned co-creation was held or each gap explained, and that every input was answered, before BP4.",
            Accounted, CoCreationOn, SourceOf(ExtraCriteria.CoCreationPlan)));
    }

    private static IEnumerable<(DecisionPoint, GateCriterion)> ActionsOnTime() =>
        new[] { DecisionPoint.StageBoundary, DecisionPoint.Bp4 }.Select(point => (point, new GateCriterion("actions-on-time", Principle.P4,
            "Every follow-up action of earlier decisions is done or not yet due.",
            f => f.OverdueActions == 0
                ? CriterionCheck.Pass()
                : CriterionCheck.Fail($"{f.OverdueActions} follow-up action(s) are overdue.", Reason.Of("actions-overdue", ReasonArgument.Number(f.OverdueActions))),
            f => f.Handbook.Requires(ExtraCriteria.NoOverdueActions), SourceOf(ExtraCriteria.NoOverdueActions))));

    private static bool CoCreationOn(GateFacts facts) => facts.Handbook.Requires(ExtraCriteria.CoCreationPlan);

    /// <summary>The handbook when it switches the criterion on for every project, otherwise the category's profile.</summary>
    private static Func<GateFacts, CriterionSource> SourceOf(string criterion) =>
        f => f.Handbook.ExtraCriteria.Contains(criterion) ? CriterionSource.Handbook : CriterionSource.Profile;

    private static CriterionCheck Planned(GateFacts facts)
    {
        if (!CoCreationRules.HasUserGroup(facts.CoCreation))
        {
            return CriterionCheck.Fail("No user group (citizens, service users, next of kin or employees) is registered.", Reason.Of("no-user-group"));
        }

        var unplanned = CoCreationRules.UnplannedUserGroups(facts.CoCreation);
        return unplanned.Count == 0
            ? CriterionCheck.Pass()
            : CriterionCheck.Fail($"The plan does not involve: {string.Join(", ", unplanned.Select(g => g.Name))}.",
                Reason.Of("groups-not-planned", ReasonArgument.Text(unplanned.Select(g => g.Name))));
    }

    private static CriterionCheck Accounted(GateFacts facts)
    {
        var names = facts.CoCreation.Groups.ToDictionary(g => g.Id, g => g.Name);
        var unaccounted = CoCreationRules.Unaccounted(facts.CoCreation);
        var gaps = unaccounted.Select(p => $"{names.GetValueOrDefault(p.GroupId, p.GroupId.ToString())} in {p.Phase.ToString().ToLowerInvariant()}").ToList();
        var unanswered = facts.CoCreation.Summary.InputsUnanswered;
        var faults = new List<string>();
        if (gaps.Count > 0)
        {
            faults.Add($"Planned involvement neither held nor explained: {string.Join(", ", gaps)}.");
        }

        if (unanswered > 0)
        {
            faults.Add($"{unanswered} input(s) without a response.");
        }

        return faults.Count == 0
            ? CriterionCheck.Pass()
            : CriterionCheck.Fail(string.Join(" ", faults), Reason.Of("co-creation-unaccounted",
                ReasonArgument.Text(unaccounted.Select(p => names.GetValueOrDefault(p.GroupId, p.GroupId.ToString())).Distinct()), ReasonArgument.Number(unanswered)));
    }
}
