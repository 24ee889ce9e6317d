using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Risks;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Risks;

public static class RisksApi
{
    public static IEndpointRouteBuilder MapRisks(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Risks");
        group.MapGet("/risks", List).WithName("listRisks").WithSummary("The uncertainty register and its exposure")
            .WithDescription("Exposure is the sum of probability × consequence of the open risks (opportunities and closed risks do not count): the risk dimension's forecast.")
            .WithProblems(404);
        group.MapGet("/risks/{riskId:guid}", GetOne).WithName("getRisk").WithSummary("One risk or opportunity").WithProblems(404);
        group.MapPost("/risks", Record).WithName("recordRisk").Allows(ProjectAction.RecordRisk).WithSummary("Record a risk or an opportunity")
            .WithDescription("Anyone with a role on the project. In execution the register's exposure is judged at once against the stage and project risk tolerances; a breach raises an exception.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/risks/{riskId:guid}", Update).WithName("updateRisk").Allows(ProjectAction.UpdateRisk).WithSummary("Update a risk or an opportunity")
            .WithDescription("The Project Manager. Changing or closing a risk judges the exposure again, as recording one does.").WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<RiskRegister>> List(Guid id, Database database, CancellationToken cancellationToken)
    {
        var risks = await database.ReadAsync(db => RiskStore.ForProjectAsync(db, id), cancellationToken);
        return TypedResults.Ok(new RiskRegister(risks, RiskRules.Exposure(risks.Select(r => r.ToDomain()))));
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> GetOne(Guid id, Guid riskId, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(db => RiskStore.GetAsync(db, id, riskId), cancellationToken) is { } risk ? TypedResults.Ok(risk) : Problems.NotFound("The risk");

    private static async Task<Results<Created<RiskView>, ProblemHttpResult>> Record(
        Guid id, RiskRequest request, HttpContext http, ProjectWrites writes)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return Problems.Validation(invalid.Errors);
        }

        var result = await writes.RunAsync<RiskView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.RecordRisk) is { } forbidden)
            {
                return forbidden;
            }

            var risk = ToView(Ids.New(write.Now), request, write.Actor.UserId, write.Now, write.Now);
            await RiskStore.InsertAsync(write.Db, id, risk);
            write.Record(EventTypes.RiskRecorded, risk);
            await Forecasting.JudgeMeasuredAsync(write, await write.TolerancesAsync(), Dimension.Risk);
            return risk;
        });
        return result.Problem ?? (Results<Created<RiskView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/risks/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> Update(
        Guid id, Guid riskId, RiskRequest request, HttpContext http, ProjectWrites writes)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return Problems.Validation(invalid.Errors);
        }

        var result = await writes.RunAsync<RiskView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.UpdateRisk) is { } forbidden)
            {
                return forbidden;
            }

            var existing = await RiskStore.GetAsync(write.Db, id, riskId);
            if (existing is null)
            {
                return new DomainError(ErrorKind.NotFound, "not-found", "Not found", "The risk was not found.");
            }

            var risk = ToView(riskId, request, existing.RecordedBy, existing.RecordedAt, write.Now);
            await RiskStore.UpdateAsync(write.Db, risk);
            write.Record(EventTypes.RiskUpdated, risk);
            await Forecasting.JudgeMeasuredAsync(write, await write.TolerancesAsync(), Dimension.Risk);
            return risk;
        });
        return result.Problem ?? (Results<Ok<RiskView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static Validation Validate(RiskRequest request) => new Validation()
        .Required("kind", request.Kind)
        .Text("title", request.Title, Validation.ShortText)
        .Required("probability", request.Probability)
        .That(request.Probability is null or (>= 1 and <= 5), "probability", "probability is 1 to 5.")
        .Required("consequence", request.Consequence)
        .That(request.Consequence is null or (>= 1 and <= 5), "consequence", "consequence is 1 to 5.")
        .Text("proximity", request.Proximity, Validation.ShortText, required: false)
        .Text("strategy", request.Strategy, Validation.LongText, required: false)
        .Text("ownerUserId", request.OwnerUserId, Validation.ShortText);

    private static RiskView ToView(Guid id, RiskRequest request, string recordedBy, Instant recordedAt, Instant updatedAt) => new()
    {
        Id = id,
        Kind = request.Kind!.Value,
        Title = request.Title!.Trim(),
        Probability = request.Probability!.Value,
        Consequence = request.Consequence!.Value,
        Proximity = request.Proximity?.Trim() ?? "",
        Strategy = request.Strategy?.Trim() ?? "",
        OwnerUserId = request.OwnerUserId!.Trim(),
        Status = request.Status ?? RiskStatus.Identified,
        RecordedBy = recordedBy,
        RecordedAt = recordedAt,
        UpdatedAt = updatedAt,
    };
}
