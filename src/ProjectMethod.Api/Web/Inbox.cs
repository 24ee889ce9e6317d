using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Web;

/// <summary>
/// What waits for an employee — requests for a decision (as the portfolio board at the board's decision points, as a
/// project's Executive at its own, as an awaited board member under consensus), exceptions whose tolerance they own (the
/// board's escalations among them) or must report on as Project Manager, proposed changes of benefits they decide, and
/// co-creation inputs they answer — read for "Til beslutning" and "Mine prosjekter".
/// </summary>
public sealed class Inbox(Database database, GateReader gates, WebOperations operations)
{
    public sealed record Waiting(ProjectRow Project, GateView Gate);

    public sealed record ExceptionWaiting(ProjectRow Project, ExceptionView Exception, bool ToReport);

    /// <summary>What waits for one employee, oldest first within each kind.</summary>
    public sealed record Contents(IReadOnlyList<Waiting> Requests, IReadOnlyList<ExceptionWaiting> Exceptions, IReadOnlyList<ProjectRow> BenefitChanges)
    {
        /// <summary>The projects with co-creation inputs the employee answers ("you said, we did"): not decisions, so not counted.</summary>
        public IReadOnlyList<ProjectRow> InputsToAnswer { get; init; } = [];

        public int Count => Requests.Count + Exceptions.Count + BenefitChanges.Count;

        /// <summary>What waits for the employee on one project, as the texts name it: a decision point, an exception to report or decide, a benefit change.</summary>
        public IEnumerable<string> On(Guid projectId) =>
            Requests.Where(r => r.Project.Id == projectId).Select(r => r.Gate.OpenRequest!.DecisionPoint.Wire())
                .Concat(Exceptions.Where(e => e.Project.Id == projectId).Select(e => e.ToReport ? "exceptionReport" : "exceptionDecision"))
                .Concat(BenefitChanges.Where(p => p.Id == projectId).Select(_ => "benefitChange"))
                .Concat(InputsToAnswer.Where(p => p.Id == projectId).Select(_ => "inputsToAnswer"));
    }

    public async Task<Contents> ReadAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
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

        var (asked, open, changes, inputs) = await database.ReadAsync(async db =>
            (await WebStore.AwaitingDecisionAsync(db), await ExceptionStore.OpenAsync(db), await WebStore.BenefitChangesProposedAsync(db),
                await WebStore.InputsToAnswerAsync(db)), cancellationToken);

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

        // The projects among these on which the employee may take the operation.
        async Task<List<ProjectRow>> WhereMay(IEnumerable<Guid> ids, string operationId)
        {
            var projects = new List<ProjectRow>();
            foreach (var id in ids)
            {
                if (await StandingOn(id) is { } on && operations.Check(operationId, on.Standing) is null)
                {
                    projects.Add(on.Project);
                }
            }

            return projects;
        }

        return new Contents(requests, exceptions, await WhereMay(changes, "decideBenefitChange"))
        {
            InputsToAnswer = await WhereMay(inputs, "answerCoCreationInput"),
        };
    }
}
