using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Exceptions;

/// <summary>The baseline an exception decision would leave: the tolerances of the exception's level and the stage's plan, before and after.</summary>
public sealed record BaselineProposal(
    ToleranceLevel Level, int Stage, ToleranceSet? TolerancesBefore, ToleranceSet TolerancesAfter, StagePlanView? PlanBefore, StagePlanView? PlanAfter)
{
    public IReadOnlyList<ToleranceDifference> Differences => ToleranceChanges.Compare(TolerancesBefore, TolerancesAfter);

    /// <summary>What the baseline after would be, in a few characters: a decider confirms the one they were shown.</summary>
    public string Fingerprint
    {
        get
        {
            var text = string.Join(";", TolerancesAfter.ByDimension.Values.OrderBy(t => t.Dimension).Select(t => FormattableString.Invariant($"{t.Dimension}:{t.Plan}:{t.Below}:{t.Above}")))
                + (PlanAfter is { } plan ? FormattableString.Invariant($"|{plan.PlannedEnd:uuuu-MM-dd}:{plan.Budget}:{plan.ProductsInScope}:{string.Join(",", plan.CarriedProductIds)}") : "");
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
        }
    }
}

/// <summary>
/// An exception plan or adjusted tolerances laid over the current baseline: what the decider names changes, everything
/// left out keeps its value — a dimension, a band's side, a plan field, the products the stage carries on. The decision
/// saves what this proposes; the decider's page shows it first.
/// </summary>
public static class ExceptionBaseline
{
    /// <summary>The request's changes, read and checked field by field; null where there is no new baseline.</summary>
    public static IReadOnlyList<ToleranceChange>? ReadChanges(ExceptionDecisionRequest request, Validation validation)
    {
        if (request.Decision == ExceptionDecision.ApproveExceptionPlan)
        {
            ValidatePlan(request.Plan, validation, "plan.");
            return request.Tolerances is null ? [] : ToleranceInput.ReadChanges(request.Tolerances, ToleranceInput.AllDimensions, validation, "tolerances.");
        }

        return request.Decision == ExceptionDecision.AdjustTolerances
            ? ToleranceInput.ReadChanges(request.Tolerances, ToleranceInput.AllDimensions, validation, "tolerances.")
            : null;
    }

    /// <summary>The baseline after the decision, from the one in the database now.</summary>
    public static async Task<Outcome<BaselineProposal>> ProposeAsync(
        DbSession db, Guid projectId, ExceptionView exception, int stage, IReadOnlyList<ToleranceChange> changes, StagePlanChange? plan, string actor, Instant now)
    {
        var scope = exception.Level == ToleranceLevel.Project ? ToleranceScope.Project : ToleranceScope.OfStage(stage);
        var tolerancesBefore = await ToleranceStore.GetAsync(db, projectId, scope);
        var planBefore = (await ToleranceStore.PlansAsync(db, projectId)).FirstOrDefault(p => p.Stage == stage);
        var after = ToleranceChanges.Apply(tolerancesBefore, exception.Level, changes);
        if (after.Error is { } refused)
        {
            // The field the decider left empty is named, as any other field fault is.
            return new Validation().That(false, $"tolerances.{refused.Extensions["dimension"]}.plan", refused.Detail).ToError();
        }

        var tolerancesAfter = after.Value!;
        if (plan is null)
        {
            return new BaselineProposal(exception.Level, stage, tolerancesBefore, tolerancesAfter, planBefore, null);
        }

        // A stage's time and cost tolerances share their plan values with its plan; the project's are the project's own.
        var stageBands = exception.Level == ToleranceLevel.Stage ? tolerancesAfter.ByDimension : new Dictionary<Dimension, Tolerance>();
        var end = plan.PlannedEnd ?? (stageBands.GetValueOrDefault(Dimension.Time) is { } time ? Dimensions.FromDayNumber(time.Plan) : planBefore?.PlannedEnd);
        var budget = plan.Budget ?? stageBands.GetValueOrDefault(Dimension.Cost)?.Plan ?? planBefore?.Budget;
        if (end is null || budget is null)
        {
            return DomainError.Invalid("plan-required", "Stage plan required",
                $"Stage {stage} has no plan yet: an exception plan states its planned end and budget.");
        }

        var planAfter = new StagePlanView(stage, end.Value, budget.Value, plan.ProductsInScope ?? planBefore?.ProductsInScope ?? 0,
            plan.Description?.Trim() ?? planBefore?.Description ?? "", plan.CarriedProductIds?.Distinct().ToList() ?? planBefore?.CarriedProductIds ?? [], actor, now);
        // The plan's end and budget are the stage's time and cost plan values (a plan given wins, as StageBaselines saves it).
        var tolerancesWithPlan = exception.Level == ToleranceLevel.Stage ? ToleranceRules.WithStagePlan(tolerancesAfter, planAfter.PlannedEnd, planAfter.Budget) : tolerancesAfter;
        return new BaselineProposal(exception.Level, stage, tolerancesBefore, tolerancesWithPlan, planBefore, planAfter);
    }

    /// <summary>An exception plan names a plan; each of its fields may be left out, and those given are checked.</summary>
    private static void ValidatePlan(StagePlanChange? request, Validation validation, string prefix)
    {
        if (request is null)
        {
            validation.Add("plan", "An exception plan is required; its fields left out keep their current values.");
            return;
        }

        ToleranceInput.ValidatePlanFields(new StagePlanRequest(request.PlannedEnd, request.Budget, request.ProductsInScope, request.Description, request.CarriedProductIds),
            validation, prefix);
    }
}
