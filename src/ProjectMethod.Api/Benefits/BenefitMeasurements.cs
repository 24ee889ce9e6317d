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

/// <summary>
/// A measurement of a benefit by its owner in the line or the Benefit Owner, with the benefit's figures after it and, in
/// realisation, the board's exception when the forecast falls short: for the API and the web pages alike.
/// </summary>
public sealed class BenefitMeasurements(ProjectWrites writes, IClock clock)
{
    internal static readonly DomainError MissingBenefit = DomainError.NotFound("The benefit was not found.");

    public async Task<WriteResult<MeasurementResult>> RegisterAsync(HttpContext http, Guid id, Guid benefitId, MeasurementRequest request)
    {
        var validation = new Validation().Required("date", request.Date).Required("value", request.Value)
            .That(request.Value is null or (> -1_000_000_000_000m and < 1_000_000_000_000m), "value", "value is out of range.")
            .Text("comment", request.Comment, Validation.LongText, required: false);
        if (!validation.IsValid)
        {
            return new WriteResult<MeasurementResult>(default, 0, Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<MeasurementResult>(http, id, async write =>
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
}
