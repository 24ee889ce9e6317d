using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>"Mine prosjekter": the projects where the signed-in employee holds a role or made the proposal, and what waits for them on each.</summary>
public sealed class IndexModel(Database database, Inbox inbox) : PageModel
{
    public IReadOnlyList<WebStore.MyProject> Projects { get; private set; } = [];

    public Inbox.Contents Waiting { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Projects = await database.ReadAsync(db => WebStore.MineAsync(db, User.ToActor().UserId), cancellationToken);
        Waiting = await inbox.ReadAsync(User, cancellationToken);
    }
}
