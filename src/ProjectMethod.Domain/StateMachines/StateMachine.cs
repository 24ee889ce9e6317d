namespace ProjectMethod.Domain.StateMachines;

/// <summary>
/// A declarative state machine that holds rules only: states, permitted triggers and guarded transitions.
/// The current state is passed in by the caller (it lives in the database), never kept here.
/// </summary>
public sealed class StateMachine<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger, TContext>> states = [];

    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state)
    {
        if (!states.TryGetValue(state, out var configuration))
        {
            configuration = new StateConfiguration<TState, TTrigger, TContext>(state);
            states.Add(state, configuration);
        }

        return configuration;
    }

    public IEnumerable<Transition<TState, TTrigger, TContext>> Transitions =>
        states.Values.SelectMany(s => s.Transitions);

    /// <summary>The transition configured for a trigger in a state, or null when the state does not permit it at all.</summary>
    public Transition<TState, TTrigger, TContext>? TransitionFor(TState state, TTrigger trigger) =>
        states.TryGetValue(state, out var configuration)
            ? configuration.Transitions.FirstOrDefault(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger))
            : null;

    /// <summary>Triggers the state permits at all, guarded or not.</summary>
    public IReadOnlyList<TTrigger> ConfiguredTriggers(TState state) =>
        states.TryGetValue(state, out var configuration)
            ? configuration.Transitions.Select(t => t.Trigger).ToList()
            : [];

    /// <summary>Triggers whose guards all hold for this context.</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers(TState state, TContext context) =>
        ConfiguredTriggers(state).Where(trigger => CanFire(state, trigger, context, out _)).ToList();

    public bool CanFire(TState state, TTrigger trigger, TContext context, out IReadOnlyList<GuardResult<TContext>> unmetGuards)
    {
        var transition = TransitionFor(state, trigger);
        if (transition is null)
        {
            unmetGuards = [];
            return false;
        }

        unmetGuards = transition.Evaluate(context).Where(r => !r.Met).ToList();
        return unmetGuards.Count == 0;
    }

    /// <summary>Evaluates the guards once: the destination when they all hold, otherwise the unmet ones.</summary>
    public bool TryFire(TState state, TTrigger trigger, TContext context, out TState destination, out IReadOnlyList<GuardResult<TContext>> unmetGuards)
    {
        destination = state;
        var transition = TransitionFor(state, trigger);
        if (transition is null)
        {
            unmetGuards = [];
            return false;
        }

        unmetGuards = transition.Evaluate(context).Where(r => !r.Met).ToList();
        if (unmetGuards.Count > 0)
        {
            return false;
        }

        destination = transition.DestinationFor(context);
        return true;
    }

    /// <summary>The destination of firing the trigger; throws when the state does not permit it or a guard is unmet.</summary>
    public TState Fire(TState state, TTrigger trigger, TContext context)
    {
        var transition = TransitionFor(state, trigger)
            ?? throw new InvalidTransitionException($"{state} does not permit {trigger}.");
        var unmet = transition.Evaluate(context).Where(r => !r.Met).ToList();
        if (unmet.Count > 0)
        {
            throw new InvalidTransitionException(
                $"{state} --{trigger}--> is guarded; unmet: {string.Join("; ", unmet.Select(u => u.Guard.Description))}.");
        }

        return transition.DestinationFor(context);
    }

    public string ToMermaid() => GraphExport.Mermaid(this);

    public string ToDot() => GraphExport.Dot(this);
}

/// <summary>Firing a trigger that the current state does not permit, or whose guards are unmet.</summary>
public sealed class InvalidTransitionException(string message) : InvalidOperationException(message);
