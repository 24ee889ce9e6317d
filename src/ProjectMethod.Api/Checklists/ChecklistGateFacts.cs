using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Checklists;

/// <summary>P7 facts: every checklist item with its status.</summary>
public sealed class ChecklistGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query) => facts with
    {
        Checklist = (await ChecklistStore.ForProjectAsync(query.Db, query.Project, facts.Handbook.Checklist))
            .Select(v => new ChecklistEntry(new ChecklistItem(v.Id, v.DecisionPoint, v.TextNb, v.TextEn, v.Mandatory), v.Status, v.Comment))
            .ToList(),
    };
}
