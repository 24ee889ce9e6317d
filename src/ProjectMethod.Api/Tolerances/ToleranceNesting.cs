using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.WorkPackages;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tolerances;

/// <summary>The tolerances inside the one being set: the stages' inside the project's, a stage's work packages' inside the stage's.</summary>
public static class ToleranceNesting
{
    /// <summary>Null when every inner tolerance still lies inside the proposed one; otherwise the refusal naming the first that would not.</summary>
    public static async Task<DomainError?> CheckInnerAsync(DbSession db, Guid projectId, ToleranceScope scope, ToleranceSet proposed)
    {
        var sets = await ToleranceStore.AllAsync(db, projectId);
        var inners = scope.Level switch
        {
            ToleranceLevel.Project => sets.Where(s => s.Key.Level == ToleranceLevel.Stage).OrderBy(s => s.Key.Stage)
                .Select(s => ($"The stage {s.Key.Stage} tolerance", s.Value)).ToList(),
            ToleranceLevel.Stage => (await WorkPackageStore.ForProjectAsync(db, projectId)).Where(p => p.Stage == scope.Stage)
                .Select(p => (Package: p, Set: sets.GetValueOrDefault(ToleranceScope.OfWorkPackage(p.Id))))
                .Where(p => p.Set is not null)
                .Select(p => ($"The tolerance of work package '{p.Package.Title}'", p.Set!)).ToList(),
            _ => [],
        };
        return ToleranceRules.CheckInnerInside(proposed, inners);
    }
}
