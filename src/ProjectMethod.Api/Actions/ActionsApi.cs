using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Actions;

public static class ActionsApi
{
    /// <summary>Who gives a decision follow-up actions: those who decide — the Executive and the portfolio board.</summary>
    public static DomainError? Adder(ProjectStanding s) =>
        s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard
            ? null
            : DomainError.Forbidden("Only the Executive or the portfolio board gives a decision follow-up actions.");

    public static IEndpointRouteBuilder MapActions(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Actions");
        project.MapGet("/actions", List).WithName(Operations.ListActions)
            .WithSummary("The follow-up actions of the project's decisions")
            .WithDescription("Anyone may read. Each action: what, who owns it, by when, the decision it follows (a gate decision or an exception; none for a steering group meeting), open or done with the owner's note, and overdue when open past its day. Open first by due day; the counts of open and overdue actions.")
            .WithProblems(404);
        project.MapPost("/actions", Add).WithName(Operations.AddAction).Allows(Adder)
            .WithSummary("Give a decision a follow-up action")
            .WithDescription("The Executive or the portfolio board: what is to be done, the owner (a person from the register), the day it is due (today or later) and, optionally, the gate decision or exception of the project it follows. The owner sees it under Mine prosjekter from two weeks before it is due. Where the handbook or the project's category asks for it (no-overdue-actions; the standard handbook: large projects), a stage boundary and BP4 are approved only with no action overdue.")
            .WithProblems(400, 403, 404, 412);
        project.MapPost("/actions/{actionId:guid}/done", Complete).WithName(Operations.CompleteAction)
            .WithSummary("Mark a follow-up action done")
            .WithDescription("Its owner, with a note saying what was done; once (409 action-done).")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ActionList>> List(Guid id, Database database, IClock clock, CancellationToken cancellationToken)
    {
        var today = BenefitMath.Today(clock);
        var actions = (await database.ReadAsync(db => ActionStore.OfProjectAsync(db, id), cancellationToken)).Select(a => a.ToView(today))
            .OrderBy(a => a.State).ThenBy(a => a.DueOn).ToList();
        return TypedResults.Ok(new ActionList(actions, actions.Count(a => a.State == ActionState.Open), actions.Count(a => a.Overdue)));
    }

    private static async Task<Results<Created<ActionView>, ProblemHttpResult>> Add(Guid id, AddAction request, HttpContext http, ActionCommands commands) =>
        (await commands.AddAsync(id, request, http.Caller())).Tagged(http).AsCreated(http, a => $"/api/v1/projects/{id}/actions");

    private static async Task<Results<Ok<ActionView>, ProblemHttpResult>> Complete(
        Guid id, Guid actionId, CompleteAction request, HttpContext http, ActionCommands commands)
    {
        var result = (await commands.CompleteAsync(id, actionId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<ActionView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }
}
