using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Exceptions;

/// <summary>The Project Manager's highlight report: forecasts at the end of the stage and, optionally, of the project.</summary>
public sealed record SubmitForecast(int? Stage, ForecastValues? Values, ForecastValues? ProjectValues, string? Comment);

/// <summary>The decision on an exception; plan and tolerances where the decision needs them.</summary>
public sealed record ExceptionDecisionRequest(ExceptionDecision? Decision, string? Rationale, StagePlanRequest? Plan, ToleranceSetRequest? Tolerances);

public sealed record ExceptionDecisionView(ExceptionView Exception, ForecastView? Rejudged);

public static class ExceptionsApi
{
    public static IEndpointRouteBuilder MapExceptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects/{id:guid}").WithTags("Exceptions");
        group.MapPost("/forecasts", Forecast).WithName("submitForecast")
            .WithSummary("Submit the stage forecast (highlight report)")
            .WithDescription("The Project Manager, for the current stage. Judged against the stage tolerance and, for projectValues, the project tolerance; risk is the register's exposure. A dimension exceeded raises one exception, not a duplicate while it is open.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/exceptions", List).WithName("listExceptions").WithSummary("The project's exceptions")
            .WithDescription("Raised, reported, escalated and decided, oldest first.").WithProblems(404);
        group.MapPost("/exceptions/{exceptionId:guid}/report", Report).WithName("reportException")
            .WithSummary("Submit the exception report").WithDescription("The Project Manager: cause, consequences, options with their effects, recommendation.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/exceptions/{exceptionId:guid}/decision", Decide).WithName("decideException")
            .WithSummary("Decide an exception")
            .WithDescription("The Executive for a stage exception; the portfolio board for a project or escalated one; never the reporter. approveExceptionPlan and adjustTolerances set a new baseline (inside the decider's authority) and judge the latest forecast again.")
            .WithProblems(400, 403, 404, 409, 412);
        app.MapGet("/api/v1/escalations", Escalations).WithTags("Exceptions").WithName("listEscalations").RequireAuthorization(EventsApi.BoardOnly)
            .WithSummary("The portfolio board's inbox").WithDescription("Undecided project exceptions and escalated stage exceptions across all projects.")
            .WithProblems(403);
        return app;
    }

    private static async Task<Results<Created<ForecastView>, ProblemHttpResult>> Forecast(
        Guid id, SubmitForecast request, HttpContext http, ProjectWrites writes, IOptions<ToleranceSettings> settings)
    {
        var validation = new Validation().Required("stage", request.Stage).Text("comment", request.Comment, Validation.LongText, required: false);
        var values = ToleranceInput.Read(request.Values, settings.Value.Dimensions, validation, "values");
        var projectValues = request.ProjectValues is null ? null : ToleranceInput.Read(request.ProjectValues, settings.Value.Dimensions, validation, "projectValues");
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ForecastView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.SubmitForecast) is { } forbidden)
            {
                return forbidden;
            }

            if (write.Project.Phase != Phase.Execution || write.Project.Stage != request.Stage)
            {
                return DomainError.Conflict("not-the-current-stage", "Not the current stage",
                    $"Forecasts are for the stage under way; the project is {write.Project.Phase.Wire()}{(write.Project.Stage is { } s ? $" in stage {s}" : "")}.");
            }

            return await Forecasting.JudgeStageAsync(write, request.Stage!.Value, values, projectValues, request.Comment?.Trim() ?? "", settings.Value);
        });
        return result.Problem ?? (Results<Created<ForecastView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/exceptions", result.Value);
    }

    private static async Task<Results<Ok<ItemList<ExceptionView>>, ProblemHttpResult>> List(Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ProjectStore.GetAsync(connection, null, id, cancellationToken) is null
            ? Problems.NotFound("The project")
            : TypedResults.Ok(new ItemList<ExceptionView>(await ExceptionStore.ForProjectAsync(connection, null, id, cancellationToken)));
    }

    private static async Task<Ok<ItemList<ExceptionView>>> Escalations(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(new ItemList<ExceptionView>(await ExceptionStore.EscalationsAsync(connection, cancellationToken)));
    }

    private static async Task<Results<Ok<ExceptionView>, ProblemHttpResult>> Report(Guid id, Guid exceptionId, ExceptionReport request, HttpContext http, ProjectWrites writes)
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
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ExceptionView>(http, id, async write =>
        {
            var exception = await Find(write, exceptionId);
            if (exception is null)
            {
                return Missing;
            }

            if (ExceptionRules.CheckReport(exception.ToCase(), write.Standing) is { } refused)
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
            await ExceptionStore.UpdateAsync(write, reported);
            write.Record(EventTypes.ExceptionReported, new { exceptionId, report = request });
            return reported;
        });
        return result.Problem ?? (Results<Ok<ExceptionView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<ExceptionDecisionView>, ProblemHttpResult>> Decide(
        Guid id, Guid exceptionId, ExceptionDecisionRequest request, HttpContext http, ProjectWrites writes, IOptions<ToleranceSettings> settings, GateFactsLoader loader)
    {
        var validation = new Validation().Required("decision", request.Decision).Text("rationale", request.Rationale, Validation.LongText);
        var newBaseline = request.Decision is ExceptionDecision.ApproveExceptionPlan or ExceptionDecision.AdjustTolerances;
        if (request.Decision == ExceptionDecision.ApproveExceptionPlan)
        {
            TolerancesApi.ValidatePlan(request.Plan, validation, "plan.");
        }

        ToleranceSet? tolerances = null;
        if (newBaseline)
        {
            tolerances = ToleranceInput.Read(ToleranceLevel.Stage, request.Tolerances, settings.Value.Dimensions, validation, "tolerances.");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ExceptionDecisionView>(http, id, async write =>
        {
            var exception = await Find(write, exceptionId);
            if (exception is null)
            {
                return Missing;
            }

            var decision = request.Decision!.Value;
            var next = ExceptionRules.CheckDecision(exception.ToCase(), write.Standing, decision);
            if (next.Error is { } refused)
            {
                return refused;
            }

            var stage = exception.Stage ?? write.Project.Stage ?? 1;
            if (exception.BenefitId is { } benefitId && newBaseline)
            {
                // A benefit falling short in realisation has no stage plan: the board may only move its target and shortfall.
                if (decision == ExceptionDecision.ApproveExceptionPlan || tolerances!.ByDimension.GetValueOrDefault(Dimension.Benefit) is not { } band)
                {
                    return DomainError.Invalid("benefit-exception", "Benefit exception",
                        "A benefit exception is decided with adjustTolerances naming the benefit's new target (tolerances.benefit.plan) and allowed shortfall (tolerances.benefit.lower), or with prematureClosure.");
                }

                if (await Benefits.BenefitsApi.RetargetAsync(write, benefitId, band.Plan, band.Below) is { } invalid)
                {
                    return invalid;
                }
            }
            else if (newBaseline && await SetBaseline(write, exception, stage, tolerances! with { Level = exception.Level }, request.Plan) is { } outside)
            {
                return outside;
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
            await ExceptionStore.UpdateAsync(write, decided);
            write.Record(EventTypes.ExceptionDecided, new { exceptionId, decision, rationale = decided.Rationale, state = decided.State });

            if (decision == ExceptionDecision.PrematureClosure)
            {
                await CloseEarly(write, loader, exceptionId, decided.Rationale!);
            }

            var rejudged = newBaseline && exception.BenefitId is null ? await Forecasting.RejudgeLatestAsync(write, stage, settings.Value) : null;
            return new ExceptionDecisionView(decided, rejudged);
        });
        return result.Problem ?? (Results<Ok<ExceptionDecisionView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    /// <summary>The new baseline, inside the decider's own authority: the stage's tolerances inside the project's, or the project's own.</summary>
    private static async Task<DomainError?> SetBaseline(ProjectWrite write, ExceptionView exception, int stage, ToleranceSet tolerances, StagePlanRequest? plan)
    {
        var project = await ToleranceStore.GetAsync(write.Connection, write.Transaction, write.Project.Id, ToleranceStore.ProjectScope, write.CancellationToken);
        if (ExceptionRules.CheckAuthority(exception.Level, tolerances, project) is { } limit)
        {
            return TolerancesApi.OutsideLimit(limit);
        }

        var scope = exception.Level == ToleranceLevel.Project ? ToleranceStore.ProjectScope : ToleranceStore.StageScope(stage);
        await ToleranceStore.ReplaceAsync(write.Connection, write.Transaction, write.Project.Id, scope, tolerances, write.Actor.UserId, write.Now, write.CancellationToken);
        write.Record(EventTypes.TolerancesSet, ToleranceSetView.From(tolerances, exception.Level == ToleranceLevel.Project ? null : stage, null));
        if (plan is not null)
        {
            var view = TolerancesApi.ToView(stage, plan, write.Actor.UserId, write.Now);
            await ToleranceStore.UpsertPlanAsync(write.Connection, write.Transaction, write.Project.Id, view, write.CancellationToken);
            write.Record(EventTypes.StagePlanned, view);
        }

        return null;
    }

    /// <summary>Premature closure: the project goes to closure, closed early; the closure settles its other open exceptions.</summary>
    private static async Task CloseEarly(ProjectWrite write, GateFactsLoader loader, Guid exceptionId, string rationale)
    {
        foreach (var other in (await ExceptionStore.ForProjectAsync(write.Connection, write.Transaction, write.Project.Id, write.CancellationToken))
                 .Where(e => e.Id != exceptionId && ExceptionRules.IsOpen(e.State)))
        {
            await ExceptionStore.UpdateAsync(write, other with
            {
                State = ExceptionState.Decided, Decision = ExceptionDecision.PrematureClosure, Rationale = rationale, DecidedBy = write.Actor.UserId, DecidedAt = write.Now,
            });
            write.Record(EventTypes.ExceptionDecided, new { exceptionId = other.Id, decision = ExceptionDecision.PrematureClosure, rationale, state = ExceptionState.Decided });
        }

        var facts = await loader.LoadAsync(new FactsQuery(write.Connection, write.Transaction, write.Project, write.CancellationToken), write.Roles);
        var point = Gatekeeper.PointAhead(facts, null, null).Value;
        var stop = Gatekeeper.Default.Stop(facts, point);
        var open = await GateStore.OpenRequestAsync(write.Connection, write.Transaction, write.Project.Id, write.CancellationToken);
        var decision = new DecisionView
        {
            Id = Ids.New(write.Now), DecisionPoint = point, Decision = Decision.Stop, Rationale = $"Premature closure on exception {exceptionId}: {rationale}",
            RequestId = open?.Id, FromPhase = stop.From, FromStage = stop.FromStage, ToPhase = stop.To, ToStage = stop.ToStage, ClosedEarly = stop.ClosedEarly,
            DecidedBy = write.Actor.UserId, DecidedAt = write.Now,
        };
        await GateStore.InsertDecisionAsync(write.Connection, write.Transaction, write.Project.Id, decision, write.CancellationToken);
        await ProjectStore.UpdatePhaseAsync(write.Connection, write.Transaction, write.Project.Id, stop.To, stop.ToStage, stop.ClosedEarly, write.CancellationToken);
        write.Record(EventTypes.DecisionMade, decision);
    }

    private static async Task<ExceptionView?> Find(ProjectWrite write, Guid exceptionId) =>
        (await ExceptionStore.ForProjectAsync(write.Connection, write.Transaction, write.Project.Id, write.CancellationToken)).FirstOrDefault(e => e.Id == exceptionId);

    private static readonly DomainError Missing = new(ErrorKind.NotFound, "not-found", "Not found", "The exception was not found.");
}
