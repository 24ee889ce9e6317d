using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.CoCreation;

/// <summary>A project's co-creation register as the decision points see it.</summary>
public sealed record CoCreationFacts(IReadOnlyList<StakeholderGroup> Groups, IReadOnlyList<PlannedInvolvement> Plan, CoCreationSummary Summary)
{
    public static CoCreationFacts Empty { get; } = new([], [], CoCreationSummary.Of([], [], [], [], default));
}

/// <summary>What the co-creation plan, its activities and the answers to inputs must be.</summary>
public static class CoCreationRules
{
    /// <summary>The tag that marks a lesson about co-creation, so that other projects find it.</summary>
    public const string LessonTag = "samskaping";

    /// <summary>The phases a plan names and activities are held in: from concept, when the plan is made, to realisation.</summary>
    public static IReadOnlyList<Phase> Phases { get; } = [Phase.Concept, Phase.Planning, Phase.Execution, Phase.Closure, Phase.Realisation];

    /// <summary>
    /// The kinds of group the Senior User speaks for: those who use or deliver the service the project changes. BP2 comes
    /// before the board is complete, so the plan is judged by the groups' kinds, not by who holds the role.
    /// </summary>
    public static IReadOnlySet<GroupKind> UserKinds { get; } = new HashSet<GroupKind>
    {
        GroupKind.Citizens, GroupKind.ServiceUsers, GroupKind.NextOfKin, GroupKind.Employees,
    };

    /// <summary>The phases whose involvement BP4 holds the project to account for: those before closure.</summary>
    public static IReadOnlyList<Phase> AccountedAtBp4 { get; } = [Phase.Concept, Phase.Planning, Phase.Execution];

    /// <summary>The user groups the plan does not involve in any phase; at least one user group must be registered.</summary>
    public static IReadOnlyList<StakeholderGroup> UnplannedUserGroups(CoCreationFacts facts) =>
        facts.Groups.Where(g => UserKinds.Contains(g.Kind)).Where(g => facts.Plan.All(p => p.GroupId != g.Id)).ToList();

    public static bool HasUserGroup(CoCreationFacts facts) => facts.Groups.Any(g => UserKinds.Contains(g.Kind));

    /// <summary>The planned involvements before closure neither held at the planned level nor explained.</summary>
    public static IReadOnlyList<PlannedAgainstAchieved> Unaccounted(CoCreationFacts facts) =>
        facts.Summary.Plan.Where(p => AccountedAtBp4.Contains(p.Phase) && !p.Accounted).ToList();

    /// <summary>
    /// A new plan may change what is intended from the current phase on, never what was intended for a phase already left:
    /// the plan a project is held to account against is the plan it had then.
    /// </summary>
    public static DomainError? CheckReplan(IReadOnlyList<PlannedInvolvement> current, IReadOnlyList<PlannedInvolvement> proposed, Phase phase)
    {
        static IEnumerable<(Guid, Phase, InvolvementLevel, CoCreationPurpose)> Passed(IEnumerable<PlannedInvolvement> plan, Phase phase) =>
            plan.Where(p => !MayReplan(p.Phase, phase)).Select(p => (p.GroupId, p.Phase, p.Level, p.Purpose)).Order();

        return Passed(current, phase).SequenceEqual(Passed(proposed, phase))
            ? null
            : DomainError.Conflict("co-creation-phase-passed", "A passed phase's plan is kept",
                "The plan for a phase the project has left cannot change; explain a gap instead.");
    }

    /// <summary>Whether what is planned for a phase may still change: from the project's current phase on, never for one left.</summary>
    public static bool MayReplan(Phase plannedPhase, Phase projectPhase) => plannedPhase >= projectPhase;

    /// <summary>Whether a gap in a phase's involvement may be explained: once the phase is reached.</summary>
    public static bool MayExplainGap(Phase plannedPhase, Phase projectPhase) => plannedPhase <= projectPhase;

    /// <summary>A gap is explained once its phase is reached: an involvement still ahead may yet be held.</summary>
    public static DomainError? CheckGapPhase(Phase plannedPhase, Phase projectPhase) =>
        MayExplainGap(plannedPhase, projectPhase)
            ? null
            : DomainError.Conflict("co-creation-not-yet", "The phase is still ahead",
                $"The involvement is planned for {plannedPhase.ToString().ToLowerInvariant()}; a gap is explained once the project has reached that phase.");

    /// <summary>An activity is recorded in a phase the project has reached, never one ahead of it.</summary>
    public static DomainError? CheckActivityPhase(Phase activityPhase, Phase projectPhase) =>
        Phases.Contains(activityPhase) && activityPhase <= projectPhase
            ? null
            : DomainError.Invalid("co-creation-phase-ahead", "Not a phase the project has reached",
                $"An activity is recorded in concept or a later phase the project has reached; the project is in {projectPhase.ToString().ToLowerInvariant()}.");

    /// <summary>The register is kept from concept (after BP1) until the project is completed.</summary>
    public static DomainError? CheckOpen(Phase phase) =>
        Phases.Contains(phase)
            ? null
            : DomainError.Conflict("co-creation-closed", "The register is not open", "The co-creation register is kept from concept (after BP1) until the project is completed.");

    /// <summary>A register names each group once, whatever the letter case.</summary>
    public static DomainError? CheckNewGroup(IEnumerable<string> registered, string name) =>
        registered.Any(g => string.Equals(g, name, StringComparison.OrdinalIgnoreCase))
            ? DomainError.Conflict("group-exists", "The group is registered", $"The project has a group named {name} already; a register names each group once.")
            : null;

    /// <summary>A gap is explained only where the group was not involved at the planned level.</summary>
    public static DomainError? CheckGap(bool met) =>
        met
            ? DomainError.Conflict("co-creation-met", "The involvement was held", "The group was involved at the planned level in that phase; there is no gap to explain.")
            : null;

    /// <summary>An input is answered once; only an answer of later is followed by another.</summary>
    public static DomainError? CheckAnswerable(InputOutcome? answered) =>
        answered is null or InputOutcome.Later
            ? null
            : DomainError.Conflict("input-answered", "The input is answered", "The input has its answer; only an answer of 'later' is followed by another.");
}
