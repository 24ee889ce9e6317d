using NodaTime;
using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;

namespace ProjectMethod.Api.Actions;

/// <summary>P4 facts: the follow-up actions overdue today, where the handbook or the category asks that none be.</summary>
public sealed class ActionGateFacts(IClock clock) : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query) =>
        !facts.Handbook.Requires(ExtraCriteria.NoOverdueActions)
            ? facts
            : facts with { OverdueActions = await ActionStore.OverdueAsync(query.Db, query.Project.Id, BenefitMath.Today(clock)) };
}
