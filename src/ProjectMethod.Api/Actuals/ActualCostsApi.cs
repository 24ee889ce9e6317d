using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Actuals;

public static class ActualCostsApi
{
    public static IEndpointRouteBuilder MapActualCosts(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Actual costs");
        group.MapGet("/actuals", List).WithName(Operations.ListActualCosts).WithSummary("Booked costs per stage and month, against budget and forecast")
            .WithDescription("Anyone may read. Each stage's budget (its plan), the Project Manager's newest forecast of its cost, and the costs booked so far.")
            .WithProblems(404);
        group.MapPut("/actuals/{stage:int}/{period}", Book).WithName(Operations.BookActualCost).Allows(ProjectAccess.Before.Bookkeeper)
            .WithSummary("Book a stage's cost for one month, from the finance system")
            .WithDescription("An integrator (the municipality's ERP). period is the month, yyyy-MM. The amount is the month's total for the stage: posting the month again replaces it (201 for a new month, 200 for a replaced one), and the same amount and reference again changes nothing. Booked costs stand beside the Project Manager's forecasts and never replace them. The stage must be planned (409 stage-not-planned).")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ActualCosts>> List(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(await database.ReadAsync(db => ActualCostStore.ReadAsync(db, id), cancellationToken));

    private static async Task<Results<Created<ActualCostView>, Ok<ActualCostView>, ProblemHttpResult>> Book(
        Guid id, int stage, string period, BookActualCost request, HttpContext http, ActualCostCommands commands)
    {
        var result = (await commands.BookAsync(id, stage, period, request, http.Caller())).Tagged(http);
        if (result.Problem is { } problem)
        {
            return problem;
        }

        // New or replaced as the write found it, inside its transaction.
        var (cost, wasBooked) = result.Value;
        return wasBooked ? TypedResults.Ok(cost) : TypedResults.Created($"/api/v1/projects/{id}/actuals", cost);
    }
}
