using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>
/// The gate view of a project: the next decision point, its decider, every criterion met or not, the decisions allowed
/// now and, under board consensus, who has voted. Read for the API and for the web pages alike, kept per project version
/// and day (<see cref="ProjectViews"/>): a follow-up action falls overdue with the date alone.
/// </summary>
public sealed class GateReader(Database database, GateFactsReader loader, ProjectViews views, NodaTime.IClock clock)
{
    /// <summary>The gate of <paramref name="project"/> as read just now (its version is the one to serve).</summary>
    public async Task<Outcome<GateView>> ReadAsync(ProjectRow project, DecisionPoint? askedFor, CancellationToken cancellationToken)
    {
        var today = Domain.Benefits.BenefitMath.Today(clock);
        if (views.TryGet(new ProjectViews.Key(nameof(GateView), project.Id, project.Version, (askedFor, today)), out GateView? kept))
        {
            return kept!;
        }

        var (request, facts, wholeAt) = await database.ReadAsync(db => ReadWholeAsync(db, project), cancellationToken);
        var point = Gatekeeper.PointAhead(facts, request.ToDomain(), askedFor);
        if (point.Error is { } error)
        {
            return error;
        }

        var evaluation = Gatekeeper.Default.Evaluate(facts, point.Value, request.ToDomain());
        var mode = facts.Handbook.ApprovalModeAt(point.Value);
        var view = new GateView(evaluation.DecisionPoint, evaluation.From, evaluation.FromStage, evaluation.To, evaluation.Decider, mode,
            request, evaluation.Criteria, evaluation.AllowedDecisions,
            mode == ApprovalMode.BoardConsensus && request.ToDomain() is { } open ? Gatekeeper.Consensus(facts, open) : null)
        {
            Category = facts.Handbook.Category,
        };
        if (wholeAt is { } version)
        {
            views.Keep(new ProjectViews.Key(nameof(GateView), project.Id, version, (askedFor, today)), view);
        }

        return view;
    }

    /// <summary>
    /// The open request and the gate facts, read whole: the project's version is the same after the reads as before them,
    /// so no change came between (a change commits its facts and its version together). A read that a change crossed is
    /// read again, up to three times; the last is served, but only a whole one, with its version, is kept.
    /// </summary>
    private async Task<(GateRequestView? Request, GateFacts Facts, long? WholeAt)> ReadWholeAsync(DbSession db, ProjectRow project)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = await GateStore.OpenRequestAsync(db, project.Id);
            var roles = await RoleStore.ForProjectAsync(db, project.Id);
            var facts = await loader.LoadAsync(new FactsQuery(db, project), roles);
            var after = (await ProjectStore.GetAsync(db, project.Id))!;
            if (after.Version == project.Version || attempt == 3)
            {
                return (request, facts, after.Version == project.Version ? project.Version : null);
            }

            project = after;
        }
    }
}
