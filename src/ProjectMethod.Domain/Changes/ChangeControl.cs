using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Changes;

/// <summary>What an entry of the issue register is (PRINCE2's three types of issue).</summary>
public enum ChangeKind
{
    /// <summary>Endringsønske: a proposal to change a baseline.</summary>
    RequestForChange,

    /// <summary>Avvik fra spesifikasjon: something the project will or did deliver that does not meet its specification.</summary>
    OffSpecification,

    /// <summary>Problem eller bekymring: anything else the Project Manager must resolve or escalate.</summary>
    Problem,
}

/// <summary>Where an issue stands.</summary>
public enum ChangeState
{
    Open,
    Deferred,

    /// <summary>Approved: its baseline change, if any, is the new baseline.</summary>
    Approved,
    Rejected,

    /// <summary>Approved, but its baseline change would take the stage or project outside tolerance: an exception was raised instead.</summary>
    Escalated,
}

/// <summary>The change authority's answer.</summary>
public enum ChangeOutcome
{
    Approve,
    Reject,
    Defer,
}

/// <summary>What an issue would change: the stage's planned end and budget, and the products in scope.</summary>
public sealed record BaselineImpact(int Days, decimal Cost, int ProductsAdded, int ProductsRemoved)
{
    public bool ChangesBaseline => Days != 0 || Cost != 0 || ProductsAdded > 0 || ProductsRemoved > 0;
}

/// <summary>
/// The person the Executive names to decide issues in their stead, and the limits they decide within: the cost (NOK)
/// and the days an issue may move the stage's budget and planned end, either way.
/// </summary>
public sealed record ChangeAuthority(string UserId, decimal CostLimit, int DaysLimit)
{
    public bool Covers(BaselineImpact impact) => Math.Abs(impact.Cost) <= CostLimit && Math.Abs(impact.Days) <= DaysLimit;
}

/// <summary>
/// Change control (P4, DESIGN §4): anyone with a role raises an issue; the change authority — the Executive, a person
/// the Executive names within limits, or the portfolio board above them — decides it, never the one who raised it.
/// An approved baseline change moves the stage plan and the products as one change, judged against the tolerances.
/// </summary>
public static class ChangeRules
{
    /// <summary>Anyone holding a role on the project raises an issue, while the project is not closed.</summary>
    public static DomainError? CheckRaise(ProjectStanding standing, Phase phase)
    {
        if (!standing.HasAnyRole)
        {
            return DomainError.Forbidden("Only someone with a role on the project raises an issue.");
        }

        return phase is Phase.Completed or Phase.Realisation or Phase.Rejected
            ? DomainError.Conflict("project-closed", "The project is closed to changes", $"A project in {WireNames.Of(phase)} takes no new issues.")
            : null;
    }

    /// <summary>
    /// Who decides: never the one who raised it; the Executive and the portfolio board always; the named change authority
    /// only within the limits the Executive set.
    /// </summary>
    public static DomainError? CheckDecider(ProjectStanding standing, string raisedBy, ChangeAuthority? authority, BaselineImpact impact)
    {
        if (standing.Actor.UserId == raisedBy)
        {
            return DomainError.Forbidden("The one who raised an issue does not decide it (four eyes).");
        }

        if (standing.Holds(ProjectRole.Executive) || standing.Actor.IsPortfolioBoard)
        {
            return null;
        }

        if (authority is null || authority.UserId != standing.Actor.UserId)
        {
            return DomainError.Forbidden("Only the change authority decides an issue: the Executive, the person the Executive named, or the portfolio board.");
        }

        return authority.Covers(impact)
            ? null
            : DomainError.Forbidden(
                $"The issue moves the stage by {impact.Days} days and {impact.Cost:0.##} NOK; the change authority decides within {authority.DaysLimit} days and {authority.CostLimit:0.##} NOK. The Executive decides this one.");
    }

    /// <summary>An open or deferred issue is decided; a decided one stays decided.</summary>
    public static DomainError? CheckUndecided(ChangeState state) =>
        state is ChangeState.Open or ChangeState.Deferred
            ? null
            : DomainError.Conflict("change-decided", "Issue already decided", $"The issue is {WireNames.Of(state)}.");

    /// <summary>A baseline change is approved only while a stage is under way, with its plan: it moves that plan.</summary>
    public static DomainError? CheckApprovable(BaselineImpact impact, Phase phase, int? stage, bool stagePlanned) =>
        !impact.ChangesBaseline || (phase == Phase.Execution && stage is not null && stagePlanned)
            ? null
            : DomainError.Conflict("change-needs-stage", "No stage plan to change",
                "An issue that moves the planned end, the budget or the products is approved while a planned stage is under way; reject or defer it until then.");

    /// <summary>
    /// The value a baseline change is judged at on one dimension: the plan or the newest forecast, whichever lies further
    /// the way the change moves it, moved by the change — a change is outside tolerance if either the new plan or the
    /// stage's expected outcome would be.
    /// </summary>
    public static decimal Judged(decimal plan, decimal? forecast, decimal shift) =>
        (forecast is { } expected ? (shift >= 0 ? Math.Max(expected, plan) : Math.Min(expected, plan)) : plan) + shift;

    /// <summary>
    /// An approved change moves the plan value while the limits stay where they were: the change uses up tolerance, it
    /// does not carry the band along, so many small changes cannot creep past what the owner of the tolerance allowed.
    /// </summary>
    public static Tolerance Moved(Tolerance tolerance, decimal shift) =>
        tolerance with { Plan = tolerance.Plan + shift, Below = tolerance.Below + shift, Above = tolerance.Above - shift };
}
