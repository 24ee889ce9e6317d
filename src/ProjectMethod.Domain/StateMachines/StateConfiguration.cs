namespace ProjectMethod.Domain.StateMachines;

/// <summary>The fluent configuration of one state: which triggers it permits, where they lead and behind which guards.</summary>
public sealed class StateConfiguration<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly List<Transition<TState, TTrigger, TContext>> transitions = [];

    internal StateConfiguration(TState state) => State = state;

    public TState State { get; }

    internal IReadOnlyList<Transition<TState, TTrigger, TContext>> Transitions => transitions;

    public StateConfiguration<TState, TTrigger, TContext> Permit(TTrigger trigger, TState destination) =>
        PermitIf(trigger, destination, []);

    public StateConfiguration<TState, TTrigger, TContext> PermitReentry(TTrigger trigger) =>
        PermitIf(trigger, State, []);

    public StateConfiguration<TState, TTrigger, TContext> PermitIf(
        TTrigger trigger, TState destination, Func<TContext, bool> guard, string description) =>
        PermitIf(trigger, destination, [Guards.From(guard, description)]);

    public StateConfiguration<TState, TTrigger, TContext> PermitIf(
        TTrigger trigger, TState destination, IEnumerable<Guard<TContext>> guards) =>
        Add(trigger, [new DynamicDestination<TState>(destination, When: null)], _ => destination, guards);

    /// <summary>A transition whose destination the context chooses among the declared ones (Stateless: PermitDynamic).</summary>
    public StateConfiguration<TState, TTrigger, TContext> PermitDynamicIf(
        TTrigger trigger,
        Func<TContext, TState> destination,
        IReadOnlyList<DynamicDestination<TState>> possibleDestinations,
        IEnumerable<Guard<TContext>> guards)
    {
        if (possibleDestinations.Count < 2)
        {
            throw new ArgumentException("A dynamic transition declares at least two possible destinations.", nameof(possibleDestinations));
        }

        return Add(trigger, possibleDestinations, destination, guards);
    }

    private StateConfiguration<TState, TTrigger, TContext> Add(
        TTrigger trigger,
        IReadOnlyList<DynamicDestination<TState>> possibleDestinations,
        Func<TContext, TState> destination,
        IEnumerable<Guard<TContext>> guards)
    {
        if (transitions.Any(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger)))
        {
            throw new InvalidOperationException($"State {State} already permits {trigger}; one transition per trigger keeps the rules unambiguous.");
        }

        transitions.Add(new Transition<TState, TTrigger, TContext>(
            State, trigger, possibleDestinations, destination, guards.ToList()));
        return this;
    }
}

/// <summary>One destination a dynamic transition may choose, with the condition under which it does.</summary>
public sealed record DynamicDestination<TState>(TState State, string? When)
    where TState : struct, Enum;
