using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Gates;

/// <summary>Board consensus facts: the votes cast so far on the open request.</summary>
public sealed class VoteGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        if (facts.Handbook.ApprovalModes.Count == 0 || await GateStore.OpenRequestAsync(query.Db, query.Project.Id) is not { } request)
        {
            return facts;
        }

        var votes = await GateStore.VotesAsync(query.Db, query.Project.Id, [request.Id]);
        return facts with { Votes = votes.Select(v => new GateVote(v.UserId, v.Decision)).ToList() };
    }
}
