using ProjectMethod.Domain.Tolerances;
using Stateless;
using Stateless.Graph;

namespace ProjectMethod.Domain.Exceptions;

/// <summary>Where an exception (avvik) stands in its lifecycle.</summary>
public enum ExceptionState
{
    /// <summary>Raised automatically by a forecast outside tolerance.</summary>
    Raised,

    /// <summary>The Project Manager has submitted the exception report.</summary>
    Reported,

    /// <summary>The steering group handed a stage exception up to the portfolio board.</summary>
    Escalated,

    Decided,

    /// <summary>Closed undecided because the project was stopped at a decision point: nothing is left to decide.</summary>
    SupersededByStop,
}

/// <summary>What the owner of the tolerance decides on an exception.</summary>
public enum ExceptionDecision
{
    /// <summary>The exception plan's plan values and tolerances become the new baseline.</summary>
    ApproveExceptionPlan,

    /// <summary>New tolerances, inside the decider's own authority.</summary>
    AdjustTolerances,

    /// <summary>The project goes to closure, closed early.</summary>
    PrematureClosure,

    /// <summary>The steering group hands a stage exception to the portfolio board.</summary>
    Escalate,
}

/// <summary>The facts the exception lifecycle's guards look at.</summary>
public sealed record ExceptionFacts(ToleranceLevel Level, ExceptionState State, bool HasReport);

/// <summary>The exception lifecycle, a Stateless machine over the exception's stored state, like the phases.</summary>
public static class ExceptionMachine
{
    public enum Trigger
    {
        Report,
        ApproveExceptionPlan,
        AdjustTolerances,
        PrematureClosure,
        Escalate,
        SupersedeByStop,
    }

    public const string NoReport = "No exception report has been submitted.";
    public const string NotAStageException = "Only a stage exception can be escalated; a project exception is already the portfolio board's.";

    public static StateMachine<ExceptionState, Trigger> Create(ExceptionFacts facts)
    {
        var state = facts.State;
        var machine = new StateMachine<ExceptionState, Trigger>(() => state, next => state = next);
        var reported = Tuple.Create<Func<bool>, string>(() => facts.HasReport, NoReport);
        var stageLevel = Tuple.Create<Func<bool>, string>(() => facts.Level == ToleranceLevel.Stage, NotAStageException);

        machine.Configure(ExceptionState.Raised)
            .Permit(Trigger.Report, ExceptionState.Reported)
            .Permit(Trigger.SupersedeByStop, ExceptionState.SupersededByStop);
        machine.Configure(ExceptionState.Reported)
            .PermitReentry(Trigger.Report)
            .PermitIf(Trigger.ApproveExceptionPlan, ExceptionState.Decided, reported)
            .PermitIf(Trigger.AdjustTolerances, ExceptionState.Decided, reported)
            .PermitIf(Trigger.PrematureClosure, ExceptionState.Decided, reported)
            .PermitIf(Trigger.Escalate, ExceptionState.Escalated, reported, stageLevel)
            .Permit(Trigger.SupersedeByStop, ExceptionState.SupersededByStop);
        machine.Configure(ExceptionState.Escalated)
            .Permit(Trigger.ApproveExceptionPlan, ExceptionState.Decided)
            .Permit(Trigger.AdjustTolerances, ExceptionState.Decided)
            .Permit(Trigger.PrematureClosure, ExceptionState.Decided)
            .Permit(Trigger.SupersedeByStop, ExceptionState.SupersededByStop);
        return machine;
    }

    /// <summary>The lifecycle as a Mermaid state diagram.</summary>
    public static string Mermaid() =>
        MermaidGraph.Format(Create(new ExceptionFacts(ToleranceLevel.Stage, ExceptionState.Raised, HasReport: true)).GetInfo());

    public static Trigger TriggerOf(ExceptionDecision decision) => decision switch
    {
        ExceptionDecision.ApproveExceptionPlan => Trigger.ApproveExceptionPlan,
        ExceptionDecision.AdjustTolerances => Trigger.AdjustTolerances,
        ExceptionDecision.PrematureClosure => Trigger.PrematureClosure,
        _ => Trigger.Escalate,
    };
}
