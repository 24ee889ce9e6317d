using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Actions;

/// <summary>
/// A follow-up action a decision carries: what is to be done, who does it and by when. It follows a gate decision or an
/// exception's decision of the project (<c>decisionId</c>), or a steering group meeting (no decisionId).
/// </summary>
public sealed record AddAction(string? What, string? OwnerUserId, LocalDate? DueOn, Guid? DecisionId = null);

/// <summary>The owner's note when the action is done.</summary>
public sealed record CompleteAction(string? Note);

/// <summary>A follow-up action as it stands; overdue when open past its day.</summary>
public sealed record ActionView(
    Guid Id, Guid? DecisionId, string What, [property: Person("owner")] string OwnerUserId, LocalDate DueOn, ActionState State, bool Overdue,
    string? Note, [property: Person] string CreatedBy, Instant CreatedAt, Instant? DoneAt);

/// <summary>The project's follow-up actions, open first by due day, then those done.</summary>
public sealed record ActionList(IReadOnlyList<ActionView> Items, int Open, int Overdue)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}
