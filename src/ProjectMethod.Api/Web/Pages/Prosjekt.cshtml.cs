using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>A project: its phases with the current one marked, the gate ahead with every criterion, its roles and decisions.</summary>
public sealed class ProsjektModel(Database database, GateReader gates) : PageModel
{
    public ProjectRow Project { get; private set; } = null!;

    public GateView? Gate { get; private set; }

    public IReadOnlyList<RoleView> Roles { get; private set; } = [];

    public IReadOnlyList<DecisionView> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await database.ReadAsync(db => ProjectStore.GetAsync(db, id), cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        Gate = (await gates.ReadAsync(project, null, cancellationToken)).Value;
        (Roles, Decisions) = await database.ReadAsync(async db =>
            (await RoleStore.ViewsAsync(db, id), await GateStore.DecisionsAsync(db, id, new Paging(Paging.MaxLimit, Guid.Empty, 0))), cancellationToken);
        return Page();
    }
}
