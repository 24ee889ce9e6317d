using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.ManageByException;

/// <summary>The project's tolerances and stage plans as the API, the pages and the documents read them.</summary>
public sealed class ToleranceReader(Database database)
{
    /// <summary>The project tolerance and each stage's plan and tolerances, with the dimensions the project's handbook uses.</summary>
    public async Task<TolerancesView> ReadAsync(ProjectRow pinned, CancellationToken cancellationToken)
    {
        var id = pinned.Id;
        var (sets, plans, handbook) = await database.ReadAsync(
            async db => (await ToleranceStore.AllAsync(db, id), await ToleranceStore.PlansAsync(db, id),
                await HandbookStore.ForProjectAsync(db, pinned)), cancellationToken);
        var stages = plans.Select(p => p.Stage)
            .Concat(sets.Keys.Where(s => s.Level == ToleranceLevel.Stage).Select(s => s.Stage!.Value))
            .Distinct().Order()
            .Select(n => new StageView(n, plans.FirstOrDefault(p => p.Stage == n),
                sets.GetValueOrDefault(ToleranceScope.OfStage(n)) is { } set ? ToleranceSetView.From(set, n, null) : null))
            .ToList();
        var project = sets.GetValueOrDefault(ToleranceScope.Project);
        return new TolerancesView(project is null ? null : ToleranceSetView.From(project, null, null).Tolerances, stages, handbook.Dimensions);
    }
}
