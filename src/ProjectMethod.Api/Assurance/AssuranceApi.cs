using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Assurance;

public static class AssuranceApi
{
    /// <summary>Who records independent quality assurance: the Executive who commissioned it, or the portfolio board.</summary>
    public static DomainError? Recorder(ProjectStanding s) =>
        s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard
            ? null
            : DomainError.Forbidden("Only the Executive or the portfolio board records independent quality assurance of the project.");

    public static IEndpointRouteBuilder MapAssurance(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Assurance");
        project.MapGet("/independent-assurances", List).WithName(Operations.ListIndependentAssurances)
            .WithSummary("The project's independent quality assurances")
            .WithDescription("Anyone may read. Quality assurance by someone outside the project's line (ekstern kvalitetssikring), oldest first: the decision point it informs, the assurer and their organisation, the day they concluded, their recommendation and conclusion.")
            .WithProblems(404);
        project.MapPost("/independent-assurances", Record).WithName(Operations.RecordIndependentAssurance).Allows(Recorder)
            .WithSummary("Record independent quality assurance")
            .WithDescription("The Executive or the portfolio board, while the project heads for the decision point it informs: bp3 (in planning) or bp4 (in execution). Where the handbook or the project's category asks for it (the standard handbook: large projects), BP3 and BP4 are approved only with one recorded; the recommendation informs the decider and does not decide.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<IndependentAssuranceList>> List(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new IndependentAssuranceList(await database.ReadAsync(db => AssuranceStore.OfProjectAsync(db, id), cancellationToken)));

    private static async Task<Results<Created<IndependentAssuranceView>, ProblemHttpResult>> Record(
        Guid id, RecordIndependentAssurance request, HttpContext http, AssuranceCommands commands) =>
        (await commands.RecordAsync(id, request, http.Caller())).Tagged(http).AsCreated(http, _ => $"/api/v1/projects/{id}/independent-assurances");
}
