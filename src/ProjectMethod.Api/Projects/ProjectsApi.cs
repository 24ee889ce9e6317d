using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Projects;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Projects");

        group.MapPost("/", Propose).WithName("proposeProject")
            .WithSummary("Propose a project").WithDescription("Any employee may propose; the project starts as proposed, bound to its sector's handbook.")
            .WithProblems(400);
        group.MapGet("/", List).WithName("listProjects").WithSummary("List projects, filtered by phase and sector")
            .WithDescription("phase is one of proposed, concept, planning, execution, closure, realisation, completed, rejected.").WithProblems(400);
        var project = app.MapProjectScope("Projects");
        project.MapGet("", Get).WithName("getProject").WithSummary("Get one project, with its version as ETag")
            .WithDescription("Send the ETag back in If-Match on a write to make sure nobody changed the project in between.").WithProblems(404);
        project.MapPut("/mandate", WriteMandate).WithName("writeMandate").Allows(ProjectAction.WriteMandate)
            .WithSummary("Write the mandate").WithDescription("The proposer, the Executive or the portfolio board, while the project is proposed.")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Results<Created<ProjectView>, ProblemHttpResult>> Propose(
        ProposeProject request, HttpContext http, Database database, IClock clock)
    {
        var validation = new Validation()
            .Text("name", request.Name, Validation.ShortText)
            .Slug("sector", request.Sector)
            .Text("description", request.Description, Validation.LongText);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var actor = http.User.ToActor();
        var now = clock.GetCurrentInstant();
        var project = await database.WriteAsync(async db =>
        {
            var handbook = (await HandbookStore.CurrentForAsync(db, request.Sector!)).Version;
            var row = new ProjectRow
            {
                Id = Ids.New(now),
                Name = request.Name!.Trim(),
                Sector = request.Sector!,
                Description = request.Description!.Trim(),
                Phase = Phase.Proposed,
                ProposerId = actor.UserId,
                HandbookSector = handbook.Sector,
                HandbookVersion = handbook.Version,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            await ProjectStore.InsertAsync(db, row);
            await AuditTrail.AppendAsync(db, row.Id, EventTypes.ProjectProposed, actor.UserId, now,
                new { row.Name, row.Sector, row.Description, handbook = new { handbook.Sector, handbook.Version } });
            return (true, row);
        }, http.RequestAborted);

        http.Response.Headers.ETag = ETags.Of(project.Version);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", ProjectView.From(project));
    }

    private static async Task<Results<Ok<Page<ProjectView>>, ProblemHttpResult>> List(
        Database database, CancellationToken cancellationToken, string? phase = null, string? sector = null, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors) | !QueryValues.TryParseEnum<Phase>(phase, "phase", out var phaseFilter, errors))
        {
            return Problems.Validation(errors);
        }

        var rows = await database.ReadAsync(db => ProjectStore.ListAsync(db, phaseFilter, sector, paging), cancellationToken);
        var page = paging.ToPage(rows, r => r.Id);
        return TypedResults.Ok(new Page<ProjectView>(page.Items.Select(ProjectView.From).ToList(), page.NextCursor));
    }

    private static async Task<Ok<ProjectView>> Get(
        Guid id, HttpContext http, Database database, ProjectViews views, CancellationToken cancellationToken)
    {
        var project = ProjectScope.Project(http);
        http.Response.Headers.ETag = ETags.Of(project.Version);
        var key = new ProjectViews.Key(nameof(ProjectView.ToleranceStatus), id, project.Version);
        if (!views.TryGet(key, out EvaluationView? status))
        {
            (var version, status) = await database.ReadAsync(db => ForecastStore.LatestStageEvaluationAsync(db, id), cancellationToken);
            if (version == project.Version)
            {
                views.Keep(key, status);
            }
        }

        return TypedResults.Ok(ProjectView.From(project) with { ToleranceStatus = status });
    }

    private static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> WriteMandate(
        Guid id, MandateRequest request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation()
            .Text("purpose", request.Purpose, Validation.LongText)
            .Text("background", request.Background, Validation.LongText);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ProjectRow>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.WriteMandate) is { } forbidden)
            {
                return forbidden;
            }

            if (write.Project.Phase != Phase.Proposed)
            {
                return DomainError.Conflict("mandate-settled", "Mandate settled",
                    "The mandate is settled at BP1; later changes belong in the business case.");
            }

            var (purpose, background) = (request.Purpose!.Trim(), request.Background!.Trim());
            await ProjectStore.UpdateMandateAsync(write.Db, id, purpose, background);
            write.Record(EventTypes.MandateWritten, new { purpose, background });
            return write.Project with { MandatePurpose = purpose, MandateBackground = background, UpdatedAt = write.Now };
        });

        return result.Problem ?? (Results<Ok<ProjectView>, ProblemHttpResult>)TypedResults.Ok(
            ProjectView.From(result.Value! with { Version = result.Version }));
    }
}
