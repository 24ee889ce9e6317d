using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Archive;

/// <summary>P7 facts: the political decisions that adopted the project, for a handbook that asks for one before BP3.</summary>
public sealed class PoliticalGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query) => facts with
    {
        AdoptedPoliticalDecisions = (await ArchiveStore.PoliticalAsync(query.Db, query.Project.Id))
            .Count(d => d.Outcome is PoliticalOutcome.Adopted or PoliticalOutcome.AdoptedWithChanges),
    };
}
