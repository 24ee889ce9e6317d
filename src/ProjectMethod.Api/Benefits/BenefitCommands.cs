using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.Benefits;

/// <summary>Defining benefits, the Benefit Owner's review and the decision on a proposed change: the use cases the API and the web pages share.</summary>
public sealed class BenefitCommands(ProjectWrites writes, IClock clock)
{
    /// <summary>A benefit defined by the Project Manager.</summary>
    public async Task<WriteResult<BenefitView>> DefineAsync(Guid id, BenefitRequest request, Caller caller)
    {
        var result = await Save(id, null, request, caller);
        return result;
    }

    /// <summary>A benefit completed or corrected before it is baselined.</summary>
    public async Task<WriteResult<BenefitView>> RedefineAsync(Guid id, Guid benefitId, BenefitRequest request, Caller caller)
    {
        var result = await Save(id, benefitId, request, caller);
        return result;
    }

    /// <summary>The Benefit Owner's confirmation (or not) that the benefits are still realistic.</summary>
    public async Task<WriteResult<BenefitsReviewView>> ReviewAsync(Guid id, BenefitsReviewRequest request, Caller caller)
    {
        var validation = new Validation().Required("realistic", request.Realistic).Text("comment", request.Comment, Validation.LongText, required: request.Realistic == false);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<BenefitsReviewView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<BenefitsReviewView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ReviewBenefits) is { } forbidden)
            {
                return forbidden;
            }

            var review = new BenefitsReviewView(Ids.New(write.Now), write.Project.Phase, write.Project.Stage, request.Realistic!.Value, request.Comment?.Trim() ?? "",
                write.Actor.UserId, write.Now);
            await BenefitStore.InsertReviewAsync(write.Db, id, review);
            write.Record(EventTypes.BenefitsReviewed, review);
            return review;
        });
        return result;
    }

    /// <summary>A proposed change of a baselined benefit, decided by the Executive or the board.</summary>
    public async Task<WriteResult<BenefitChangeView>> DecideChangeAsync(Guid id, Guid benefitId, Guid changeId, DecideBenefitChange request, Caller caller)
    {
        var validation = new Validation().Required("decision", request.Decision).Text("rationale", request.Rationale, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<BenefitChangeView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<BenefitChangeView>(caller, id, async write =>
        {
            var benefit = await BenefitStore.GetAsync(write.Db, id, benefitId);
            var change = benefit is null ? null : (await BenefitStore.ChangesAsync(write.Db, benefitId)).FirstOrDefault(c => c.Id == changeId);
            if (benefit is null || change is null)
            {
                return DomainError.NotFound("The benefit change was not found.");
            }

            if (BenefitRules.CheckChangeDecider(write.Standing, write.Project.Phase, change.ProposedBy) is { } notDecider)
            {
                return notDecider;
            }

            if (BenefitRules.CheckChangeOpen(change.State) is { } decidedBefore)
            {
                return decidedBefore;
            }

            var approve = request.Decision == ChangeDecision.Approve;
            var decided = change with
            {
                State = approve ? BenefitChangeState.Approved : BenefitChangeState.Rejected, DecisionRationale = request.Rationale!.Trim(),
                DecidedBy = write.Actor.UserId, DecidedAt = write.Now,
            };
            await BenefitStore.DecideChangeAsync(write.Db, decided);
            if (approve)
            {
                var changed = BenefitBaselines.With(benefit, change.Proposed);
                await BenefitStore.UpdateBaselineAsync(write.Db, changed);
                await BenefitStore.InsertVersionAsync(write.Db, changed, change.Id, write.Actor.UserId, write.Now);
            }

            write.Record(EventTypes.BenefitChangeDecided, decided);
            return decided;
        });
        return result;
    }

    private async Task<WriteResult<BenefitView>> Save(Guid id, Guid? benefitId, BenefitRequest request, Caller caller)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return new WriteResult<BenefitView>(null, 0, Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<BenefitView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.DefineBenefit) is { } forbidden)
            {
                return forbidden;
            }

            if (await write.CheckKnownAsync(("ownerUserId", request.OwnerUserId)) is { } unknown)
            {
                return unknown;
            }

            if (request.OwnerUserId is { } owner && BenefitRules.CheckOwner(write.Roles, owner) is { } notOwner)
            {
                return notOwner;
            }

            var row = ToRow(benefitId ?? Ids.New(write.Now), request);
            BenefitRow? current = null;
            if (benefitId is { } known)
            {
                current = await BenefitStore.GetAsync(write.Db, id, known);
                if (current is null)
                {
                    return BenefitCommands.MissingBenefit;
                }

                if (BenefitRules.CheckRedefine(write.Project.Phase, current.Outcome is not null, BenefitBaselines.Differ(current, row)) is { } fixedNow)
                {
                    return fixedNow;
                }
            }

            await BenefitStore.SaveAsync(write.Db, id, row, write.Actor.UserId, write.Now, benefitId is null);
            if (current is null || BenefitBaselines.Differ(current, row))
            {
                await BenefitStore.InsertVersionAsync(write.Db, row, null, write.Actor.UserId, write.Now);
            }
            var view = BenefitView.From(row, await BenefitStore.MeasurementsAsync(write.Db, id), BenefitMath.Today(clock), write.Project.Phase);
            write.Record(EventTypes.BenefitDefined, view);
            return view;
        });
    }

    private static Validation Validate(BenefitRequest request)
    {
        var validation = new Validation()
            .Text("title", request.Title, Validation.ShortText)
            .Required("type", request.Type)
            .Text("ownerUnit", request.OwnerUnit, Validation.ShortText, required: false)
            .Text("ownerUserId", request.OwnerUserId, Validation.ShortText, required: false)
            .Text("indicator", request.Indicator, Validation.ShortText)
            .Text("unit", request.Unit, 50)
            .That(request.MeasurementInterval is not null, "measurementInterval", "measurementInterval is required, such as P3M.")
            .That(request.Baseline is null || (request.Baseline.Value is not null && request.Baseline.Date is not null), "baseline", "A baseline has a value and a date.")
            .That(request.Target is null || (request.Target.Value is not null && request.Target.Date is not null), "target", "A target has a value and a date.")
            .That(request.Beneficiaries is null || request.Beneficiaries.Distinct().Count() == request.Beneficiaries.Count, "beneficiaries", "Each beneficiary is named once.")
            .Text("targetGroup", request.TargetGroup, Validation.ShortText, required: false);
        Point? Of(PointRequest? p) => p is { Value: { } v, Date: { } d } ? new Point(d, v) : null;
        foreach (var (field, message) in BenefitRules.CheckPlan(Of(request.Baseline), Of(request.Target), request.AllowedShortfall ?? 0, request.MeasurementInterval))
        {
            validation.Add(field, message);
        }

        return validation;
    }

    private static BenefitRow ToRow(Guid id, BenefitRequest request) => new()
    {
        Id = id,
        Title = request.Title!.Trim(),
        Type = request.Type!.Value,
        OwnerUnit = request.OwnerUnit?.Trim(),
        OwnerUserId = request.OwnerUserId?.Trim(),
        Indicator = request.Indicator!.Trim(),
        Unit = request.Unit!.Trim(),
        BaselineValue = request.Baseline?.Value,
        BaselineDate = request.Baseline?.Date,
        TargetValue = request.Target?.Value,
        TargetDate = request.Target?.Date,
        AllowedShortfall = request.AllowedShortfall ?? 0,
        MeasurementInterval = NodaTime.Text.PeriodPattern.NormalizingIso.Format(request.MeasurementInterval!),
        Beneficiaries = System.Text.Json.JsonSerializer.Serialize((request.Beneficiaries ?? []).Order().ToList(), Json.Options),
        TargetGroup = request.TargetGroup?.Trim() is { Length: > 0 } group ? group : null,
    };

    internal static readonly DomainError MissingBenefit = DomainError.NotFound("The benefit was not found.");

    /// <summary>
    /// A measurement of a benefit by its owner in the line or the Benefit Owner, with the benefit's figures after it and, in
    /// realisation, the board's exception when the forecast falls short.
    /// </summary>
    public async Task<WriteResult<MeasurementResult>> RegisterAsync(Guid id, Guid benefitId, MeasurementRequest request, Caller caller)
    {
        var validation = new Validation().Required("date", request.Date).Required("value", request.Value)
            .That(request.Value is null or (> -1_000_000_000_000m and < 1_000_000_000_000m), "value", "value is out of range.")
            .Text("comment", request.Comment, Validation.LongText, required: false);
        if (!validation.IsValid)
        {
            return new WriteResult<MeasurementResult>(default, 0, Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<MeasurementResult>(caller, id, async write =>
        {
            var benefit = await BenefitStore.GetAsync(write.Db, id, benefitId);
            if (benefit is null)
            {
                return MissingBenefit;
            }

            if (ProjectAccess.CheckMeasurer(write.Standing, benefit.OwnerUserId) is { } forbidden)
            {
                return forbidden;
            }

            if (BenefitRules.CheckMeasurable(write.Project.Phase, benefit.Plan is not null, benefit.Outcome is not null) is { } notMeasurable)
            {
                return notMeasurable;
            }

            var plan = benefit.Plan!;

            var today = BenefitMath.Today(clock);
            if (BenefitRules.CheckMeasurement(plan, request.Date!.Value, today) is { } invalid)
            {
                return DomainError.Invalid("validation", "Invalid request", invalid.Message)
                    with { Extensions = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] } } };
            }

            var measurement = new MeasurementView
            {
                Id = Ids.New(write.Now), BenefitId = benefitId, Date = request.Date.Value, Value = request.Value!.Value,
                Comment = request.Comment?.Trim() ?? "", RecordedBy = write.Actor.UserId, RecordedAt = write.Now,
            };
            await BenefitStore.InsertMeasurementAsync(write.Db, measurement);
            write.Record(EventTypes.BenefitMeasured, measurement);
            var view = BenefitView.From(benefit, await BenefitStore.MeasurementsAsync(write.Db, id), today, write.Project.Phase);
            var raised = write.Project.Phase == Phase.Realisation ? await RaiseIfShortAsync(write, benefit, plan, view) : [];
            return new MeasurementResult(measurement, view, raised);
        });
    }

    /// <summary>In realisation the line owns the benefit: a forecast short of target − shortfall is the portfolio board's exception.</summary>
    private static async Task<IReadOnlyList<ExceptionView>> RaiseIfShortAsync(ProjectWrite write, BenefitRow benefit, BenefitPlan plan, BenefitView view)
    {
        if (view.Figures?.ForecastAtTarget is not { } forecast || !BenefitMath.FallsShort(plan, forecast))
        {
            return [];
        }

        var evaluation = BenefitMath.AgainstTarget(plan, forecast);
        var open = await ExceptionStore.OpenBreachesAsync(write.Db, write.Project.Id);
        var breaches = Breaches.ToRaise(ToleranceLevel.Project, null, benefit.Id, [evaluation], open);
        if (breaches.Count == 0)
        {
            return [];
        }

        var forecastId = Ids.New(write.Now);
        var values = new Dictionary<Dimension, decimal> { [Dimension.Benefit] = forecast };
        await ForecastStore.InsertAsync(write.Db, new ForecastRecord(forecastId, write.Project.Id, ForecastLevel.Benefit, 0, null, values, null,
            $"Benefit {benefit.Title}: forecast at the target date.", new EvaluationView([], [DimensionView.From(evaluation)], null), write.Actor.UserId, write.Now));
        return await ExceptionStore.RaiseAsync(write, breaches, forecastId);
    }

    /// <summary>A change to a benefit's baseline, target or allowed shortfall proposed, for the decider to answer.</summary>
    public async Task<WriteResult<BenefitChangeView>> ProposeChangeAsync(Guid id, Guid benefitId, ProposeBenefitChange request, Caller caller)
    {
        var validation = new Validation().Text("rationale", request.Rationale, Validation.LongText)
            .That(request.Proposed is not null, "proposed", "proposed names the new baseline, target or allowed shortfall.")
            .That(request.Proposed?.Baseline is null || (request.Proposed.Baseline.Value is not null && request.Proposed.Baseline.Date is not null), "proposed.baseline", "A baseline has a value and a date.")
            .That(request.Proposed?.Target is null || (request.Proposed.Target.Value is not null && request.Proposed.Target.Date is not null), "proposed.target", "A target has a value and a date.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<BenefitChangeView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<BenefitChangeView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ProposeBenefitChange) is { } forbidden)
            {
                return forbidden;
            }

            var benefit = await BenefitStore.GetAsync(write.Db, id, benefitId);
            if (benefit is null)
            {
                return MissingBenefit;
            }

            var pending = (await BenefitStore.ChangesAsync(write.Db, benefitId)).Any(c => c.State == BenefitChangeState.Proposed);
            if (BenefitRules.CheckChangeProposable(write.Project.Phase, benefit.Outcome is not null, pending) is { } notProposable)
            {
                return notProposable;
            }

            var proposedBaseline = request.Proposed!;
            var proposed = new BenefitBaselineView(
                proposedBaseline.Baseline is { Value: { } bv, Date: { } bd } ? new PointView(bv, bd) : null,
                proposedBaseline.Target is { Value: { } tv, Date: { } td } ? new PointView(tv, td) : null,
                proposedBaseline.AllowedShortfall ?? benefit.AllowedShortfall);
            var changed = BenefitBaselines.With(benefit, proposed);
            if (!BenefitBaselines.Differ(benefit, changed))
            {
                return DomainError.Invalid("no-change", "Nothing changes", "The proposal leaves the baseline, target and allowed shortfall as they are.");
            }

            if (changed.Plan is { } plan && BenefitRules.CheckPlan(plan.Baseline, plan.Target, plan.AllowedShortfall, plan.MeasurementInterval) is { Count: > 0 } broken)
            {
                return DomainError.Invalid("validation", "Invalid request", string.Join(" ", broken.Select(b => b.Message)))
                    with { Extensions = new Dictionary<string, object?> { ["errors"] = broken.GroupBy(b => "proposed." + b.Field).ToDictionary(g => g.Key, g => g.Select(b => b.Message).ToArray()) } };
            }

            var change = new BenefitChangeView
            {
                Id = Ids.New(write.Now), BenefitId = benefitId, Proposed = BenefitBaselines.View(changed), Rationale = request.Rationale!.Trim(),
                State = BenefitChangeState.Proposed, ProposedBy = write.Actor.UserId, ProposedAt = write.Now,
            };
            await BenefitStore.InsertChangeAsync(write.Db, id, change);
            write.Record(EventTypes.BenefitChangeProposed, change);
            return change;
        });
    }

    /// <summary>The benefit's one final evaluation, in closure or realisation.</summary>
    public async Task<WriteResult<BenefitView>> EvaluateAsync(Guid id, Guid benefitId, EvaluationRequest request, Caller caller)
    {
        var validation = new Validation().Required("outcome", request.Outcome).Text("explanation", request.Explanation, Validation.LongText, min: 10);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<BenefitView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<BenefitView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.EvaluateBenefit) is { } forbidden)
            {
                return forbidden;
            }

            var benefit = await BenefitStore.GetAsync(write.Db, id, benefitId);
            if (benefit is null)
            {
                return MissingBenefit;
            }

            if (BenefitRules.CheckEvaluable(write.Project.Phase, benefit.Outcome is not null) is { } notEvaluable)
            {
                return notEvaluable;
            }

            var evaluated = benefit with { Outcome = request.Outcome, Explanation = request.Explanation!.Trim(), EvaluatedBy = write.Actor.UserId, EvaluatedAt = write.Now };
            await BenefitStore.EvaluateAsync(write.Db, evaluated);
            write.Record(EventTypes.BenefitEvaluated, new BenefitEvaluatedData(benefitId, evaluated.Outcome, evaluated.Explanation));
            return BenefitView.From(evaluated, await BenefitStore.MeasurementsAsync(write.Db, id), BenefitMath.Today(clock), write.Project.Phase);
        });
    }
}
