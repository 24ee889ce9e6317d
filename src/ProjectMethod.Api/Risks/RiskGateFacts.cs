
namespace ProjectMethod.Api.Risks;

/// <summary>Facts for a handbook's extra criterion: the risks assessed in the uncertainty register.</summary>
public sealed class RiskGateFacts : Gates.IGateFactsSource
{
    public async Task<Domain.Gates.GateFacts> AddToAsync(Domain.Gates.GateFacts facts, Gates.FactsQuery query) =>
        !facts.Handbook.Requires(Domain.Handbooks.ExtraCriteria.RiskAssessmentBeforeBp2)
            ? facts
            : facts with
            {
                AssessedRisks = (await RiskStore.ForProjectAsync(query.Db, query.Project.Id)).Count(r => r.Kind == Domain.Risks.UncertaintyKind.Risk),
            };
}
