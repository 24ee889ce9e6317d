using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Exceptions;

/// <summary>An exception's report and its decision by the owner of the tolerance: the use cases the API and the web pages share.</summary>
public sealed class ExceptionCommands(ProjectWrites writes, Gates.GateFactsLoader loader)
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
        var validation = new Validation().Required("decision", request.Decision).Text("rationale", request.Rationale, Validation.LongText);
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
                if ((proposal.Error ?? await SetBaseline(write, proposal.Value!)) is { } outside)
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
            };
            await ExceptionStore.UpdateAsync(write.Db, decided);
            write.Record(EventTypes.ExceptionDecided, new ExceptionDecidedData(exceptionId, decision, decided.Rationale!, decided.State));

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
    private static async Task<DomainError?> SetBaseline(ProjectWrite write, BaselineProposal proposal)
    {
        // A stage baseline is checked inside the Executive's authority (the project tolerance) as it is saved.
        if (proposal.Level == ToleranceLevel.Stage)
        {
            return (await StageBaselines.SaveAsync(write, proposal.Stage, proposal.TolerancesAfter, proposal.PlanAfter)).Error;
        }

        if (await ToleranceNesting.CheckInnerAsync(write.Db, write.Project.Id, ToleranceScope.Project, proposal.TolerancesAfter) is { } innerOutside)
        {
            return innerOutside;
        }

        await ToleranceStore.ReplaceAsync(write.Db, write.Project.Id, ToleranceScope.Project, proposal.TolerancesAfter, write.Actor.UserId, write.Now);
        write.Record(EventTypes.TolerancesSet, ToleranceSetView.From(proposal.TolerancesAfter, null, null));
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
    private static async Task CloseEarly(ProjectWrite write, GateFactsLoader loader, Guid exceptionId, string rationale)
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
