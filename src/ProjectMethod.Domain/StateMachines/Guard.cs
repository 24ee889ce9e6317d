namespace ProjectMethod.Domain.StateMachines;

/// <summary>The answer a guard gives for one context: met or not, and why.</summary>
public readonly record struct GuardCheck(bool Met, string? Detail = null)
{
    public static GuardCheck Pass(string? detail = null) => new(true, detail);

    public static GuardCheck Fail(string detail) => new(false, detail);
}

/// <summary>A named condition on a guarded transition. Its description is what callers report when it is unmet.</summary>
public sealed record Guard<TContext>(string Id, string Description, Func<TContext, GuardCheck> Check, string? Category = null);

public static class Guards
{
    /// <summary>A plain boolean guard, identified by its description.</summary>
    public static Guard<TContext> From<TContext>(Func<TContext, bool> condition, string description) =>
        new(description, description, context => new GuardCheck(condition(context)));
}

/// <summary>One guard evaluated against one context.</summary>
public sealed record GuardResult<TContext>(Guard<TContext> Guard, bool Met, string? Detail);
