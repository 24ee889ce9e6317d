using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>P4/P5 facts: the project and stage tolerances, planned stages and open exceptions (the active dimensions are the handbook's).</summary>
public sealed class ToleranceGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query)
    {
        var sets = await ToleranceStore.AllAsync(query.Db, query.Project.Id);
        var plans = await ToleranceStore.PlansAsync(query.Db, query.Project.Id);
        return facts with
        {
            ProjectTolerance = sets.GetValueOrDefault(ToleranceScope.Project),
            PlannedStages = plans.Select(p => p.Stage).ToHashSet(),
            StageTolerances = sets.Where(s => s.Key.Level == ToleranceLevel.Stage).ToDictionary(s => s.Key.Stage!.Value, s => s.Value),
            OpenExceptions = await ManageByException.ExceptionStore.CountOpenAsync(query.Db, query.Project.Id),
        };
    }
}
