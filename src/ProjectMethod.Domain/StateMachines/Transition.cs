namespace ProjectMethod.Domain.StateMachines;

/// <summary>A configured transition: from a state, on a trigger, to a fixed or a context-chosen destination, behind guards.</summary>
public sealed class Transition<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    internal Transition(
        TState source,
        TTrigger trigger,
        IReadOnlyList<DynamicDestination<TState>> possibleDestinations,
        Func<TContext, TState> destination,
        IReadOnlyList<Guard<TContext>> guards)
    {
        Source = source;
        Trigger = trigger;
        PossibleDestinations = possibleDestinations;
        this.destination = destination;
        Guards = guards;
    }

    private readonly Func<TContext, TState> destination;

    public TState Source { get; }

    public TTrigger Trigger { get; }

    /// <summary>Every state this transition may lead to, with its condition; one for a fixed destination.</summary>
    public IReadOnlyList<DynamicDestination<TState>> PossibleDestinations { get; }

    public IReadOnlyList<Guard<TContext>> Guards { get; }

    public bool IsDynamic => PossibleDestinations.Count > 1;

    public TState DestinationFor(TContext context)
    {
        var chosen = destination(context);
        if (!PossibleDestinations.Any(d => EqualityComparer<TState>.Default.Equals(d.State, chosen)))
        {
            throw new InvalidOperationException(
                $"Transition {Source} --{Trigger}--> chose {chosen}, which is not one of its declared destinations.");
        }

        return chosen;
    }

    public IReadOnlyList<GuardResult<TContext>> Evaluate(TContext context) =>
        Guards.Select(guard =>
        {
            var check = guard.Check(context);
            return new GuardResult<TContext>(guard, check.Met, check.Detail);
        }).ToList();
}
