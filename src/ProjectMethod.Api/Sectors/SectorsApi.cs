using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Sectors;

public static class SectorsApi
{
    public static IEndpointRouteBuilder MapSectors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sectors").WithTags("Sectors");
        group.MapGet("/", async (Database database, CancellationToken cancellationToken) =>
                TypedResults.Ok(new ItemList<SectorView>(await database.ReadAsync(SectorStore.AllAsync, cancellationToken))))
            .WithName(Operations.ListSectors).WithSummary("The municipality's sectors")
            .WithDescription("Any employee. By Norwegian name; archived ones too (they stay for the projects and ideas that have them, but take no new ones).")
            .WithProblems();
        group.MapPut("/{slug}", Put).WithName(Operations.PutSector).RequireAuthorization(Policies.PortfolioBoard)
            .WithSummary("Create, rename or archive a sector")
            .WithDescription("The portfolio board. The slug is lower-case letters, digits and hyphens and never changes; a project or idea names it. 201 for a new sector, 200 for a known one.")
            .WithProblems(400, 403);
        return app;
    }

    private static async Task<Results<Created<SectorView>, Ok<SectorView>, ProblemHttpResult>> Put(
        string slug, PutSector request, HttpContext http, SectorCommands commands) =>
        await commands.PutAsync(slug, request, http.Caller()) switch
        {
            { Error: { } refused } => Problems.From(refused),
            { Value: { Created: true } put } => TypedResults.Created($"/api/v1/sectors/{slug}", put.Sector),
            var put => TypedResults.Ok(put.Value.Sector),
        };
}
