using NodaTime;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.CoCreation;

/// <summary>The kinds of stakeholder group a project involves: groups, never named people.</summary>
public enum GroupKind
{
    Citizens,
    ServiceUsers,
    NextOfKin,
    Volunteers,
    Ngos,
    Businesses,
    Employees,
    UnionReps,
    Politicians,
    OtherPublicBodies,
}

/// <summary>The IAP2 spectrum of public participation, from least to most influence: the order is the comparison.</summary>
public enum InvolvementLevel
{
    Inform,
    Consult,
    Involve,
    Collaborate,
    Empower,
}

/// <summary>Why a group is involved: for better services, for democracy, or for new solutions.</summary>
public enum CoCreationPurpose
{
    Efficiency,
    DemocraticEmpowerment,
    Innovation,
}

public enum ActivityKind
{
    Workshop,
    ReferenceGroup,
    Survey,
    DialogueMeeting,
    Pilot,
    UserTesting,
    Other,
}

/// <summary>"You said, we did": what became of an input.</summary>
public enum InputOutcome
{
    Adopted,
    Adapted,
    NotAdopted,
    Later,
}

/// <summary>A stakeholder group; <paramref name="HardToReach"/> marks the groups that are usually not heard.</summary>
public sealed record StakeholderGroup(Guid Id, string Name, GroupKind Kind, bool HardToReach);

/// <summary>
/// The co-creation plan's intention for one group in one phase; <paramref name="GapExplanation"/> is the Project Manager's
/// account of why the level was not reached, once given.
/// </summary>
public sealed record PlannedInvolvement(Guid GroupId, Phase Phase, InvolvementLevel Level, CoCreationPurpose Purpose, string? GapExplanation = null);

/// <summary>One group's part in an activity: how many took part.</summary>
public sealed record Participation(Guid GroupId, int Participants);

/// <summary>A co-creation activity held in a phase, at a level, with the groups that took part.</summary>
public sealed record CoCreationActivity(Guid Id, LocalDate Date, ActivityKind Kind, Phase Phase, InvolvementLevel Level, IReadOnlyList<Participation> Groups);

/// <summary>An input from a group at an activity, and the response to it once there is one.</summary>
public sealed record CoCreationInput(Guid Id, Guid ActivityId, Guid GroupId, LocalDate Received, InputOutcome? Response);

/// <summary>The highest level a group reached in a phase.</summary>
public sealed record Reached(Guid GroupId, Phase Phase, InvolvementLevel Level);

/// <summary>A planned involvement and what was achieved: met when the level reached is at least the level planned.</summary>
public sealed record PlannedAgainstAchieved(Guid GroupId, Phase Phase, InvolvementLevel Planned, InvolvementLevel? Achieved, string? GapExplanation = null)
{
    public bool Met => Achieved >= Planned;

    /// <summary>Held as planned, or the gap explained.</summary>
    public bool Accounted => Met || GapExplanation is not null;
}

/// <summary>What a project's co-creation came to, as a municipality reports it.</summary>
public sealed record CoCreationSummary(
    int Groups,
    int GroupsReached,
    int HardToReachGroups,
    int HardToReachReached,
    IReadOnlyList<Reached> HighestLevels,
    IReadOnlyList<PlannedAgainstAchieved> Plan,
    int Inputs,
    int InputsAnswered,
    int InputsUnanswered,
    int InputsOverdue)
{
    /// <summary>An input still without a response this many days after it was received is overdue: shown as unanswered.</summary>
    public const int AnswerWithinDays = 30;

    /// <summary>
    /// The summary of a project's register. A group is reached when at least one of its members took part in an activity;
    /// the level it reached in a phase is the highest level of the activities it took part in there.
    /// </summary>
    public static CoCreationSummary Of(
        IReadOnlyList<StakeholderGroup> groups, IReadOnlyList<PlannedInvolvement> plan, IReadOnlyList<CoCreationActivity> activities,
        IReadOnlyList<CoCreationInput> inputs, LocalDate today)
    {
        var reached = activities
            .SelectMany(a => a.Groups.Where(g => g.Participants > 0).Select(g => (g.GroupId, a.Phase, a.Level)))
            .GroupBy(r => (r.GroupId, r.Phase))
            .Select(r => new Reached(r.Key.GroupId, r.Key.Phase, r.Max(x => x.Level)))
            .OrderBy(r => r.Phase).ThenBy(r => r.GroupId)
            .ToList();
        var reachedGroups = reached.Select(r => r.GroupId).ToHashSet();
        var levelOf = reached.ToDictionary(r => (r.GroupId, r.Phase), r => r.Level);
        var known = groups.Select(g => g.Id).ToHashSet();
        var answered = inputs.Count(i => i.Response is not null);
        var overdueBefore = today.PlusDays(-AnswerWithinDays);
        return new CoCreationSummary(
            groups.Count,
            groups.Count(g => reachedGroups.Contains(g.Id)),
            groups.Count(g => g.HardToReach),
            groups.Count(g => g.HardToReach && reachedGroups.Contains(g.Id)),
            reached.Where(r => known.Contains(r.GroupId)).ToList(),
            plan.Select(p => new PlannedAgainstAchieved(p.GroupId, p.Phase, p.Level,
                levelOf.TryGetValue((p.GroupId, p.Phase), out var level) ? level : null, p.GapExplanation)).ToList(),
            inputs.Count,
            answered,
            inputs.Count - answered,
            inputs.Count(i => i.Response is null && i.Received < overdueBefore));
    }
}
