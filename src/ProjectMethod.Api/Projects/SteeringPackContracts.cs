using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Risks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Projects;

/// <summary>A phase as the project lived it: the day it was entered and the day it was left (null while it lasts).</summary>
public sealed record TimelinePhase(Phase Phase, LocalDate Start, LocalDate? End);

/// <summary>A stage of execution: the day it began, its plan's end, and the day it ended (nulls for what has not happened or was not planned).</summary>
public sealed record TimelineStage(int Stage, LocalDate? Start, LocalDate? PlannedEnd, LocalDate? End);

/// <summary>A decision point: the day it was planned for (the end of the stage it closes) and the day and way it was decided.</summary>
public sealed record TimelineDecision(DecisionPoint DecisionPoint, LocalDate? Planned, LocalDate? Decided, Decision? Decision, Guid? DecisionId);

/// <summary>The project's phases, stages and decision points, planned against actual; plannedEnd is the project plan's end date.</summary>
public sealed record Timeline(LocalDate Today, LocalDate? PlannedEnd, IReadOnlyList<TimelinePhase> Phases, IReadOnlyList<TimelineStage> Stages,
    IReadOnlyList<TimelineDecision> DecisionPoints)
{
    /// <summary>
    /// Laid out from what happened: the project entered its first phase the day it was proposed and each later one the day
    /// a decision moved it; a stage began and ended with the decisions that opened and closed it. Planned: each stage's
    /// plan gives its end, and so the day of the decision point that closes it; the next decision point of a running
    /// stage is shown planned, not yet decided.
    /// </summary>
    public static Timeline Of(ProjectRow project, IReadOnlyList<DecisionView> decisions, IReadOnlyList<StagePlanView> plans, LocalDate? plannedEnd, LocalDate today)
    {
        var ordered = decisions.OrderBy(d => d.DecidedAt).ToList();
        var phases = new List<TimelinePhase>();
        var (phase, since) = (Phase.Proposed, Day(project.CreatedAt));
        foreach (var moved in ordered.Where(d => d.ToPhase != d.FromPhase))
        {
            phases.Add(new TimelinePhase(phase, since, Day(moved.DecidedAt)));
            (phase, since) = (moved.ToPhase, Day(moved.DecidedAt));
        }

        phases.Add(new TimelinePhase(phase, since, phase is Phase.Completed or Phase.Rejected ? since : null));

        var started = ordered.Where(d => d.ToStage is { } s && s != d.FromStage).GroupBy(d => d.ToStage!.Value).ToDictionary(g => g.Key, g => Day(g.First().DecidedAt));
        var ended = ordered.Where(d => d.FromStage is { } s && s != d.ToStage).GroupBy(d => d.FromStage!.Value).ToDictionary(g => g.Key, g => g.First());
        var planned = plans.ToDictionary(p => p.Stage, p => p.PlannedEnd);
        var stages = started.Keys.Concat(planned.Keys).Distinct().Order()
            .Select(s => new TimelineStage(s, started.TryGetValue(s, out var start) ? start : null, planned.TryGetValue(s, out var end) ? end : null,
                ended.TryGetValue(s, out var closing) ? Day(closing.DecidedAt) : null))
            .ToList();

        var points = ordered.Select(d => new TimelineDecision(
            d.DecisionPoint, d.FromStage is { } closes && d.ToStage != closes && planned.TryGetValue(closes, out var due) ? due : null,
            Day(d.DecidedAt), d.Decision, d.Id)).ToList();
        if (project.Phase == Phase.Execution && project.Stage is { } current && !ended.ContainsKey(current))
        {
            var next = planned.Keys.Any(s => s > current) ? DecisionPoint.StageBoundary : DecisionPoint.Bp4;
            points.Add(new TimelineDecision(next, planned.TryGetValue(current, out var due) ? due : plannedEnd, null, null, null));
        }

        return new Timeline(today, plannedEnd, phases, stages, points);
    }

    private static LocalDate Day(Instant instant) => Infrastructure.Documents.Letterhead.Day(instant);
}

/// <summary>A highlight report as a line of the status trend: when, for which stage, and the RAG of each dimension of the stage.</summary>
public sealed record StatusLine(Guid ForecastId, int Stage, Instant SubmittedAt, Rag? Overall, IReadOnlyDictionary<Dimension, Rag> Dimensions);

/// <summary>A product as the steering group follows it: what, in which stage, where it stands.</summary>
public sealed record PackProduct(Guid Id, string Title, int Stage, ProductState State, int OpenDefects);

/// <summary>
/// What a steering group reads before it meets: the timeline, the status per dimension over the last highlight reports
/// (newest last), the open exceptions, the top risks by exposure, the products, the benefits, and the decisions since
/// <c>since</c>.
/// </summary>
public sealed record SteeringPackView(
    Guid ProjectId, string ProjectName, Phase Phase, int? Stage, Instant Since, Timeline Timeline, IReadOnlyList<StatusLine> Status,
    IReadOnlyList<ExceptionView> OpenExceptions, IReadOnlyList<RiskView> TopRisks, IReadOnlyList<PackProduct> Products,
    IReadOnlyList<BenefitView> Benefits, IReadOnlyList<DecisionView> Decisions)
{
    /// <summary>The follow-up actions still open, overdue first and then by due day.</summary>
    public IReadOnlyList<Actions.ActionView> OpenActions { get; init; } = [];

    /// <summary>The pack as a reader sees it: exempt decisions and exceptions without their content for one who may not read it.</summary>
    public SteeringPackView SeenBy(bool mayReadExempt) => this with
    {
        Decisions = Decisions.Select(d => d.SeenBy(mayReadExempt)).ToList(),
        OpenExceptions = OpenExceptions.Select(e => e.SeenBy(mayReadExempt)).ToList(),
    };
}
