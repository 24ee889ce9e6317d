using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.BusinessCases;

/// <summary>The business case as the API, the pages and the documents read it: the newest version with its standing.</summary>
public sealed class BusinessCaseReader(Database database)
{
    /// <summary>The newest version with its standing in the project's phase and every review; null before the first.</summary>
    public async Task<BusinessCaseView?> ReadAsync(ProjectRow project, CancellationToken cancellationToken)
    {
        var id = project.Id;
        var (latest, reviews) = await database.ReadAsync(
            async db => (await BusinessCaseStore.LatestAsync(db, id), await BusinessCaseStore.ReviewsAsync(db, id)), cancellationToken);
        if (latest is null)
        {
            return null;
        }

        // The same rule the gates apply, from the same rows, without loading every other gate fact.
        var standing = new GateFacts
        {
            Phase = project.Phase, Stage = project.Stage, BusinessCaseVersion = latest.Version, LatestBusinessCaseReview = reviews.Count > 0 ? reviews[0].ToDomain() : null,
        }.BusinessCase;
        return BusinessCaseCommands.View(latest, standing, reviews);
    }
}
