using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using NodaTime;

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
        string slug, PutSector request, HttpContext http, Database database, IClock clock)
    {
        var validation = new Validation().Slug("slug", slug).Text("nameNb", request.NameNb, Validation.ShortText).Text("nameEn", request.NameEn, Validation.ShortText);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var sector = new SectorView { Slug = slug, NameNb = request.NameNb!.Trim(), NameEn = request.NameEn!.Trim(), Archived = request.Archived ?? false };
        var actor = http.User.ToActor();
        var created = await database.WriteAsync(async db =>
        {
            var known = (await SectorStore.AllAsync(db)).Any(s => s.Slug == slug);
            await SectorStore.UpsertAsync(db, sector);
            await AuditTrail.AppendAsync(db, null, EventTypes.SectorSet, actor.UserId, clock.GetCurrentInstant(), sector);
            return (true, !known);
        }, http.RequestAborted);
        return created ? TypedResults.Created($"/api/v1/sectors/{slug}", sector) : TypedResults.Ok(sector);
    }
}
