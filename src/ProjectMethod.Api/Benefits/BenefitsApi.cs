using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Benefits;

public static class BenefitsApi
{
    public static IEndpointRouteBuilder MapBenefits(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Benefits");
        group.MapGet("/benefits", List).WithName(Operations.ListBenefits).WithSummary("The benefits register with achievement, trend, forecast and status")
            .WithDescription("Derived on read, seen from today in Europe/Oslo: achievement %, trend of the last two measurements, the linear forecast at the target date, and onTrack / atRisk / realised / overdue.")
            .WithProblems(404);
        group.MapGet("/benefits/{benefitId:guid}", GetOne).WithName(Operations.GetBenefit).WithSummary("One benefit with its measurements and derived figures")
            .WithProblems(404);
        group.MapPost("/benefits", async (Guid id, BenefitRequest request, HttpContext http, ProjectWrites writes, IClock clock) =>
                (await BenefitRecords.DefineAsync(id, request, http, writes, clock)).AsCreated(benefit => $"/api/v1/projects/{id}/benefits/{benefit.Id}")).WithName(Operations.DefineBenefit).Allows(ProjectAction.DefineBenefit).WithSummary("Define a benefit")
            .WithDescription("The Project Manager or the Benefit Owner. The owner is a Senior User or the Benefit Owner of the project.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/benefits/{benefitId:guid}", async (Guid id, Guid benefitId, BenefitRequest request, HttpContext http, ProjectWrites writes, IClock clock) =>
                (await BenefitRecords.RedefineAsync(id, benefitId, request, http, writes, clock)).AsOk()).WithName(Operations.UpdateBenefit).Allows(ProjectAction.DefineBenefit).WithSummary("Complete or correct a benefit before its final evaluation")
            .WithDescription("The Project Manager or the Benefit Owner. From BP3 on, baseline, target and allowed shortfall change only through a decided change (409 benefit-baselined).").WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/measurements", Measure).WithName(Operations.RegisterMeasurement).Allows(ProjectAccess.Before.Measurer).WithSummary("Register a measurement")
            .WithDescription("The benefit's owner or the Benefit Owner, from execution on and after closure when the line carries it. In realisation a forecast short of target − shortfall raises an exception for the portfolio board.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/evaluation", Evaluate).WithName(Operations.EvaluateBenefit).Allows(ProjectAction.EvaluateBenefit).WithSummary("The final evaluation of a benefit")
            .WithDescription("The Benefit Owner, in closure or realisation: realised, partlyRealised or notRealised, with an explanation.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/benefits/{benefitId:guid}/versions", Versions).WithName(Operations.ListBenefitVersions)
            .WithSummary("Every version of a benefit's baseline, target and allowed shortfall, oldest first").WithProblems(404);
        group.MapGet("/benefits/{benefitId:guid}/changes", Changes).WithName(Operations.ListBenefitChanges)
            .WithSummary("The proposed changes of a baselined benefit and their decisions").WithProblems(404);
        group.MapPost("/benefits/{benefitId:guid}/changes", ProposeChange).WithName(Operations.ProposeBenefitChange).Allows(ProjectAction.ProposeBenefitChange)
            .WithSummary("Propose a change of a baselined benefit")
            .WithDescription("The Project Manager or the Benefit Owner, once BP3 is approved (before it, edit the benefit). One proposal at a time per benefit.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/changes/{changeId:guid}/decision", async (Guid id, Guid benefitId, Guid changeId, DecideBenefitChange request, HttpContext http, ProjectWrites writes) =>
                (await BenefitRecords.DecideChangeAsync(id, benefitId, changeId, request, http, writes)).AsOk()).WithName(Operations.DecideBenefitChange).Allows(ProjectAccess.Before.ExecutiveOrBoard)
            .WithSummary("Approve or reject a proposed change of a benefit")
            .WithDescription("The Executive in execution, the portfolio board in closure and realisation; never the proposer. Approval makes the change the benefit's new version.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/reviews", async (Guid id, BenefitsReviewRequest request, HttpContext http, ProjectWrites writes) =>
                (await BenefitRecords.ReviewAsync(id, request, http, writes)).AsCreated(_ => $"/api/v1/projects/{id}/benefits")).WithName(Operations.ReviewBenefits).Allows(ProjectAction.ReviewBenefits).WithSummary("Confirm (or not) that the benefits are still realistic")
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

    private static async Task<Results<Ok<ItemList<BenefitVersionView>>, ProblemHttpResult>> Versions(
        Guid id, Guid benefitId, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(async db => await BenefitStore.GetAsync(db, id, benefitId) is null ? null : await BenefitStore.VersionsAsync(db, benefitId), cancellationToken)
            is { } versions ? TypedResults.Ok(new ItemList<BenefitVersionView>(versions)) : Problems.NotFound("The benefit");

    private static async Task<Results<Ok<ItemList<BenefitChangeView>>, ProblemHttpResult>> Changes(
        Guid id, Guid benefitId, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(async db => await BenefitStore.GetAsync(db, id, benefitId) is null ? null : await BenefitStore.ChangesAsync(db, benefitId), cancellationToken)
            is { } changes ? TypedResults.Ok(new ItemList<BenefitChangeView>(changes)) : Problems.NotFound("The benefit");

    private static async Task<Results<Created<BenefitChangeView>, ProblemHttpResult>> ProposeChange(
        Guid id, Guid benefitId, ProposeBenefitChange request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Text("rationale", request.Rationale, Validation.LongText)
            .That(request.Proposed is not null, "proposed", "proposed names the new baseline, target or allowed shortfall.")
            .That(request.Proposed?.Baseline is null || (request.Proposed.Baseline.Value is not null && request.Proposed.Baseline.Date is not null), "proposed.baseline", "A baseline has a value and a date.")
            .That(request.Proposed?.Target is null || (request.Proposed.Target.Value is not null && request.Proposed.Target.Date is not null), "proposed.target", "A target has a value and a date.");
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<BenefitChangeView>(http, id, async write =>
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

            if (!BenefitRules.IsBaselined(write.Project.Phase) || benefit.Outcome is not null)
            {
                return DomainError.Conflict("benefit-not-baselined", "Benefit not baselined",
                    "Before BP3 a benefit is edited directly; after its final evaluation it no longer changes.");
            }

            if ((await BenefitStore.ChangesAsync(write.Db, benefitId)).Any(c => c.State == BenefitChangeState.Proposed))
            {
                return DomainError.Conflict("benefit-change-pending", "A change is pending", "The benefit has a proposed change waiting for its decision.");
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
        return result.Problem ?? (Results<Created<BenefitChangeView>, ProblemHttpResult>)TypedResults.Created(
            $"/api/v1/projects/{id}/benefits/{benefitId}/changes", result.Value);
    }

    private static async Task<Results<Created<MeasurementResult>, ProblemHttpResult>> Measure(
        Guid id, Guid benefitId, MeasurementRequest request, HttpContext http, BenefitMeasurements measurements)
    {
        var result = await measurements.RegisterAsync(http, id, benefitId, request);
        return result.Problem ?? (Results<Created<MeasurementResult>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/benefits", result.Value);
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
            write.Record(EventTypes.BenefitEvaluated, new BenefitEvaluatedData(benefitId, evaluated.Outcome, evaluated.Explanation));
            return BenefitView.From(evaluated, await BenefitStore.MeasurementsAsync(write.Db, id), BenefitMath.Today(clock), write.Project.Phase);
        });
        return result.Problem ?? (Results<Ok<BenefitView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static readonly DomainError MissingBenefit = BenefitMeasurements.MissingBenefit;
}
