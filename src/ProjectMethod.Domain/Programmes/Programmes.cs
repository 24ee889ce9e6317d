using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Programmes;

/// <summary>Where the actor stands with regard to the programme a project belongs to: on its programme board or not.</summary>
public sealed record ProgrammeSeat(Guid ProgrammeId, bool OnBoard);

/// <summary>
/// Programmes (DESIGN §4, one level more): a programme's own tolerances sit between its member projects and the
/// portfolio. The programme board sets a member project's tolerances inside the programme's and decides its project
/// exceptions; a breach of the programme's tolerances is the portfolio board's.
/// </summary>
public static class ProgrammeRules
{
    /// <summary>The dimensions a programme holds tolerances on: when its projects end and what they cost together.</summary>
    public static IReadOnlyList<Dimension> Dimensions { get; } = [Dimension.Time, Dimension.Cost];

    /// <summary>The portfolio board creates programmes and owns their tolerances.</summary>
    public static DomainError? CheckPortfolioBoard(Actor actor, string what) =>
        actor.IsPortfolioBoard ? null : DomainError.Forbidden($"Only the portfolio board {what}.");

    /// <summary>A project joins a programme by the portfolio board or the programme's owner.</summary>
    public static DomainError? CheckAddMember(Actor actor, string ownerUserId) =>
        actor.IsPortfolioBoard || actor.UserId == ownerUserId
            ? null
            : DomainError.Forbidden("Only the portfolio board or the programme's owner adds a project to the programme.");

    /// <summary>A project belongs to one programme at most, and joins while it is not yet closed.</summary>
    public static DomainError? CheckJoin(Guid? currentProgramme, Phases.Phase phase)
    {
        if (currentProgramme is not null)
        {
            return DomainError.Conflict("project-in-programme", "Project already in a programme", "A project belongs to one programme at most.");
        }

        return phase is Phases.Phase.Closure or Phases.Phase.Realisation or Phases.Phase.Completed or Phases.Phase.Rejected
            ? DomainError.Conflict("project-closed", "The project is closed to changes", $"A project in {WireNames.Of(phase)} no longer joins a programme.")
            : null;
    }

    /// <summary>
    /// A member project's tolerance lies inside its programme's: it ends within the programme's time limits, and what the
    /// members may cost at most, together, stays within the programme's cost limit. The limit passed, or null.
    /// </summary>
    public static string? LimitPassed(ToleranceSet project, ToleranceSet programme, decimal othersHighestCost)
    {
        if (project.ByDimension.TryGetValue(Dimension.Time, out var time) && programme.ByDimension.TryGetValue(Dimension.Time, out var limit))
        {
            if (time.HighestAllowed > limit.HighestAllowed)
            {
                return $"time: the project may end {Tolerances.Dimensions.FromDayNumber(time.HighestAllowed):yyyy-MM-dd}, after the programme's latest end {Tolerances.Dimensions.FromDayNumber(limit.HighestAllowed):yyyy-MM-dd}.";
            }
        }

        if (project.ByDimension.TryGetValue(Dimension.Cost, out var cost) && programme.ByDimension.TryGetValue(Dimension.Cost, out var budget)
            && othersHighestCost + cost.HighestAllowed > budget.HighestAllowed)
        {
            return $"cost: the members may cost {othersHighestCost + cost.HighestAllowed:0.##} together, more than the programme's {budget.HighestAllowed:0.##}.";
        }

        return null;
    }

    /// <summary>The refusal of a member project's tolerance that would not lie inside its programme's, naming the limit passed.</summary>
    public static DomainError OutsideTolerance(string limit) =>
        DomainError.Conflict("outside-programme-tolerance", "Outside the programme's tolerance", $"A member project's tolerance must lie inside its programme's: {limit}")
            with { Extensions = new Dictionary<string, object?> { ["limit"] = limit } };

    /// <summary>A breach of the programme's tolerances is decided once.</summary>
    public static DomainError BreachDecided { get; } =
        DomainError.Conflict("programme-exception-decided", "Programme exception already decided", "The portfolio board has decided this breach of the programme's tolerances.");

    /// <summary>The programme's forecast from its members' project forecasts: their costs added up, the latest of their ends.</summary>
    public static Dictionary<Dimension, decimal> RollUp(IEnumerable<IReadOnlyDictionary<Dimension, decimal>> members)
    {
        var rolled = new Dictionary<Dimension, decimal>();
        foreach (var member in members)
        {
            if (member.TryGetValue(Dimension.Cost, out var cost))
            {
                rolled[Dimension.Cost] = rolled.GetValueOrDefault(Dimension.Cost) + cost;
            }

            if (member.TryGetValue(Dimension.Time, out var end))
            {
                rolled[Dimension.Time] = rolled.TryGetValue(Dimension.Time, out var latest) ? Math.Max(latest, end) : end;
            }
        }

        return rolled;
    }
}
