using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;

namespace ProjectMethod.Api.Projects;

public static class SteeringPackApi
{
    public static IEndpointRouteBuilder MapSteeringPack(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Projects");
        project.MapGet("/steering-pack", Get).WithName(Operations.GetSteeringPack).WithSummary("The steering group's pack")
            .WithDescription("What the steering group reads before it meets: the timeline (phases, stages and decision points, planned against actual), the status per dimension in the last six highlight reports (newest last), the open exceptions, the five largest open risks by exposure, the products, the benefits with their figures, and the decisions taken since `since` (an ISO-8601 instant; by default since the project entered the phase it is in, with the decision that moved it there). With Accept: application/pdf, the pack as an A4 tagged PDF/A, the timeline and each benefit drawn with their figures in tables beside them; in bokmål, or in English when Accept-Language prefers it.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(400, 404);
        return app;
    }

    private static async Task<Results<Ok<SteeringPackView>, FileContentHttpResult, ProblemHttpResult>> Get(
        Guid id, HttpContext http, Database database, SteeringPackReader reader, SteeringPackDocuments documents, CancellationToken cancellationToken,
        string? since = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueryValues.TryParseInstant(since, "since", out var from, errors))
        {
            return Problems.Validation(errors);
        }

        var mayRead = await database.ReadAsync(db => Archive.ExemptionReader.MayReadAsync(db, http.User.ToActor(), id), cancellationToken);
        var pack = (await reader.ReadAsync(ProjectScope.Project(http), since is null ? null : from, cancellationToken)).SeenBy(mayRead);
        return http.Request.Asks(MediaTypes.Pdf)
            ? TypedResults.File(await documents.PackAsync(pack, PaperTexts.For(http.Request), cancellationToken), MediaTypes.Pdf, $"styringsgruppepakke-{id}.pdf")
            : TypedResults.Ok(pack);
    }
}
