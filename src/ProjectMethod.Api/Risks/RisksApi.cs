using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Risks;

namespace ProjectMethod.Api.Risks;

public static class RisksApi
{
    public static IEndpointRouteBuilder MapRisks(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Risks");
        group.MapGet("/risks", List).WithName(Operations.ListRisks).WithSummary("The uncertainty register and its exposure")
            .WithDescription("Exposure is the sum of probability × consequence of the open risks (opportunities and closed risks do not count): the risk dimension's forecast.")
            .WithProblems(404);
        group.MapGet("/risks/{riskId:guid}", GetOne).WithName(Operations.GetRisk).WithSummary("One risk or opportunity").WithProblems(404);
        group.MapPost("/risks", async (Guid id, RiskRequest request, HttpContext http, RiskCommands commands) =>
                (await commands.RecordAsync(id, request, http.Caller())).AsCreated(http, risk => $"/api/v1/projects/{id}/risks/{risk.Id}")).WithName(Operations.RecordRisk).Allows(ProjectAction.RecordRisk).WithSummary("Record a risk or an opportunity")
            .WithDescription("Anyone with a role on the project. In execution the register's exposure is judged at once against the stage and project risk tolerances; a breach raises an exception.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/risks/{riskId:guid}", async (Guid id, Guid riskId, RiskRequest request, HttpContext http, RiskCommands commands) =>
                (await commands.UpdateAsync(id, riskId, request, http.Caller())).AsOk(http)).WithName(Operations.UpdateRisk).Allows(ProjectAction.UpdateRisk).WithSummary("Update a risk or an opportunity")
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
}
