using NodaTime;

namespace ProjectMethod.Domain.Gates;

/// <summary>Where a follow-up action stands.</summary>
public enum ActionState
{
    Open,
    Done,
}

/// <summary>The follow-up of decisions: what was decided to be done, by whom and by when.</summary>
public static class DecisionActions
{
    /// <summary>An open action past its day is overdue.</summary>
    public static bool IsOverdue(ActionState state, LocalDate dueOn, LocalDate today) => state == ActionState.Open && dueOn < today;

    /// <summary>The owner marks their own action done, once.</summary>
    public static DomainError? CheckDone(string actor, string owner, ActionState state)
    {
        if (actor != owner)
        {
            return DomainError.Forbidden($"Only the action's owner, {owner}, marks it done.");
        }

        return state == ActionState.Done
            ? DomainError.Conflict("action-done", "Action already done", "The action is already marked done.")
            : null;
    }
}
