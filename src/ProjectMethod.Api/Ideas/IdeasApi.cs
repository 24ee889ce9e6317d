using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;

namespace ProjectMethod.Api.Ideas;

public static class IdeasApi
{
    public static IEndpointRouteBuilder MapIdeas(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ideas").WithTags("Ideas");
        group.MapPost("/", async (SubmitIdea request, HttpContext http, IdeaCommands commands) =>
                (await commands.SubmitAsync(request, http.Caller())).AsCreated(http, idea => $"/api/v1/ideas/{idea.Id}"))
            .WithName(Operations.SubmitIdea).WithSummary("Send an idea")
            .WithDescription("Any employee, or an integrator on behalf of a citizen portal. No personal data: the portal keeps its contact with the sender and may send its own reference as externalReference.")
            .WithProblems(400);
        group.MapGet("/", List).WithName(Operations.ListIdeas).RequireAuthorization(Policies.FeedReaders)
            .WithSummary("The ideas: all of them for the project office, its own for an integrator")
            .WithDescription("The portfolio board sees every idea; an integrator (a citizen portal) the ideas it sent. status filters: received, proposed, parked or declined; externalReference finds the idea sent with that reference. Oldest first, paged with limit and cursor.")
            .WithProblems(400, 403);
        group.MapGet("/{ideaId:guid}", (Guid ideaId, HttpContext http, IdeaReader reader, IdeaDocuments documents, CancellationToken cancellationToken) =>
                MediaTypes.JsonOrPdfAsync(http,
                    () => reader.ReadAsync(ideaId, http.User.ToActor(), cancellationToken),
                    t => documents.AnswerAsync(ideaId, http.User.ToActor(), t, cancellationToken),
                    $"svar-pa-ide-{ideaId}.pdf", "The idea"))
            .WithName(Operations.GetIdea).WithSummary("One idea and the answer to it")
            .WithDescription("The one who sent it, or the project office (the portfolio board); for anyone else it does not exist. With Accept: application/pdf, the answer as the sender and the archive read it: the idea, the board's answer, who gave it and when, and why; an A4 tagged PDF/A in bokmål, or English when Accept-Language prefers it.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(404);
        group.MapPost("/{ideaId:guid}/triage", async (Guid ideaId, TriageIdea request, HttpContext http, IdeaCommands commands) =>
                (await commands.TriageAsync(ideaId, request, http.Caller())).AsOk(http))
            .WithName(Operations.TriageIdea).RequireAuthorization(Policies.PortfolioBoard)
            .WithSummary("Answer an idea: propose, park or decline, with the rationale the sender gets")
            .WithDescription("The project office (the portfolio board). propose makes a project proposal (phase proposed) that keeps the idea as its ideaId, with the board member as proposer; a parked idea may be answered again, a proposed or declined one not.")
            .WithProblems(400, 403, 404, 409);
        return app;
    }

    private static async Task<Results<Ok<Page<IdeaView>>, ProblemHttpResult>> List(
        HttpContext http, Database database, CancellationToken cancellationToken, [OneOf<IdeaStatus>] string? status = null, string? externalReference = null,
        int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors) | !QueryValues.TryParseEnum<IdeaStatus>(status, "status", out var filter, errors))
        {
            return Problems.Validation(errors);
        }

        // The project office reads every idea; a portal only what it sent itself.
        var sentBy = http.User.IsInRole(Domain.Roles.GlobalRoles.PortfolioBoard) ? null : http.User.ToActor().UserId;
        var rows = await database.ReadAsync(db => IdeaStore.PageAsync(db, new IdeaFilter(filter, sentBy, externalReference), paging), cancellationToken);
        return TypedResults.Ok(paging.ToPage(rows, i => i.Id));
    }
}
