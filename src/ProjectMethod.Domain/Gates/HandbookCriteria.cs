using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Gates;

/// <summary>P7: criteria a sector's handbook switches on in addition to the method's.</summary>
public sealed class HandbookCriteria : ICriteriaSet
{
    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        yield return (DecisionPoint.Bp2, new("risk-assessed", Principle.P7,
            "The handbook asks for an uncertainty register with at least one assessed risk before BP2.",
            f => f.AssessedRisks > 0 ? CriterionCheck.Pass() : CriterionCheck.Fail("The uncertainty register holds no assessed risk."),
            f => f.Handbook.ExtraCriteria.Contains(ExtraCriteria.RiskAssessmentBeforeBp2)));
    }
}
