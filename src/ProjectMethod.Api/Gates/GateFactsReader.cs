using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Gates;

/// <summary>Where a source of gate facts reads from: the project, inside the caller's connection and transaction.</summary>
public sealed record FactsQuery(DbSession Db, ProjectRow Project);

/// <summary>A feature's contribution to the facts the decision points judge. Each feature that adds criteria adds one.</summary>
public interface IGateFactsSource
{
    Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query);
}

/// <summary>Reads the gate facts of a project from every registered source.</summary>
public sealed class GateFactsReader(IEnumerable<IGateFactsSource> sources)
{
    public async Task<GateFacts> LoadAsync(FactsQuery query, IReadOnlyList<RoleAssignment> roles)
    {
        var project = query.Project;
        var handbook = await HandbookStore.ForProjectAsync(query.Db, project);
        var facts = new GateFacts
        {
            Phase = project.Phase,
            Stage = project.Stage,
            ClosedEarly = project.ClosedEarly,
            Sector = project.Sector,
            Mandate = project.MandatePurpose is null || project.MandateBackground is null
                ? null
                : new Mandate(project.MandatePurpose, project.MandateBackground),
            Roles = roles,
            Handbook = handbook,
            ActiveDimensions = handbook.Dimensions,
        };
        foreach (var source in sources)
        {
            facts = await source.AddToAsync(facts, query);
        }

        return facts;
    }
}
