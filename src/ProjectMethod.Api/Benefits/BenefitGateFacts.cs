using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Benefits;

/// <summary>Benefit facts for the gates: the register and the Benefit Owner's latest review.</summary>
public sealed class BenefitGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        var benefits = await BenefitStore.ForProjectAsync(query.Db, query.Project.Id);
        return facts with
        {
            Benefits = benefits.Select(b => new BenefitFact(b.Id, b.Title, b.HasLineOwner, b.Plan is not null, b.Outcome)).ToList(),
            LatestBenefitsReview = await BenefitStore.LatestReviewAsync(query.Db, query.Project.Id),
        };
    }
}
