using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// "Til beslutning": the requests for a decision that wait for the signed-in employee — as the portfolio board at the
/// board's decision points, as a project's Executive at its own (and, under board consensus, as a board member).
/// </summary>
public sealed class TilBeslutningModel(Database database, GateReader gates) : PageModel
{
    public sealed record Waiting(ProjectRow Project, GateView Gate);

    public IReadOnlyList<Waiting> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var waiting = new List<Waiting>();
        foreach (var id in await database.ReadAsync(WebStore.AwaitingDecisionAsync, cancellationToken))
        {
            var (project, roles) = await database.ReadAsync(async db => (await ProjectStore.GetAsync(db, id), await RoleStore.ForProjectAsync(db, id)), cancellationToken);
            if (project is null || (await gates.ReadAsync(project, null, cancellationToken)).Value is not { OpenRequest: not null } gate)
            {
                continue;
            }

            var standing = ProjectStanding.Of(actor, roles, project.ProposerId);
            var decides = gate.Decider == Decider.PortfolioBoard ? actor.IsPortfolioBoard : standing.Holds(ProjectRole.Executive);
            var votes = gate.Consensus is { } consensus && consensus.Awaited.Contains(actor.UserId);
            if (decides || votes)
            {
                waiting.Add(new Waiting(project, gate));
            }
        }

        Requests = waiting;
    }
}
