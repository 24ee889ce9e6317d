using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Benefits;

public static class BenefitsApi
{
    public static IEndpointRouteBuilder MapBenefits(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Benefits");
        group.MapGet("/benefits", List).WithName("listBenefits").WithSummary("The benefits register with achievement, trend, forecast and status")
            .WithDescription("Derived on read, seen from today in Europe/Oslo: achievement %, trend of the last two measurements, the linear forecast at the target date, and onTrack / atRisk / realised / overdue.")
            .WithProblems(404);
        group.MapGet("/benefits/{benefitId:guid}", GetOne).WithName("getBenefit").WithSummary("One benefit with its measurements and derived figures")
            .WithProblems(404);
        group.MapPost("/benefits", Define).WithName("defineBenefit").WithSummary("Define a benefit")
            .WithDescription("The Project Manager or the Benefit Owner. The owner is a Senior User or the Benefit Owner of the project.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/benefits/{benefitId:guid}", Redefine).WithName("updateBenefit").WithSummary("Complete or correct a benefit before its final evaluation")
            .WithDescription("The Project Manager or the Benefit Owner.").WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/measurements", Measure).WithName("registerMeasurement").WithSummary("Register a measurement")
            .WithDescription("The benefit's owner or the Benefit Owner, from execution on and after closure when the line carries it. In realisation a forecast short of target − shortfall raises an exception for the portfolio board.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/evaluation", Evaluate).WithName("evaluateBenefit").WithSummary("The final evaluation of a benefit")
            .WithDescription("The Benefit Owner, in closure or realisation: realised, partlyRealised or notRealised, with an explanation.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/reviews", Review).WithName("reviewBenefits").WithSummary("Confirm (or not) that the benefits are still realistic")
            .WithDescription("The Benefit Owner. BP4 needs a confirmation in the current stage.").WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ItemList<BenefitView>>> List(Guid id, HttpContext http, Database database, IClock clock, CancellationToken cancellationToken)
    {
        var phase = ProjectScope.Project(http).Phase;
        var (benefits, measurements) = await database.ReadAsync(
            async db => (await BenefitStore.ForProjectAsync(db, id), await BenefitStore.MeasurementsAsync(db, id)), cancellationToken);
        var today = BenefitMath.Today(clock);
        return TypedResults.Ok(new ItemList<BenefitView>(benefits.Select(b => BenefitView.From(b, measurements, today, phase)).ToList()));
    }

    private static async Task<Results<Ok<BenefitView>, ProblemHttpResult>> GetOne(
        Guid id, Guid benefitId, HttpContext http, Database database, IClock clock, CancellationToken cancellationToken)
    {
        var (benefit, measurements) = await database.ReadAsync(
            async db => (await BenefitStore.GetAsync(db, id, benefitId), await BenefitStore.MeasurementsAsync(db, id)), cancellationToken);
        return benefit is null
            ? Problems.NotFound("The benefit")
            : TypedResults.Ok(BenefitView.From(benefit, measurements, BenefitMath.Today(clock), ProjectScope.Project(http).Phase));
    }

    private static async Task<Results<Created<BenefitView>, ProblemHttpResult>> Define(Guid id, BenefitRequest request, HttpContext http, ProjectWrites writes, IClock clock)
    {
        var result = await Save(id, null, request, http, writes, clock);
        return result.Problem ?? (Results<Created<BenefitView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/benefits/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<Ok<BenefitView>, ProblemHttpResult>> Redefine(
        Guid id, Guid benefitId, BenefitRequest request, HttpContext http, ProjectWrites writes, IClock clock)
    {
        var result = await Save(id, benefitId, request, http, writes, clock);
        return result.Problem ?? (Results<Ok<BenefitView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
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

            if (request.OwnerUserId is { } owner && !ProjectAccess.MayOwnBenefit(write.Roles, owner))
            {
                return DomainError.Conflict("benefit-owner-role", "Not a benefit owner", $"{owner} is neither a Senior User nor the Benefit Owner of the project.");
            }

            if (benefitId is { } known)
            {
                var current = await BenefitStore.GetAsync(write.Db, id, known);
                if (current is null)
                {
                    return MissingBenefit;
                }

                if (current.Outcome is not null)
                {
                    return DomainError.Conflict("benefit-evaluated", "Benefit evaluated", "A benefit with its final evaluation is no longer changed.");
                }
            }

            var row = ToRow(benefitId ?? Ids.New(write.Now), request);
            await BenefitStore.SaveAsync(write.Db, id, row, write.Actor.UserId, write.Now, benefitId is null);
            var view = BenefitView.From(row, await BenefitStore.MeasurementsAsync(write.Db, id), BenefitMath.Today(clock), write.Project.Phase);
            write.Record(EventTypes.BenefitDefined, view);
            return view;
        });
    }

    private static async Task<Results<Created<MeasurementResult>, ProblemHttpResult>> Measure(
        Guid id, Guid benefitId, MeasurementRequest request, HttpContext http, ProjectWrites writes, IClock clock)
    {
        var validation = new Validation().Required("date", request.Date).Required("value", request.Value)
            .That(request.Value is null or (> -1_000_000_000_000m and < 1_000_000_000_000m), "value", "value is out of range.")
            .Text("comment", request.Comment, Validation.LongText, required: false);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<MeasurementResult>(http, id, async write =>
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

            if (!BenefitRules.MeasuredIn(write.Project.Phase) || benefit.Plan is not { } plan || benefit.Outcome is not null)
            {
                return DomainError.Conflict("not-measurable", "Not measurable now",
                    "Benefits are measured from execution on, once baseline and target are set, until their final evaluation.");
            }

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
        return result.Problem ?? (Results<Created<MeasurementResult>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/benefits", result.Value);
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

    private static async Task<Results<Ok<BenefitView>, ProblemHttpResult>> Evaluate(
        Guid id, Guid benefitId, EvaluationRequest request, HttpContext http, ProjectWrites writes, IClock clock)
    {
        var validation = new Validation().Required("outcome", request.Outcome).Text("explanation", request.Explanation, Validation.LongText, min: 10);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<BenefitView>(http, id, async write =>
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

            if (write.Project.Phase is not (Phase.Closure or Phase.Realisation) || benefit.Outcome is not null)
            {
                return DomainError.Conflict("not-evaluable", "Not open for evaluation", "A benefit gets its one final evaluation in closure or realisation.");
            }

            var evaluated = benefit with { Outcome = request.Outcome, Explanation = request.Explanation!.Trim(), EvaluatedBy = write.Actor.UserId, EvaluatedAt = write.Now };
            await BenefitStore.EvaluateAsync(write.Db, evaluated);
            write.Record(EventTypes.BenefitEvaluated, new { benefitId, evaluated.Outcome, evaluated.Explanation });
            return BenefitView.From(evaluated, await BenefitStore.MeasurementsAsync(write.Db, id), BenefitMath.Today(clock), write.Project.Phase);
        });
        return result.Problem ?? (Results<Ok<BenefitView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<BenefitsReviewView>, ProblemHttpResult>> Review(Guid id, BenefitsReviewRequest request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Required("realistic", request.Realistic).Text("comment", request.Comment, Validation.LongText, required: request.Realistic == false);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
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
        return result.Problem ?? (Results<Created<BenefitsReviewView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/benefits", result.Value);
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

    private static readonly DomainError MissingBenefit = new(ErrorKind.NotFound, "not-found", "Not found", "The benefit was not found.");
}
