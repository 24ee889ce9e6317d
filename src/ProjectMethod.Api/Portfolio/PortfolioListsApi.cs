using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Portfolio;

/// <summary>One item of a project, read across the portfolio: the project it belongs to, and the item as the project shows it.</summary>
public sealed record InProject<T>(Guid ProjectId, string ProjectName, T Item);

/// <summary>
/// What a BI tool or the archive reads across every project at once, paged, each collection filtered by sector and by
/// what changed since a point in time: decisions (decided since), forecasts and highlight reports (submitted since) and
/// benefits (registered, measured or evaluated since).
/// </summary>
public static class PortfolioListsApi
{
    public static IEndpointRouteBuilder MapPortfolioLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/portfolio").WithTags("Portfolio");
        group.MapGet("/decisions", Decisions).WithName(Operations.ListPortfolioDecisions).WithSummary("Every project's decisions, paged")
            .WithDescription("Oldest first, as the archive files them (see getDecision). updatedSince keeps those decided at or after that instant; sector one sector's projects.")
            .WithProblems(400);
        group.MapGet("/forecasts", Forecasts).WithName(Operations.ListPortfolioForecasts).WithSummary("Every project's forecasts and highlight reports, paged")
            .WithDescription("Oldest first, each with its project. updatedSince keeps those submitted at or after that instant; sector one sector's projects.")
            .WithProblems(400);
        group.MapGet("/benefits", Benefits).WithName(Operations.ListPortfolioBenefits).WithSummary("Every project's benefits, paged")
            .WithDescription("In the order they were registered, each with its project and with achievement, trend, forecast and status as the project's register shows them. updatedSince keeps those registered, measured or evaluated at or after that instant; sector one sector's projects.")
            .WithProblems(400);
        return app;
    }

    private static async Task<Results<Ok<Page<DecisionView>>, ProblemHttpResult>> Decisions(
        HttpContext http, Database database, CancellationToken cancellationToken, string? sector = null, string? updatedSince = null, int? limit = null, string? cursor = null)
    {
        if (!TryRead(updatedSince, limit, cursor, out var since, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        // An exempt decision's content is shown here only to those who may read it on every project; its project's roles see it there.
        var mayRead = Archive.ExemptionReader.MayReadEverywhere(http.User.ToActor());
        var decisions = await database.ReadAsync(db => GateStore.AcrossPortfolioAsync(db, sector, since, paging), cancellationToken);
        return TypedResults.Ok(paging.ToPage(decisions.Select(d => d.SeenBy(mayRead)).ToList(), d => d.Id));
    }

    private static async Task<Results<Ok<Page<InProject<ForecastEntry>>>, ProblemHttpResult>> Forecasts(
        Database database, CancellationToken cancellationToken, string? sector = null, string? updatedSince = null, int? limit = null, string? cursor = null)
    {
        if (!TryRead(updatedSince, limit, cursor, out var since, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        var (forecasts, names) = await database.ReadAsync(
            async db => (await ForecastStore.AcrossPortfolioAsync(db, sector, since, paging), await PortfolioStore.ProjectsAsync(db)), cancellationToken);
        var items = forecasts.Select(f => new InProject<ForecastEntry>(f.ProjectId, names[f.ProjectId].Name, f.Forecast)).ToList();
        return TypedResults.Ok(paging.ToPage(items, f => f.Item.Id));
    }

    private static async Task<Results<Ok<Page<InProject<BenefitView>>>, ProblemHttpResult>> Benefits(
        Database database, IClock clock, CancellationToken cancellationToken, string? sector = null, string? updatedSince = null, int? limit = null,
        string? cursor = null)
    {
        if (!TryRead(updatedSince, limit, cursor, out var since, out var paging, out var errors))
        {
            return Problems.Validation(errors);
        }

        var ((rows, measurements), projects) = await database.ReadAsync(
            async db => (await BenefitStore.AcrossPortfolioAsync(db, sector, since, paging), await PortfolioStore.ProjectsAsync(db)), cancellationToken);
        var today = BenefitMath.Today(clock);
        var items = rows.Select(b => new InProject<BenefitView>(
            b.ProjectId, projects[b.ProjectId].Name, BenefitView.From(b.Row, measurements, today, projects[b.ProjectId].Phase))).ToList();
        return TypedResults.Ok(paging.ToPage(items, b => b.Item.Id));
    }

    private static bool TryRead(string? updatedSince, int? limit, string? cursor, out Instant since, out Paging paging, out Dictionary<string, string[]> errors)
    {
        var paged = Paging.TryParse(limit, cursor, CursorKind.Id, out paging, out errors);
        return QueryValues.TryParseInstant(updatedSince, "updatedSince", out since, errors) & paged;
    }
}
