using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Tolerances;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.ManageByException;

/// <summary>An exception's report and its decision by the owner of the tolerance: the use cases the API and the web pages share.</summary>
public sealed class ExceptionCommands(ProjectWrites writes, Gates.GateFactsReader loader, Database database)
{
    private static readonly DomainError Missing = DomainError.NotFound("The exception was not found.");

    /// <summary>The Project Manager's exception report: cause, consequences, options and a recommendation.</summary>
    public async Task<WriteResult<ExceptionView>> ReportAsync(Guid id, Guid exceptionId, ExceptionReport request, Caller caller)
    {
        var validation = new Validation()
            .Text("cause", request.Cause, Validation.LongText)
            .Text("consequences", request.Consequences, Validation.LongText)
            .Text("recommendation", request.Recommendation, Validation.LongText)
            .That(request.Options is { Count: > 0 and <= 20 }, "options", "Give 1 to 20 options, each with its effect on business case, risks and tolerances.");
        foreach (var (option, index) in (request.Options ?? []).Select((o, i) => (o, i)))
        {
            validation.Text($"options[{index}].title", option.Title, Validation.ShortText).Text($"options[{index}].effect", option.Effect, Validation.LongText);
        }

        if (!validation.IsValid)
        {
            return WriteResult.Refused<ExceptionView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ExceptionView>(caller, id, async write =>
        {
            var exception = await Find(write, exceptionId);
            if (exception is null)
            {
                return Missing;
            }

            var benefitOwner = exception.BenefitId is { } benefitId ? (await BenefitStore.GetAsync(write.Db, id, benefitId))?.OwnerUserId : null;
            if (ExceptionRules.CheckReport(exception.ToCase(), write.Standing, write.Project.Phase, benefitOwner) is { } refused)
            {
                return refused;
            }

            var reported = exception with
            {
                State = ExceptionState.Reported,
                Report = System.Text.Json.JsonSerializer.Serialize(request, Json.Options),
                ReportedBy = write.Actor.UserId,
                ReportedAt = write.Now,
            };
            await ExceptionStore.UpdateAsync(write.Db, reported);
            write.Record(EventTypes.ExceptionReported, new ExceptionReportedData(exceptionId, request));
            return reported;
        });
        return result;
    }

    /// <summary>
    /// The decision of whoever owns the tolerance: a new baseline, adjusted tolerances, premature closure or escalation.
    /// A new baseline is laid over the current one (<see cref="ExceptionBaseline"/>): what the decision leaves out stays.
    /// </summary>
    public async Task<WriteResult<ExceptionDecisionView>> DecideAsync(Guid id, Guid exceptionId, ExceptionDecisionRequest request, Caller caller)
    {
        var validation = new Validation().Required("decision", request.Decision).Text("rationale", request.Rationale, Validation.LongText)
            .Text("publicTitle", request.PublicTitle, 500, required: false);
        var changes = ExceptionBaseline.ReadChanges(request, validation);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ExceptionDecisionView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ExceptionDecisionView>(caller, id, async write =>
        {
            var exception = await Find(write, exceptionId);
            if (exception is null)
            {
                return Missing;
            }

            var decision = request.Decision!.Value;
            var next = ExceptionRules.CheckDecision(exception.ToCase(), write.Standing, decision, write.Project.Phase);
            if (next.Error is { } refused)
            {
                return refused;
            }

            if (ToleranceInput.CheckActive(changes?.Select(c => c.Dimension) ?? [], (await write.HandbookAsync()).Dimensions, "tolerances.") is { IsValid: false } inactive)
            {
                return inactive.ToError();
            }

            var stage = exception.Stage ?? write.Project.Stage ?? 1;
            if (exception.BenefitId is { } benefitId && changes is not null)
            {
                // A benefit falling short in realisation has no stage plan: the board may only move its target and shortfall.
                if (decision == ExceptionDecision.ApproveExceptionPlan || changes.FirstOrDefault(c => c.Dimension == Dimension.Benefit) is not { } band)
                {
                    return DomainError.Invalid("benefit-exception", "Benefit exception",
                        "A benefit exception is decided with adjustTolerances naming the benefit's new target (tolerances.benefit.plan) and allowed shortfall (tolerances.benefit.lower), or with prematureClosure.");
                }

                if (await RetargetAsync(write, benefitId, band.Plan, band.Below) is { } invalid)
                {
                    return invalid;
                }
            }
            else if (changes is not null)
            {
                var proposal = await ExceptionBaseline.ProposeAsync(write.Db, id, exception, stage, changes, request.Plan, write.Actor.UserId, write.Now);
                if ((proposal.Error ?? await SetBaseline(write, proposal.Value!, database)) is { } outside)
                {
                    return outside;
                }
            }

            var decided = exception with
            {
                State = next.Value,
                Escalated = exception.Escalated || decision == ExceptionDecision.Escalate,
                Decision = decision == ExceptionDecision.Escalate ? null : decision,
                Rationale = request.Rationale!.Trim(),
                DecidedBy = decision == ExceptionDecision.Escalate ? null : write.Actor.UserId,
                DecidedAt = decision == ExceptionDecision.Escalate ? null : write.Now,
                Exemption = request.Exemption ?? exception.Exemption,
                PublicTitle = request.PublicTitle?.Trim() is { Length: > 0 } given ? given : exception.PublicTitle,
            };
            await ExceptionStore.UpdateAsync(write.Db, decided);
            write.Record(EventTypes.ExceptionDecided,
                new ExceptionDecidedData(exceptionId, decision, decided.Rationale!, decided.State, decided.Exemption, decided.PublicTitle));
            if (exception.Owner == Domain.Phases.Decider.ProgrammeBoard && write.Project.ProgrammeId is { } programmeId)
            {
                await Programmes.ProgrammeStore.LogAsync(write.Db, programmeId, new Programmes.ProgrammeEntry(Programmes.ProgrammeEntryKind.ProjectExceptionDecided,
                    write.Project.Id, $"{write.Project.Name}: {decision.Wire()} ({ToleranceRules.Name(exception.Dimension)}) – {decided.Rationale}", write.Actor.UserId, write.Now));
            }

            if (decision == ExceptionDecision.PrematureClosure)
            {
                await CloseEarly(write, loader, exceptionId, decided.Rationale!);
            }

            var rejudged = changes is not null && exception.BenefitId is null ? await Forecasting.RejudgeLatestAsync(write, stage, await write.TolerancesAsync()) : null;
            return new ExceptionDecisionView(decided, rejudged);
        });
        return result;
    }

    /// <summary>The new baseline, inside the decider's own authority: the stage's plan and tolerances inside the project's, or the project's own.</summary>
    private static async Task<DomainError?> SetBaseline(ProjectWrite write, BaselineProposal proposal, Database database)
    {
        // A stage baseline is checked inside the Executive's authority (the project tolerance) as it is saved.
        if (proposal.Level == ToleranceLevel.Stage)
        {
            return (await StageBaselines.SaveAsync(write, proposal.Stage, proposal.TolerancesAfter, proposal.PlanAfter)).Error;
        }

        if ((await ToleranceNesting.CheckInnerAsync(write.Db, write.Project.Id, ToleranceScope.Project, proposal.TolerancesAfter)
             ?? await Programmes.ProgrammeNesting.CheckMemberAsync(database, write, proposal.TolerancesAfter)) is { } outside)
        {
            return outside;
        }

        await ToleranceStore.ReplaceAsync(write.Db, write.Project.Id, ToleranceScope.Project, proposal.TolerancesAfter, write.Actor.UserId, write.Now);
        write.Record(EventTypes.TolerancesSet, ToleranceSetView.From(proposal.TolerancesAfter, null, null));
        await Programmes.ProgrammeNesting.LogMemberTolerancesAsync(write, proposal.TolerancesAfter);
        return proposal.PlanAfter is { } plan ? (await StageBaselines.SaveAsync(write, proposal.Stage, null, plan)).Error : null;
    }

    /// <summary>The portfolio board's answer to a benefit falling short: a new target and allowed shortfall, checked like any plan.</summary>
    private static async Task<DomainError?> RetargetAsync(ProjectWrite write, Guid benefitId, decimal? newTarget, decimal? newShortfall)
    {
        var benefit = await BenefitStore.GetAsync(write.Db, write.Project.Id, benefitId)
            ?? throw new InvalidOperationException($"The exception names benefit {benefitId}, which the project does not have.");
        var (target, allowedShortfall) = (newTarget ?? benefit.TargetValue!.Value, newShortfall ?? benefit.AllowedShortfall);
        if (BenefitRules.Retarget(benefit.Plan!, target, allowedShortfall) is { } invalid)
        {
            return invalid;
        }

        await BenefitStore.RetargetAsync(write.Db, benefitId, target, allowedShortfall);
        var retargeted = benefit with { TargetValue = target, AllowedShortfall = allowedShortfall };
        await BenefitStore.InsertVersionAsync(write.Db, retargeted, null, write.Actor.UserId, write.Now);
        write.Record(EventTypes.BenefitDefined, BenefitView.From(
            retargeted, await BenefitStore.MeasurementsAsync(write.Db, write.Project.Id), write.Now.InZone(BenefitMath.Oslo).Date, write.Project.Phase));
        return null;
    }

    /// <summary>Premature closure: the project goes to closure, closed early; the closure settles its other open exceptions.</summary>
    private static async Task CloseEarly(ProjectWrite write, GateFactsReader loader, Guid exceptionId, string rationale)
    {
        foreach (var other in (await ExceptionStore.ForProjectAsync(write.Db, write.Project.Id))
                 .Where(e => e.Id != exceptionId && ExceptionRules.IsOpen(e.State)))
        {
            await ExceptionStore.UpdateAsync(write.Db, other with
            {
                State = ExceptionState.Decided, Decision = ExceptionDecision.PrematureClosure, Rationale = rationale, DecidedBy = write.Actor.UserId, DecidedAt = write.Now,
            });
            write.Record(EventTypes.ExceptionDecided, new ExceptionDecidedData(other.Id, ExceptionDecision.PrematureClosure, rationale, ExceptionState.Decided));
        }

        var facts = await loader.LoadAsync(new FactsQuery(write.Db, write.Project), write.Roles);
        var point = Gatekeeper.PointAhead(facts, null, null).Value;
        var stop = Gatekeeper.Default.Stop(facts, point);
        var open = await GateStore.OpenRequestAsync(write.Db, write.Project.Id);
        var decision = GateCommands.Made(write, stop, $"Premature closure on exception {exceptionId}: {rationale}", open, Gatekeeper.Default.Judge(facts, point), []);
        await GateStore.InsertDecisionAsync(write.Db, write.Project.Id, decision);
        await ProjectStore.UpdatePhaseAsync(write.Db, write.Project.Id, stop.To, stop.ToStage, stop.ClosedEarly);
        write.Record(EventTypes.DecisionMade, decision);
    }

    private static Task<ExceptionView?> Find(ProjectWrite write, Guid exceptionId) => ExceptionStore.GetAsync(write.Db, write.Project.Id, exceptionId);
}

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
