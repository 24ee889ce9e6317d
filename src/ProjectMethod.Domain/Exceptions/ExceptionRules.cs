using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Exceptions;

/// <summary>An exception as the rules see it: its level, state, and who reported it.</summary>
public sealed record ExceptionCase(Guid Id, ToleranceLevel Level, ExceptionState State, bool Escalated, string? ReportedBy, Guid? BenefitId = null, bool InProgramme = false);

/// <summary>Who reports and who decides an exception, and what each decision may do (DESIGN §3–4).</summary>
public static class ExceptionRules
{
    /// <summary>An exception is open until it is decided; while one is open the project is in exception.</summary>
    public static bool IsOpen(ExceptionState state) => state is ExceptionState.Raised or ExceptionState.Reported or ExceptionState.Escalated;

    /// <summary>A stop at a decision point settles an open exception: it is superseded, for nothing is left to decide.</summary>
    public static ExceptionState SupersedeByStop(ExceptionCase exception)
    {
        var machine = Machine(exception);
        machine.Fire(ExceptionMachine.Trigger.SupersedeByStop);
        return machine.State;
    }

    /// <summary>Premature closure sends a project to closure, so it is a decision only before closure (concept, planning, execution).</summary>
    public static DomainError? CheckPrematureClosure(Phase phase) =>
        phase is Phase.Concept or Phase.Planning or Phase.Execution
            ? null
            : DomainError.Conflict("premature-closure-too-late", "Premature closure too late",
                $"Premature closure sends a project to closure; a project that is {phase.ToString().ToLowerInvariant()} is past that. Decide another way, or stop it at its decision point.");

    /// <summary>The states of an open exception, for stores that filter by them.</summary>
    public static IReadOnlyList<ExceptionState> OpenStates { get; } = Enum.GetValues<ExceptionState>().Where(IsOpen).ToList();

    /// <summary>
    /// The portfolio board owns project exceptions and escalated ones — for a programme's project its programme board,
    /// one level more; the Executive owns the other stage exceptions.
    /// </summary>
    public static Decider OwnerOf(ExceptionCase exception) =>
        exception.Level == ToleranceLevel.Project || exception.Escalated
            ? exception.InProgramme ? Decider.ProgrammeBoard : Decider.PortfolioBoard
            : Decider.Executive;

    /// <summary>
    /// The Project Manager reports an exception; a benefit falling short in realisation is reported by the line — the
    /// Benefit Owner or the benefit's own owner — for the Project Manager has usually left by then.
    /// </summary>
    public static DomainError? CheckReport(ExceptionCase exception, ProjectStanding standing, Phase phase, string? benefitOwnerUserId)
    {
        var byTheLine = phase == Phase.Realisation && exception.BenefitId is not null;
        if (byTheLine && !(standing.Holds(ProjectRole.BenefitOwner) || (benefitOwnerUserId is not null && standing.Actor.UserId == benefitOwnerUserId)))
        {
            return DomainError.Forbidden("In realisation a benefit exception is reported by the Benefit Owner or the benefit's owner in the line.");
        }

        if (!byTheLine && ProjectAccess.Check(standing, ProjectAction.ReportException) is { } forbidden)
        {
            return forbidden;
        }

        return Machine(exception).CanFire(ExceptionMachine.Trigger.Report)
            ? null
            : DomainError.Conflict("exception-not-reportable", "Exception not open for a report",
                $"The exception is {exception.State.ToString().ToLowerInvariant()}; its report can no longer change.");
    }

    /// <summary>The decider of the exception, never its reporter, and a decision its state permits.</summary>
    public static Outcome<ExceptionState> CheckDecision(ExceptionCase exception, ProjectStanding standing, ExceptionDecision decision, Phase phase)
    {
        var owner = OwnerOf(exception);
        if (!ProjectAccess.Decides(standing, owner))
        {
            return DomainError.Forbidden(owner switch
            {
                Decider.PortfolioBoard => "Only the portfolio board decides a project or escalated exception.",
                Decider.ProgrammeBoard => "Only the programme board decides a project or escalated exception of a programme's project.",
                _ => "Only the Executive decides a stage exception.",
            });
        }

        if (exception.ReportedBy == standing.Actor.UserId)
        {
            return new DomainError(ErrorKind.Forbidden, "four-eyes", "Four eyes", "The person who reported an exception never decides it.");
        }

        if (decision == ExceptionDecision.PrematureClosure && CheckPrematureClosure(phase) is { } tooLate)
        {
            return tooLate;
        }

        var trigger = ExceptionMachine.TriggerOf(decision);
        var machine = Machine(exception);
        if (!machine.GetInfo().States.First(s => Equals(s.UnderlyingState, exception.State)).Transitions.Any(t => Equals(t.Trigger.UnderlyingTrigger, trigger)))
        {
            return DomainError.Conflict("exception-not-decidable", "Exception not open for this decision",
                $"An exception that is {exception.State.ToString().ToLowerInvariant()} cannot be decided with {decision}.");
        }

        if (!machine.CanFire(trigger, out var unmet))
        {
            return DomainError.Conflict("exception-not-decidable", "Exception not open for this decision", string.Join(" ", unmet));
        }

        machine.Fire(trigger);
        return machine.State;
    }

    /// <summary>
    /// The decider's own authority: the Executive sets stage tolerances inside the project tolerance; the portfolio
    /// board sets the project tolerance. Returns the limit passed, or null.
    /// </summary>
    public static string? CheckAuthority(ToleranceLevel levelSet, ToleranceSet proposed, ToleranceSet? projectTolerance)
    {
        if (levelSet == ToleranceLevel.Project)
        {
            return null;
        }

        return projectTolerance is null
            ? "There is no project tolerance to set a stage tolerance inside."
            : ToleranceRules.FirstLimitPassed(proposed, projectTolerance);
    }

    private static Stateless.StateMachine<ExceptionState, ExceptionMachine.Trigger> Machine(ExceptionCase exception) =>
        ExceptionMachine.Create(new ExceptionFacts(exception.Level, exception.State, exception.ReportedBy is not null));
}
