using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Changes;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Changes;

public static class ChangesApi
{
    /// <summary>Who may raise an issue: anyone holding a role on the project.</summary>
    public static DomainError? Raiser(ProjectStanding s) =>
        s.HasAnyRole ? null : DomainError.Forbidden("Only someone with a role on the project raises an issue.");

    /// <summary>Who names the change authority: the Executive.</summary>
    public static DomainError? Namer(ProjectStanding s) =>
        s.Holds(ProjectRole.Executive) ? null : DomainError.Forbidden("Only the Executive names the change authority.");

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Change control");
        project.MapGet("/changes", List).WithName(Operations.ListChanges)
            .WithSummary("The issue register: requests for change, off-specifications and problems")
            .WithDescription("Anyone may read. Every issue, newest first, with its impact on the six dimensions, the baseline change it proposes, who raised it and how the change authority decided; the change authority the Executive named, with its limits; how many issues wait for a decision.")
            .WithProblems(404);
        project.MapPost("/changes", Raise).WithName(Operations.RaiseChange).Allows(Raiser)
            .WithSummary("Raise an issue")
            .WithDescription("Anyone with a role on the project, until it is closed: a request for change, an off-specification or a problem/concern, with a title, a description and its impact — days and NOK the stage plan would move (either way), and quality, scope, benefit and risk in words. A request for change or an off-specification may add products (drafts the Project Manager describes) and remove products from scope. A problem changes no baseline.")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPost("/changes/{changeId:guid}/decision", Decide).WithName(Operations.DecideChange)
            .WithSummary("Decide an issue: approve, reject or defer")
            .WithDescription("The change authority, never the one who raised the issue: the Executive, the portfolio board, or the person the Executive named — only within the days and NOK the Executive set. A deferred issue is decided again later; an approved or rejected one stays (409 change-decided). Approving a baseline change needs a planned stage under way (409 change-needs-stage): the stage plan and forecast moved by the change are judged against the stage's and the project's tolerances. Inside them the stage plan, its planned end and budget and the products change as one baseline — the tolerance limits stay where they were, so the change uses up tolerance; outside them the issue is escalated: the exceptions are raised for their owners and the baseline is left as it was.")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPut("/change-authority", SetAuthority).WithName(Operations.SetChangeAuthority).Allows(Namer)
            .WithSummary("Name the change authority")
            .WithDescription("The Executive names a person from the register who decides issues in their stead within limits: the NOK and the days an issue may move the stage's budget and planned end, either way. Naming another replaces the one before.")
            .WithProblems(400, 403, 404, 412);
        return app;
    }

    private static async Task<Ok<ChangeList>> List(Guid id, Database database, CancellationToken cancellationToken)
    {
        var (changes, authority) = await database.ReadAsync(
            async db => (await ChangeStore.OfProjectAsync(db, id), await ChangeStore.AuthorityAsync(db, id)), cancellationToken);
        return TypedResults.Ok(new ChangeList(changes, authority, changes.Count(c => c.State is ChangeState.Open or ChangeState.Deferred)));
    }

    private static async Task<Results<Created<ChangeView>, ProblemHttpResult>> Raise(Guid id, RaiseChange request, HttpContext http, ChangeCommands commands) =>
        (await commands.RaiseAsync(id, request, http.Caller())).Tagged(http).AsCreated(http, c => $"/api/v1/projects/{id}/changes");

    private static async Task<Results<Ok<ChangeView>, ProblemHttpResult>> Decide(
        Guid id, Guid changeId, DecideChange request, HttpContext http, ChangeCommands commands)
    {
        var result = (await commands.DecideAsync(id, changeId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<ChangeView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<ChangeAuthorityView>, ProblemHttpResult>> SetAuthority(
        Guid id, SetChangeAuthority request, HttpContext http, ChangeCommands commands)
    {
        var result = (await commands.SetAuthorityAsync(id, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<ChangeAuthorityView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }
}
