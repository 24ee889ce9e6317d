using Stateless;
using Stateless.Graph;

namespace ProjectMethod.Domain.Products;

/// <summary>Where a product (produkt) stands, from its description to its acceptance by the user side (P6).</summary>
public enum ProductState
{
    /// <summary>The description is being written by the Project Manager.</summary>
    Draft,

    /// <summary>The user side (the acceptor or the Executive) agreed what will be delivered.</summary>
    Approved,

    /// <summary>Submitted for quality review.</summary>
    InReview,

    /// <summary>The quality responsible found it meets its quality criteria.</summary>
    Passed,

    /// <summary>The quality responsible found defects; it goes back to review after rework.</summary>
    Failed,

    /// <summary>The acceptor (a Senior User) accepted it. Final.</summary>
    Accepted,

    /// <summary>Removed from scope by a decision of the Executive or the portfolio board. Final.</summary>
    RemovedFromScope,
}

/// <summary>The facts the product lifecycle's guards look at.</summary>
public sealed record ProductConditions(ProductState State, bool PartsSettled);

/// <summary>The product lifecycle, a Stateless machine over the product's stored state, like the phases.</summary>
public static class ProductMachine
{
    public enum Trigger
    {
        Approve,
        Submit,
        Pass,
        Fail,
        Accept,
        Reject,
        Remove,
    }

    public const string PartsOpen = "A composite product is accepted only when every part of it is accepted or removed from scope.";

    public static StateMachine<ProductState, Trigger> Create(ProductConditions facts)
    {
        var state = facts.State;
        var machine = new StateMachine<ProductState, Trigger>(() => state, next => state = next);
        var partsSettled = Tuple.Create<Func<bool>, string>(() => facts.PartsSettled, PartsOpen);

        machine.Configure(ProductState.Draft)
            .Permit(Trigger.Approve, ProductState.Approved)
            .Permit(Trigger.Remove, ProductState.RemovedFromScope);
        machine.Configure(ProductState.Approved)
            .Permit(Trigger.Submit, ProductState.InReview)
            .Permit(Trigger.Remove, ProductState.RemovedFromScope);
        machine.Configure(ProductState.InReview)
            .Permit(Trigger.Pass, ProductState.Passed)
            .Permit(Trigger.Fail, ProductState.Failed)
            .Permit(Trigger.Remove, ProductState.RemovedFromScope);
        machine.Configure(ProductState.Failed)
            .Permit(Trigger.Submit, ProductState.InReview)
            .Permit(Trigger.Remove, ProductState.RemovedFromScope);
        machine.Configure(ProductState.Passed)
            .PermitIf(Trigger.Accept, ProductState.Accepted, partsSettled)
            .Permit(Trigger.Reject, ProductState.InReview)
            .Permit(Trigger.Remove, ProductState.RemovedFromScope);
        return machine;
    }

    /// <summary>The lifecycle as a Mermaid state diagram.</summary>
    public static string Mermaid() => MermaidGraph.Format(Create(new ProductConditions(ProductState.Draft, PartsSettled: true)).GetInfo());

    /// <summary>Accepted and removed products never change again.</summary>
    public static bool IsFinal(ProductState state) => state is ProductState.Accepted or ProductState.RemovedFromScope;
}
