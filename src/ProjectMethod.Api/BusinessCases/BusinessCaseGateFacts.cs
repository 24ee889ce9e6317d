using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.BusinessCases;

/// <summary>P1 facts: the newest business case version and the newest review of it.</summary>
public sealed class BusinessCaseGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        var latest = await BusinessCaseStore.LatestAsync(query.Db, query.Project.Id);
        var reviews = await BusinessCaseStore.ReviewsAsync(query.Db, query.Project.Id);
        var review = reviews.Count > 0 ? reviews[0] : null;
        return facts with
        {
            BusinessCaseVersion = latest?.Version,
            LatestBusinessCaseReview = review?.ToDomain(),
        };
    }
}
