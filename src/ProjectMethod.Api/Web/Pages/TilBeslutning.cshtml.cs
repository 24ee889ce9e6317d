using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>"Til beslutning": everything that waits for the signed-in employee's decision or report.</summary>
public sealed class TilBeslutningModel(Inbox inbox) : PageModel
{
    public Inbox.Contents Waiting { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Waiting = await inbox.ReadAsync(User, cancellationToken);
}
