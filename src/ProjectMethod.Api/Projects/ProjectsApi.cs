using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Projects;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Projects");

        group.MapPost("/", async (ProposeProject request, HttpContext http, ProjectCommands commands) =>
                (await commands.ProposeAsync(request, http.Caller())).AsCreated(http, project => $"/api/v1/projects/{project.Id}")).WithName(Operations.ProposeProject)
            .WithSummary("Propose a project").WithDescription("Any employee may propose; the project starts as proposed, bound to its sector's handbook.")
            .WithProblems(400);
        group.MapGet("/", List).WithName(Operations.ListProjects).WithSummary("List projects, filtered by phase and sector")
            .WithDescription("phase is one of proposed, concept, planning, execution, closure, realisation, completed, rejected. updatedSince (an ISO-8601 instant) keeps the projects changed at or after it: what a BI tool loads again.").WithProblems(400);
        var project = app.MapProjectScope("Projects");
        project.MapGet("", Get).WithName(Operations.GetProject).WithSummary("Get one project, with its version as ETag")
            .WithDescription("Send the ETag back in If-Match on a write to make sure nobody changed the project in between.").WithProblems(404);
        project.MapPut("/mandate", async (Guid id, MandateRequest request, HttpContext http, ProjectCommands commands) =>
                (await commands.WriteMandateAsync(id, request, http.Caller())).AsOk(http)).WithName(Operations.WriteMandate).Allows(ProjectAction.WriteMandate)
            .WithSummary("Write the mandate").WithDescription("The proposer, the Executive or the portfolio board, while the project is proposed. The mandate may propose the project's category (small, medium or large) with the facts that decide it — estimated cost, duration in months, sectors involved, uncertainty and importance; the handbook's thresholds suggest a category (what most of the five facts point at), which is proposed unless another is named. The BP1 decider confirms or changes it.")
            .WithProblems(400, 403, 404, 409, 412);
        project.MapPut("/category", async (Guid id, ChangeCategory request, HttpContext http, ProjectCommands commands) =>
                (await commands.ChangeCategoryAsync(id, request, http.Caller())).AsOk(http)).WithName(Operations.ChangeCategory).Allows(CategoryChanger)
            .WithSummary("Change the project's confirmed category")
            .WithDescription("After BP1 confirmed it: the Executive moves a project between medium and large, the portfolio board makes any change; with a rationale, audited as categoryChanged. The new category's profile applies from the next decision point: its criteria, required roles, tolerance dimensions and report interval.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    /// <summary>Who may change a confirmed category at all: the Executive or the portfolio board (which change each may make is the domain's).</summary>
    public static Domain.DomainError? CategoryChanger(ProjectStanding s) =>
        s.Holds(Domain.Roles.ProjectRole.Executive) || s.Actor.IsPortfolioBoard
            ? null
            : Domain.DomainError.Forbidden("The project's Executive (medium ↔ large) or the portfolio board changes a project's category.");

    private static async Task<Results<Ok<Page<ProjectView>>, ProblemHttpResult>> List(
        Database database, CancellationToken cancellationToken, [OneOf<Phase>] string? phase = null, string? sector = null, string? updatedSince = null,
        int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors) | !QueryValues.TryParseEnum<Phase>(phase, "phase", out var phaseFilter, errors)
            | !QueryValues.TryParseInstant(updatedSince, "updatedSince", out var since, errors))
        {
            return Problems.Validation(errors);
        }

        var rows = await database.ReadAsync(db => ProjectStore.ListAsync(db, phaseFilter, sector, since, paging), cancellationToken);
        var page = paging.ToPage(rows, r => r.Id);
        return TypedResults.Ok(new Page<ProjectView>(page.Items.Select(ProjectView.From).ToList(), page.NextCursor));
    }

    private static async Task<Ok<ProjectView>> Get(
        Guid id, HttpContext http, Database database, ProjectViews views, CancellationToken cancellationToken)
    {
        var project = ProjectScope.Project(http);
        http.Response.Headers.ETag = ETags.Of(project.Version);
        var key = new ProjectViews.Key(nameof(ProjectView.ToleranceStatus), id, project.Version);
        if (!views.TryGet(key, out ReadAlone? alone))
        {
            var (version, status, sectors) = await database.ReadAsync(async db =>
            {
                var (version, status) = await ForecastStore.LatestStageEvaluationAsync(db, id);
                return (version, status, await Programmes.ProgrammeStore.ParticipatingAsync(db, id));
            }, cancellationToken);
            alone = new ReadAlone(status, sectors);
            if (version == project.Version)
            {
                views.Keep(key, alone);
            }
        }

        return TypedResults.Ok(ProjectView.From(project) with { ToleranceStatus = alone!.Status, ParticipatingSectors = alone.Participating });
    }

    /// <summary>What a project read alone shows beside its row, kept per version.</summary>
    private sealed record ReadAlone(EvaluationView? Status, IReadOnlyList<string> Participating);
}
