using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// "Til beslutning": what waits for the signed-in employee — requests for a decision (as the portfolio board at the
/// board's decision points, as a project's Executive at its own, as an awaited board member under consensus), exceptions
/// whose tolerance they own (the board's escalations among them) or must report on as Project Manager, and proposed changes
/// of benefits they decide.
/// </summary>
public sealed class TilBeslutningModel(Database database, GateReader gates, WebOperations operations) : PageModel
{
    public sealed record Waiting(ProjectRow Project, GateView Gate);

    public sealed record ExceptionWaiting(ProjectRow Project, ExceptionView Exception, bool ToReport);

    public IReadOnlyList<Waiting> Requests { get; private set; } = [];

    public IReadOnlyList<ExceptionWaiting> Exceptions { get; private set; } = [];

    public IReadOnlyList<ProjectRow> BenefitChanges { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var standings = new Dictionary<Guid, (ProjectRow Project, ProjectStanding Standing)?>();
        async Task<(ProjectRow Project, ProjectStanding Standing)?> StandingOn(Guid id)
        {
            if (!standings.TryGetValue(id, out var known))
            {
                var (project, roles) = await database.ReadAsync(async db => (await ProjectStore.GetAsync(db, id), await RoleStore.ForProjectAsync(db, id)), cancellationToken);
                known = standings[id] = project is null ? null : (project, ProjectStanding.Of(actor, roles, project.ProposerId));
            }

            return known;
        }

        var (asked, open, changes) = await database.ReadAsync(async db =>
            (await WebStore.AwaitingDecisionAsync(db), await ExceptionStore.OpenAsync(db), await WebStore.BenefitChangesProposedAsync(db)), cancellationToken);

        var requests = new List<Waiting>();
        foreach (var id in asked)
        {
            if (await StandingOn(id) is not { } on || (await gates.ReadAsync(on.Project, null, cancellationToken)).Value is not { OpenRequest: not null } gate)
            {
                continue;
            }

            var decides = gate.Decider == Decider.PortfolioBoard ? actor.IsPortfolioBoard : on.Standing.Holds(ProjectRole.Executive);
            var votes = gate.Consensus is { } consensus && consensus.Awaited.Contains(actor.UserId);
            if (decides || votes)
            {
                requests.Add(new Waiting(on.Project, gate));
            }
        }

        var exceptions = new List<ExceptionWaiting>();
        foreach (var exception in open)
        {
            if (await StandingOn(exception.ProjectId) is not { } on)
            {
                continue;
            }

            var toReport = exception.State == ExceptionState.Raised && operations.Check("reportException", on.Standing) is null;
            var toDecide = exception.State is ExceptionState.Reported or ExceptionState.Escalated
                && (exception.Owner == Decider.PortfolioBoard ? actor.IsPortfolioBoard : on.Standing.Holds(ProjectRole.Executive));
            if (toReport || toDecide)
            {
                exceptions.Add(new ExceptionWaiting(on.Project, exception, toReport));
            }
        }

        var changed = new List<ProjectRow>();
        foreach (var id in changes)
        {
            if (await StandingOn(id) is { } on && operations.Check("decideBenefitChange", on.Standing) is null)
            {
                changed.Add(on.Project);
            }
        }

        (Requests, Exceptions, BenefitChanges) = (requests, exceptions, changed);
    }
}
