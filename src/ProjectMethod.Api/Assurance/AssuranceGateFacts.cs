using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;

namespace ProjectMethod.Api.Assurance;

/// <summary>P7 facts: the decision points with independent quality assurance recorded, where the handbook or the category asks for it.</summary>
public sealed class AssuranceGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query) =>
        !facts.Handbook.Requires(ExtraCriteria.IndependentAssurance)
            ? facts
            : facts with
            {
                IndependentAssurances = (await AssuranceStore.OfProjectAsync(query.Db, query.Project.Id)).Select(a => a.DecisionPoint).ToHashSet(),
            };
}
