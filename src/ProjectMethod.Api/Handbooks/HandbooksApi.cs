using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Handbooks;

namespace ProjectMethod.Api.Handbooks;

/// <summary>
/// The sectors' project handbooks (P7): everyone reads the published versions; the project office (admin or portfolio
/// board) drafts a new version, edits it and publishes it once it validates. Published versions never change.
/// </summary>
public static class HandbooksApi
{
    public static IEndpointRouteBuilder MapHandbooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/handbooks").WithTags("Handbooks");
        group.MapGet("", List).WithName(Operations.ListHandbooks).WithSummary("Every sector's handbook")
            .WithDescription("Any employee. Per sector its newest published version and its draft, if one is being written.").WithProblems();
        group.MapGet("/{sector}", GetSector).WithName(Operations.GetHandbook).WithSummary("A sector's handbook: its versions and the newest published one")
            .WithDescription("Any employee.").WithProblems(404);
        group.MapGet("/{sector}/versions/{version:int}", GetVersion).WithName(Operations.GetHandbookVersion).WithSummary("One published version")
            .WithDescription("Any employee. A draft is read through drafts/current. With Accept: application/pdf, the publication's record as the archive files it: who published the version and when, the tolerance dimensions it uses, its own criteria and its checklists; an A4 tagged PDF/A in bokmål, or English when Accept-Language prefers it.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(404);
        group.MapPost("/{sector}/drafts", CreateDraft).WithName(Operations.CreateHandbookDraft).RequireAuthorization(Policies.ProjectOffice)
            .WithSummary("Start a new version as a draft")
            .WithDescription("The project office (admin or portfolio board). A copy of the sector's newest version, or, for a new sector, an empty one with time and cost. One draft at a time.")
            .WithProblems(400, 403, 409);
        group.MapGet("/{sector}/drafts/current", GetDraft).WithName(Operations.GetHandbookDraft).RequireAuthorization(Policies.ProjectOffice)
            .WithSummary("The draft being written").WithDescription("The project office.").WithProblems(403, 404);
        group.MapPut("/{sector}/drafts/current", EditDraft).WithName(Operations.UpdateHandbookDraft).RequireAuthorization(Policies.ProjectOffice)
            .WithSummary("Replace the draft")
            .WithDescription("The project office; the whole version as GET shows it (sector, version, state and the timestamps are read-only). It is checked when published, not before.")
            .WithProblems(400, 403, 404, 409);
        group.MapPost("/{sector}/drafts/current/publish", PublishDraft).WithName(Operations.PublishHandbookDraft).RequireAuthorization(Policies.ProjectOffice)
            .WithSummary("Publish the draft")
            .WithDescription("The project office. A draft that does not validate is refused (409 handbook-invalid, errors naming each fault). Projects proposed from now on are bound to it; running projects move only by their Executive's decision.")
            .WithProblems(403, 404, 409);
        return app;
    }

    private static async Task<Ok<ItemList<HandbookSummary>>> List(Database database, CancellationToken cancellationToken)
    {
        var all = await database.ReadAsync(HandbookStore.AllAsync, cancellationToken);
        return TypedResults.Ok(new ItemList<HandbookSummary>(all.GroupBy(h => h.Version.Sector).Select(sector =>
        {
            var published = sector.Where(h => h.Version.State == HandbookState.Published).ToList();
            var named = published.LastOrDefault() ?? sector.Last();
            return new HandbookSummary(sector.Key, named.Version.Name, published.LastOrDefault()?.Version.Version,
                sector.FirstOrDefault(h => h.Version.State == HandbookState.Draft)?.Version.Version);
        }).ToList()));
    }

    private static async Task<Results<Ok<HandbookView>, ProblemHttpResult>> GetSector(string sector, Database database, CancellationToken cancellationToken)
    {
        var (versions, latest) = await database.ReadAsync(async db =>
        {
            var versions = await HandbookStore.VersionsAsync(db, sector);
            var newest = versions.LastOrDefault(v => v.Version.State == HandbookState.Published);
            return (versions, newest is null ? null : await HandbookStore.FindAsync(db, sector, newest.Version.Version));
        }, cancellationToken);
        if (versions.Count == 0)
        {
            return Problems.NotFound("The handbook");
        }

        return TypedResults.Ok(new HandbookView(sector, (latest ?? versions[^1]).Version.Name,
            versions.Select(v => new HandbookVersionSummary(v.Version.Version, v.Version.State, v.PublishedAt)).ToList(),
            latest is null ? null : HandbookMapping.ToView(latest)));
    }

    private static Task<Results<Ok<HandbookVersionView>, FileContentHttpResult, ProblemHttpResult>> GetVersion(
        string sector, int version, HttpContext http, Database database, HandbookDocuments documents, CancellationToken cancellationToken) =>
        MediaTypes.JsonOrPdfAsync(http,
            async () => await database.ReadAsync(db => HandbookStore.FindAsync(db, sector, version), cancellationToken) is { Version.State: HandbookState.Published } found
                ? HandbookMapping.ToView(found)
                : null,
            t => documents.PublicationAsync(sector, version, t, cancellationToken),
            $"handbok-{sector}-{version}.pdf", "The handbook version");

    private static async Task<Results<Ok<HandbookVersionView>, ProblemHttpResult>> GetDraft(string sector, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(db => HandbookStore.DraftAsync(db, sector), cancellationToken) is { } draft
            ? TypedResults.Ok(HandbookMapping.ToView(draft))
            : Problems.NotFound("The draft");

    private static async Task<Results<Created<HandbookVersionView>, ProblemHttpResult>> CreateDraft(string sector, HttpContext http, HandbookCommands commands) =>
        await commands.CreateDraftAsync(sector, http.Caller()) is var created && created.Error is { } refused
            ? Problems.From(refused)
            : TypedResults.Created($"/api/v1/handbooks/{sector}/drafts/current", HandbookMapping.ToView(created.Value!));

    private static async Task<Results<Ok<HandbookVersionView>, ProblemHttpResult>> EditDraft(
        string sector, HandbookVersionView request, HttpContext http, HandbookCommands commands) =>
        Answer(await commands.EditDraftAsync(sector, request, http.Caller()));

    private static async Task<Results<Ok<HandbookVersionView>, ProblemHttpResult>> PublishDraft(string sector, HttpContext http, HandbookCommands commands) =>
        Answer(await commands.PublishDraftAsync(sector, http.Caller()));

    private static Results<Ok<HandbookVersionView>, ProblemHttpResult> Answer(Outcome<HandbookRecord> outcome) =>
        outcome.Error is { } refused ? Problems.From(refused) : TypedResults.Ok(HandbookMapping.ToView(outcome.Value!));
}
