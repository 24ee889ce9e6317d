using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Handbooks;

/// <summary>The handbook version a project is bound to, and the Executive's decision to move it to a newer one.</summary>
public static class ProjectHandbookApi
{
    public static IEndpointRouteBuilder MapProjectHandbook(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Handbooks");
        group.MapGet("/handbook", Get).WithName(Operations.GetProjectHandbook).WithSummary("The handbook version the project is bound to")
            .WithDescription("Any employee. Its checklists, dimensions, threshold, approval modes, waivers and extra criteria apply to the project for its whole life, until its Executive moves it.")
            .WithProblems(404);
        group.MapPost("/handbook", Move).WithName(Operations.MoveProjectHandbook).Allows(ProjectAction.MoveHandbook)
            .WithSummary("Move the project to a newer version of its handbook")
            .WithDescription("The Executive, with a rationale; audited. Refused (409 handbook-move-breaks) when the move would break the project: a dimension with an undecided exception dropped, or a role combination no longer waived. A newly mandatory checklist item of a decision point already passed is fine.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<HandbookVersionView>> Get(Guid id, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var project = ProjectScope.Project(http); // loaded for this id before the handler ran
        var handbook = await database.ReadAsync(db => HandbookStore.GetAsync(db, project.HandbookSector, project.HandbookVersion), cancellationToken);
        return TypedResults.Ok(HandbookMapping.ToView(handbook));
    }

    private static async Task<Results<Ok<HandbookVersionView>, ProblemHttpResult>> Move(
        Guid id, MoveHandbook request, HttpContext http, HandbookCommands commands)
    {
        var result = (await commands.MoveAsync(id, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<HandbookVersionView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }
}
