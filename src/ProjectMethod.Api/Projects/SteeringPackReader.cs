using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Risks;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Risks;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Projects;

/// <summary>Reads what a steering group's pack holds, for the API, the pages and the PDF alike.</summary>
public sealed class SteeringPackReader(Database database, ToleranceReader tolerances, IClock clock)
{
    /// <summary>How many highlight reports the status trend shows, and how many risks.</summary>
    public const int Reports = 6, Risks = 5;

    /// <summary>The timeline alone, as the project's overview draws it.</summary>
    public async Task<Timeline> TimelineAsync(ProjectRow project, CancellationToken cancellationToken)
    {
        var decisions = await database.ReadAsync(db => DecisionsAsync(db, project.Id), cancellationToken);
        return await TimelineOfAsync(project, decisions, cancellationToken);
    }

    /// <summary>
    /// The pack; its decisions are those taken since <paramref name="since"/>, by default since the project entered the
    /// phase it is in (with the decision that moved it there).
    /// </summary>
    public async Task<SteeringPackView> ReadAsync(ProjectRow project, Instant? since, CancellationToken cancellationToken)
    {
        var id = project.Id;
        var today = BenefitMath.Today(clock);
        var facts = await database.ReadAsync(async db => new
        {
            Decisions = await DecisionsAsync(db, id),
            Forecasts = await ForecastsAsync(db, id),
            Exceptions = await ExceptionStore.ForProjectAsync(db, id),
            Risks = await RiskStore.ForProjectAsync(db, id),
            Products = await ProductStore.ForProjectAsync(db, id),
            Benefits = await BenefitStore.ForProjectAsync(db, id),
            Measurements = await BenefitStore.MeasurementsAsync(db, id),
            Actions = await Actions.ActionStore.OfProjectAsync(db, id),
        }, cancellationToken);

        var timeline = await TimelineOfAsync(project, facts.Decisions, cancellationToken);
        // By default the decisions from the one that moved the project into its phase, in the order of the log.
        var entered = facts.Decisions.ToList().FindLastIndex(d => d.ToPhase == project.Phase && d.FromPhase != project.Phase);
        var decisions = since is { } from ? facts.Decisions.Where(d => d.DecidedAt >= from).ToList() : facts.Decisions.Skip(Math.Max(entered, 0)).ToList();
        var start = since ?? (entered >= 0 ? facts.Decisions[entered].DecidedAt : project.CreatedAt);
        var status = facts.Forecasts.Where(f => f.Level == ForecastLevel.Stage).TakeLast(Reports)
            .Select(f => new StatusLine(f.Id, f.Stage, f.SubmittedAt, ForecastStore.WorstRag(f.Evaluation), f.Evaluation.Stage.ToDictionary(d => d.Dimension, d => d.Rag)))
            .ToList();
        return new SteeringPackView(
            id, project.Name, project.Phase, project.Stage, start, timeline, status,
            facts.Exceptions.Where(e => ExceptionRules.OpenStates.Contains(e.State)).ToList(),
            facts.Risks.Where(r => r.Status != RiskStatus.Closed).OrderByDescending(r => r.Exposure).ThenBy(r => r.RecordedAt).Take(Risks).ToList(),
            facts.Products.Select(p => new PackProduct(p.Id, p.Title, p.DeliveringStage, p.State, p.OpenDefects)).ToList(),
            facts.Benefits.Select(b => BenefitView.From(b, facts.Measurements, today, project.Phase)).ToList(),
            decisions)
        {
            OpenActions = facts.Actions.Select(a => a.ToView(today)).Where(a => a.State == Domain.Gates.ActionState.Open)
                .OrderByDescending(a => a.Overdue).ThenBy(a => a.DueOn).ToList(),
        };
    }

    /// <summary>The timeline from the decisions and the plans: each stage's plan and the project's end, as the tolerance reader gives them.</summary>
    private async Task<Timeline> TimelineOfAsync(ProjectRow project, IReadOnlyList<DecisionView> decisions, CancellationToken cancellationToken)
    {
        var planned = await tolerances.ReadAsync(project, cancellationToken);
        var end = planned.Project?.FirstOrDefault(t => t.Dimension == Dimension.Time)?.PlanDate;
        return Timeline.Of(project, decisions, planned.Stages.Select(s => s.Plan).OfType<StagePlanView>().ToList(), end, BenefitMath.Today(clock));
    }

    /// <summary>Every decision of the project, oldest first.</summary>
    private static async Task<IReadOnlyList<DecisionView>> DecisionsAsync(DbSession db, Guid projectId) =>
        await Paging.AllAsync(paging => GateStore.DecisionsAsync(db, projectId, paging), d => d.Id);

    private static async Task<IReadOnlyList<ForecastEntry>> ForecastsAsync(DbSession db, Guid projectId) =>
        await Paging.AllAsync(paging => ForecastStore.PageAsync(db, projectId, paging), f => f.Id);
}
