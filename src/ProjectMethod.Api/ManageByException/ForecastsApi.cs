using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.ManageByException;

/// <summary>The Project Manager's highlight report: forecasts at the end of the stage and, optionally, of the project.</summary>
public sealed record SubmitForecast(
    int? Stage, ForecastValues? Values, ForecastValues? ProjectValues = null, string? Comment = null, HighlightNarrative? Narrative = null);

/// <summary>
/// What a highlight report tells the steering group besides its figures, every part optional: what was achieved this
/// period, what comes next, the issues and risks, and a comment per dimension (keyed by the dimension's name).
/// </summary>
public sealed record HighlightNarrative(
    string? Achieved = null, string? Next = null, string? IssuesAndRisks = null, IReadOnlyDictionary<string, string>? DimensionComments = null)
{
    /// <summary>Whether nothing is told: such a narrative is kept as none.</summary>
    public bool TellsNothing() => string.IsNullOrWhiteSpace(Achieved) && string.IsNullOrWhiteSpace(Next) && string.IsNullOrWhiteSpace(IssuesAndRisks)
        && (DimensionComments is null || DimensionComments.Values.All(string.IsNullOrWhiteSpace));
}

public static class ForecastsApi
{
    public static IEndpointRouteBuilder MapForecasts(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Exceptions");
        group.MapPost("/forecasts", async (Guid id, SubmitForecast request, HttpContext http, ForecastCommands commands) =>
                (await commands.SubmitAsync(id, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/exceptions")).WithName(Operations.SubmitForecast).Allows(ProjectAction.SubmitForecast)
            .WithSummary("Submit the stage forecast (highlight report)")
            .WithDescription("The Project Manager, for the current stage. Judged against the stage tolerance and the project tolerance (projectValues, or derived from the stage's: see the README); risk is the register's exposure, and once the project has products its quality (open defects) and scope (products removed) are measured from them, whatever the forecast gives: measured says which values were used. A dimension exceeded raises one exception, not a duplicate while it is open.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/forecasts", History).WithName(Operations.ListForecasts).WithSummary("The history of forecasts, oldest first")
            .WithDescription("Every highlight report, work-package forecast and benefit forecast with its judgement as it was made; paged with limit and cursor.")
            .WithProblems(400, 404);
        group.MapGet("/forecasts/{forecastId:guid}", GetOne).WithName(Operations.GetForecast).WithSummary("One forecast: a highlight report is the status report")
            .WithDescription("The forecast with its judgement as it was made and, for a highlight report, its narrative. With Accept: application/pdf, the status report the steering group reads: the narrative and the RAG table per dimension and level, as an A4 tagged PDF/A in bokmål, or in English when Accept-Language prefers it.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(404);
        return app;
    }

    private static Task<Results<Ok<ForecastEntry>, FileContentHttpResult, ProblemHttpResult>> GetOne(
        Guid id, Guid forecastId, HttpContext http, Database database, ForecastDocuments documents, CancellationToken cancellationToken) =>
        MediaTypes.JsonOrPdfAsync(http,
            () => database.ReadAsync(db => ForecastStore.GetAsync(db, id, forecastId), cancellationToken),
            t => documents.StatusReportAsync(ProjectScope.Project(http), forecastId, t, cancellationToken),
            $"statusrapport-{forecastId}.pdf", $"Forecast {forecastId} of project {id}");

    private static async Task<Results<Ok<Page<ForecastEntry>>, ProblemHttpResult>> History(
        Guid id, Database database, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (!Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(paging.ToPage(await database.ReadAsync(db => ForecastStore.PageAsync(db, id, paging), cancellationToken), f => f.Id));
    }
}
