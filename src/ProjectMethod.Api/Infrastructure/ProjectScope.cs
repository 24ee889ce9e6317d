using ProjectMethod.Api.Projects;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The routes under <c>/api/v1/projects/{id}</c>, whatever feature maps them: bearer auth (the fallback policy), a
/// 404 problem for an unknown project, and for reads the project loaded once, before the handler runs.
/// Writes load the project themselves, under the write lock (<see cref="ProjectWrites"/>).
/// </summary>
public static class ProjectScope
{
    public const string Route = "/api/v1/projects/{id:guid}";

    public static RouteGroupBuilder MapProjectScope(this IEndpointRouteBuilder app, string tag)
    {
        var group = app.MapGroup(Route).WithTags(tag);
        group.ProducesProblem(StatusCodes.Status404NotFound);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method))
            {
                return await next(context);
            }

            var id = Guid.Parse((string)http.Request.RouteValues["id"]!);
            var database = http.RequestServices.GetRequiredService<Database>();
            var project = await database.ReadAsync(db => ProjectStore.GetAsync(db, id), http.RequestAborted);
            if (project is null)
            {
                return Problems.NotFound("The project");
            }

            Remember(http, project);
            return await next(context);
        });
        return group;
    }

    /// <summary>Keeps the project a read is for, as the scope loads it before a read's handler runs (the web pages do the same).</summary>
    public static void Remember(HttpContext http, ProjectRow project) => http.Items[typeof(ProjectRow)] = project;

    /// <summary>The project a read under the scope was for, loaded before its handler ran.</summary>
    public static ProjectRow Project(HttpContext http) => (ProjectRow)http.Items[typeof(ProjectRow)]!;
}
