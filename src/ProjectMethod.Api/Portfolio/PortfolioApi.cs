using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Portfolio;

public sealed record PhaseCount(Phase Phase, int Count);

/// <summary>A project's benefits at a glance: how many, average achievement, and where realisation lags.</summary>
public sealed record BenefitSummary(int Count, decimal? AverageAchievement, int OnTrack, int AtRisk, int Realised, int OverdueMeasurements, int Evaluated);

/// <summary>A project's products at a glance: how many are accepted, of how many, and how many were removed from scope.</summary>
public sealed record ProductSummary(int Accepted, int Total, int RemovedFromScope);

public sealed record PortfolioProject(
    Guid Id, string Name, string Sector, Phase Phase, int? Stage, bool ClosedEarly, Rag? Rag, int OpenExceptions, BenefitSummary Benefits,
    ProductSummary Products);

/// <summary>Projects by the RAG of their newest highlight report; <c>rag</c> null counts those without one yet.</summary>
public sealed record RagCount(Rag? Rag, int Count);

/// <summary>
/// The portfolio board's overview: counts per phase and per RAG, open exceptions and overdue measurements over the
/// whole portfolio (the sector filter applies), and one page of projects (every filter applies) with the next cursor.
/// </summary>
public sealed record PortfolioView(
    IReadOnlyList<PhaseCount> Phases, IReadOnlyList<RagCount> Rags, IReadOnlyList<PortfolioProject> Projects, int OpenExceptions,
    int OverdueMeasurements, string? NextCursor);

public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/portfolio", Get).WithTags("Portfolio").WithName("getPortfolio")
            .WithSummary("The portfolio at a glance")
            .WithDescription("Counts per phase and per RAG, open exceptions and overdue measurements over the whole portfolio (sector filters them); and a page of projects (limit, cursor; filtered by sector, phase, rag, hasOpenExceptions), each with its RAG (the worst of its newest highlight report), open exceptions, benefit achievement and overdue measurements, and its products accepted of the total. A fixed number of queries, whatever the number of projects.")
            .WithProblems(400);
        return app;
    }

    private static async Task<Results<Ok<PortfolioView>, ProblemHttpResult>> Get(
        Database database, IClock clock, ProjectViews views, CancellationToken cancellationToken, string? sector = null, string? phase = null, string? rag = null,
        bool? hasOpenExceptions = null, int? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueryValues.TryParseEnum<Phase>(phase, "phase", out var phaseFilter, errors) | !QueryValues.TryParseEnum<Rag>(rag, "rag", out var ragFilter, errors)
            | !Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var pagingErrors))
        {
            return Problems.Validation(errors.Concat(pagingErrors).ToDictionary(e => e.Key, e => e.Value));
        }

        var today = BenefitMath.Today(clock);
        var filter = new PortfolioFilter(sector, phaseFilter, ragFilter, hasOpenExceptions);
        var (page, totals, overdue, summaries) = await database.ReadAsync(async db =>
        {
            var rows = await PortfolioStore.PageAsync(db, filter, paging);
            var (totals, overdue) = await TotalsAsync(db, views, sector, today);
            var onPage = rows.Take(paging.Limit).ToList();
            return (rows, totals, overdue, onPage.Count == 0 ? [] : await SummariseAsync(db, onPage, today));
        }, cancellationToken);

        var phases = Enum.GetValues<Phase>()
            .Select(p => new PhaseCount(p, (int)(totals.Phases.FirstOrDefault(c => c.Key == p.Wire())?.N ?? 0))).ToList();
        var rags = totals.Rags.Select(c => new RagCount(c.Key is null ? null : Enum.Parse<Rag>(c.Key, ignoreCase: true), (int)c.N))
            .OrderBy(c => c.Rag.HasValue).ThenBy(c => c.Rag).ToList();
        var next = paging.ToPage(page, p => p.Id).NextCursor;
        return TypedResults.Ok(new PortfolioView(phases, rags, summaries, (int)totals.OpenExceptions, overdue, next));
    }

    /// <summary>
    /// The figures over the whole portfolio, which grow with it, kept for the audit chain's head they were read at: every
    /// change to any project appends to the chain in its own transaction, so an unmoved head means an unchanged portfolio
    /// (on every instance). Figures whose reading a change crossed are served but not kept.
    /// </summary>
    private static async Task<PortfolioTotals> TotalsAsync(DbSession db, ProjectViews views, string? sector, LocalDate today)
    {
        var head = await AuditStore.HeadAsync(db);
        var key = new ProjectViews.Key(nameof(PortfolioTotals), Guid.Empty, head?.Sequence ?? 0, (sector, today));
        if (views.TryGet(key, out PortfolioTotals? kept))
        {
            return kept!;
        }

        var totals = new PortfolioTotals(await PortfolioStore.TotalsAsync(db, sector), await PortfolioStore.OverdueMeasurementsAsync(db, sector, today));
        if (await AuditStore.HeadAsync(db) == head)
        {
            views.Keep(key, totals);
        }

        return totals;
    }

    private sealed record PortfolioTotals(
        (IReadOnlyList<PortfolioStore.Count> Phases, IReadOnlyList<PortfolioStore.Count> Rags, long OpenExceptions) Counts, int Overdue);

    /// <summary>One page of projects, summarised with a statement per kind of fact over the page's range of ids.</summary>
    private static async Task<IReadOnlyList<PortfolioProject>> SummariseAsync(DbSession db, List<PortfolioStore.ProjectRow> page, LocalDate today)
    {
        var (first, last) = (page[0].Id, page[^1].Id);
        var exceptions = (await PortfolioStore.OpenExceptionsAsync(db, first, last)).ToDictionary(c => c.ProjectId, c => (int)c.N);
        var products = (await PortfolioStore.ProductsAsync(db, first, last)).ToLookup(c => c.ProjectId);
        var benefits = (await PortfolioStore.BenefitsAsync(db, first, last, today)).ToLookup(b => b.ProjectId, b => b.Benefit);
        return page.Select(project =>
        {
            var own = benefits[project.Id].ToList();
            var figures = own.Where(b => b.Evaluation is null).Select(b => b.Figures).OfType<BenefitFigures>().ToList();
            var achievements = figures.Select(f => f.Achievement).OfType<decimal>().ToList();
            var summary = new BenefitSummary(
                own.Count,
                achievements.Count == 0 ? null : Math.Round(achievements.Average(), 1),
                figures.Count(f => f.Status == BenefitStatus.OnTrack),
                figures.Count(f => f.Status == BenefitStatus.AtRisk),
                figures.Count(f => f.Status == BenefitStatus.Realised),
                figures.Count(f => f.Status == BenefitStatus.Overdue),
                own.Count(b => b.Evaluation is not null));
            var byState = products[project.Id].ToDictionary(c => c.Key ?? "", c => (int)c.N);
            return new PortfolioProject(project.Id, project.Name, project.Sector, project.Phase, project.Stage, project.ClosedEarly, project.Rag,
                exceptions.GetValueOrDefault(project.Id), summary,
                new ProductSummary(byState.GetValueOrDefault(ProductState.Accepted.Wire()), byState.Values.Sum(),
                    byState.GetValueOrDefault(ProductState.RemovedFromScope.Wire())));
        }).ToList();
    }
}
