using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.CoCreation;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.CoCreation;

/// <summary>A stakeholder group: a group, never named people. <c>hardToReach</c> marks a group that is usually not heard.</summary>
public sealed record StakeholderGroupRequest(string? Name, GroupKind? Kind, bool? HardToReach, string? Notes = null);

public sealed record StakeholderGroupView
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required GroupKind Kind { get; init; }

    public required bool HardToReach { get; init; }

    public required string Notes { get; init; }

    [Person]
    public required string RecordedBy { get; init; }

    public required Instant RecordedAt { get; init; }

    public StakeholderGroup ToDomain() => new(Id, Name, Kind, HardToReach);
}

/// <summary>How one group is to be involved in one phase, and why.</summary>
public sealed record PlanEntryRequest(Guid? GroupId, Phase? Phase, InvolvementLevel? Level, CoCreationPurpose? Purpose);

/// <summary>The whole co-creation plan: it replaces the plan before it, except what was planned for the phases already left.</summary>
public sealed record CoCreationPlanRequest(IReadOnlyList<PlanEntryRequest>? Entries);

public sealed record PlanEntryView
{
    public required Guid GroupId { get; init; }

    public required Phase Phase { get; init; }

    public required InvolvementLevel Level { get; init; }

    public required CoCreationPurpose Purpose { get; init; }

    /// <summary>Why the planned level was not reached, once the Project Manager has explained it.</summary>
    public string? GapExplanation { get; init; }

    public PlannedInvolvement ToDomain() => new(GroupId, Phase, Level, Purpose, GapExplanation);
}

/// <summary>The co-creation plan: each group's intended involvement per phase.</summary>
public sealed record CoCreationPlanView(IReadOnlyList<PlanEntryView> Entries);

/// <summary>Why a planned involvement was not held at the planned level.</summary>
public sealed record GapExplanationRequest(Guid? GroupId, Phase? Phase, string? Explanation);

/// <summary>How many of a group took part in an activity (0: invited, nobody came).</summary>
public sealed record ParticipationRequest(Guid? GroupId, int? Participants);

public sealed record ActivityRequest(
    LocalDate? Date, ActivityKind? Kind, Phase? Phase, InvolvementLevel? Level, IReadOnlyList<ParticipationRequest>? Groups, string? Summary);

public sealed record ActivityView
{
    public required Guid Id { get; init; }

    public required LocalDate Date { get; init; }

    public required ActivityKind Kind { get; init; }

    public required Phase Phase { get; init; }

    public required InvolvementLevel Level { get; init; }

    public required IReadOnlyList<Participation> Groups { get; init; }

    public required string Summary { get; init; }

    [Person]
    public required string RecordedBy { get; init; }

    public required Instant RecordedAt { get; init; }

    public CoCreationActivity ToDomain() => new(Id, Date, Kind, Phase, Level, Groups);
}

/// <summary>What a group said at an activity.</summary>
public sealed record InputRequest(string? Text, Guid? GroupId);

/// <summary>"We did": what became of an input, with the product or decision it led to when there is one.</summary>
public sealed record InputResponseRequest(InputOutcome? Outcome, string? Explanation, Guid? ProductId = null, Guid? DecisionId = null);

public sealed record InputResponseView(InputOutcome Outcome, string Explanation, Guid? ProductId, Guid? DecisionId, [property: Person] string RespondedBy, Instant RespondedAt);

public sealed record InputView
{
    public required Guid Id { get; init; }

    public required Guid ActivityId { get; init; }

    public required Guid GroupId { get; init; }

    public required string Text { get; init; }

    /// <summary>The day it was said: the activity's date.</summary>
    public required LocalDate Received { get; init; }

    /// <summary>Without a response by this day, the input is overdue.</summary>
    public LocalDate AnswerBy => Received.PlusDays(CoCreationSummary.AnswerWithinDays);

    [Person]
    public required string RecordedBy { get; init; }

    public required Instant RecordedAt { get; init; }

    public InputResponseView? Response { get; init; }

    public CoCreationInput ToDomain() => new(Id, ActivityId, GroupId, Received, Response?.Outcome);
}

/// <summary>A project's co-creation register and what it came to.</summary>
public sealed record CoCreationRegister(
    IReadOnlyList<StakeholderGroupView> Groups, IReadOnlyList<PlanEntryView> Plan, IReadOnlyList<ActivityView> Activities,
    IReadOnlyList<InputView> Inputs, CoCreationSummary Summary)
{
    public static CoCreationRegister Of(
        IReadOnlyList<StakeholderGroupView> groups, IReadOnlyList<PlanEntryView> plan, IReadOnlyList<ActivityView> activities,
        IReadOnlyList<InputView> inputs, LocalDate today) =>
        new(groups, plan, activities, inputs, CoCreationSummary.Of(
            groups.Select(g => g.ToDomain()).ToList(), plan.Select(p => p.ToDomain()).ToList(),
            activities.Select(a => a.ToDomain()).ToList(), inputs.Select(i => i.ToDomain()).ToList(), today));

    public CoCreationFacts ToFacts() => new(Groups.Select(g => g.ToDomain()).ToList(), Plan.Select(p => p.ToDomain()).ToList(), Summary);
}
