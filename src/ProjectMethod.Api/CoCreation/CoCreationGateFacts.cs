using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;

namespace ProjectMethod.Api.CoCreation;

/// <summary>Facts for the co-creation criteria: read only where the project's handbook switches them on.</summary>
public sealed class CoCreationGateFacts(NodaTime.IClock clock) : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query) =>
        !facts.Handbook.Requires(ExtraCriteria.CoCreationPlan)
            ? facts
            : facts with { CoCreation = (await CoCreationStore.RegisterAsync(query.Db, query.Project.Id, Domain.Benefits.BenefitMath.Today(clock))).ToFacts() };
}
