using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Benefits;

/// <summary>Defining benefits, the Benefit Owner's review and the decision on a proposed change: the use cases the API and the web pages share.</summary>
public static class BenefitRecords
{
    /// <summary>A benefit defined by the Project Manager.</summary>
    public static async Task<WriteResult<BenefitView>> DefineAsync(Guid id, BenefitRequest request, HttpContext http, ProjectWrites writes, IClock clock)
    {
        var result = await Save(id, null, request, http, writes, clock);
        return result;
    }

    /// <summary>A benefit completed or corrected before it is baselined.</summary>
    public static async Task<WriteResult<BenefitView>> RedefineAsync(Guid id, Guid benefitId, BenefitRequest request, HttpContext http, ProjectWrites writes, IClock clock)
    {
        var result = await Save(id, benefitId, request, http, writes, clock);
        return result;
    }

    /// <summary>The Benefit Owner's confirmation (or not) that the benefits are still realistic.</summary>
    public static async Task<WriteResult<BenefitsReviewView>> ReviewAsync(Guid id, BenefitsReviewRequest request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Required("realistic", request.Realistic).Text("comment", request.Comment, Validation.LongText, required: request.Realistic == false);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<BenefitsReviewView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<BenefitsReviewView>(http, id, async write =>
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
    public static async Task<WriteResult<BenefitChangeView>> DecideChangeAsync(Guid id, Guid benefitId, Guid changeId, DecideBenefitChange request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Required("decision", request.Decision).Text("rationale", request.Rationale, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<BenefitChangeView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<BenefitChangeView>(http, id, async write =>
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

            if (change.State != BenefitChangeState.Proposed)
            {
                return DomainError.Conflict("benefit-change-decided", "Change decided", "The change is already decided.");
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

    private static async Task<WriteResult<BenefitView>> Save(Guid id, Guid? benefitId, BenefitRequest request, HttpContext http, ProjectWrites writes, IClock clock)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return new WriteResult<BenefitView>(null, 0, Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<BenefitView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.DefineBenefit) is { } forbidden)
            {
                return forbidden;
            }

            if (await write.CheckKnownAsync(("ownerUserId", request.OwnerUserId)) is { } unknown)
            {
                return unknown;
            }

            if (request.OwnerUserId is { } owner && !ProjectAccess.MayOwnBenefit(write.Roles, owner))
            {
                return DomainError.Conflict("benefit-owner-role", "Not a benefit owner", $"{owner} is neither a Senior User nor the Benefit Owner of the project.");
            }

            var row = ToRow(benefitId ?? Ids.New(write.Now), request);
            BenefitRow? current = null;
            if (benefitId is { } known)
            {
                current = await BenefitStore.GetAsync(write.Db, id, known);
                if (current is null)
                {
                    return BenefitMeasurements.MissingBenefit;
                }

                if (current.Outcome is not null)
                {
                    return DomainError.Conflict("benefit-evaluated", "Benefit evaluated", "A benefit with its final evaluation is no longer changed.");
                }

                if (BenefitRules.IsBaselined(write.Project.Phase) && BenefitBaselines.Differ(current, row))
                {
                    return DomainError.Conflict("benefit-baselined", "Benefit baselined",
                        "Since BP3 the benefit's baseline, target and allowed shortfall change only through a decided change (POST .../benefits/{id}/changes).");
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
            .That(request.Target is null || (request.Target.Value is not null && request.Target.Date is not null), "target", "A target has a value and a date.");
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
    };
}
