using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Portfolio;

/// <summary>
/// The portfolio at a glance, for the API and the web pages alike: counts over the whole portfolio (kept per audit head)
/// and one filtered page of projects, each summarised — a fixed number of statements, whatever the number of projects.
/// </summary>
public sealed class PortfolioReader(Database database, IClock clock, ProjectViews views)
{
    public async Task<PortfolioView> ReadAsync(PortfolioFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var sector = filter.Sector;
        var today = BenefitMath.Today(clock);
        var (page, all, summaries) = await database.ReadAsync(async db =>
        {
            var rows = await PortfolioStore.PageAsync(db, filter, paging);
            var all = await TotalsAsync(db, views, sector, today);
            var onPage = rows.Take(paging.Limit).ToList();
            return (rows, all, onPage.Count == 0 ? [] : await SummariseAsync(db, onPage, today));
        }, cancellationToken);
        var (totals, overdue, ideas, coCreation) = all;
        var reportsDue = all.ReportsDue;

        var phases = Enum.GetValues<Phase>()
            .Select(p => new PhaseCount(p, (int)(totals.Phases.FirstOrDefault(c => c.Key == p.Wire())?.N ?? 0))).ToList();
        var rags = totals.Rags.Select(c => new RagCount(c.Key is null ? null : Enum.Parse<Rag>(c.Key, ignoreCase: true), (int)c.N))
            .OrderBy(c => c.Rag.HasValue).ThenBy(c => c.Rag).ToList();
        var next = paging.ToPage(page, p => p.Id).NextCursor;
        var funnel = Enum.GetValues<Ideas.IdeaOrigin>().Select(origin =>
            ideas.FirstOrDefault(i => i.Origin == origin.Wire()) is { } counted
                ? new IdeaFunnel(origin, (int)counted.Received, (int)counted.Proposed, (int)counted.ApprovedAtBp1)
                : new IdeaFunnel(origin, 0, 0, 0)).ToList();
        var categories = Enum.GetValues<Domain.Handbooks.ProjectCategory>()
            .Select(c => new CategoryCount(c, (int)(totals.Categories.FirstOrDefault(n => n.Key == c.Wire())?.N ?? 0))).ToList();
        return new PortfolioView(phases, rags, summaries.Select(p => p with { NextReportDue = reportsDue.TryGetValue(p.Id, out var due) ? due : null }).ToList(),
            (int)totals.OpenExceptions, overdue, next)
        {
            Ideas = funnel, CoCreation = coCreation, Categories = categories, OverdueReports = reportsDue.Values.Count(d => d < today),
            Beneficiaries = all.Beneficiaries,
        };
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

        var measured = await PortfolioStore.MeasuredAsync(db, sector, today);
        var totals = new PortfolioTotals(await PortfolioStore.TotalsAsync(db, sector), measured.Count(b => b.Benefit.Figures?.Status == BenefitStatus.Overdue),
            await PortfolioStore.IdeasAsync(db, sector), CoCreationOf(await PortfolioStore.CoCreationAsync(db, sector), await PortfolioStore.LevelsReachedAsync(db, sector)))
        {
            ReportsDue = await PortfolioStore.ReportsDueAsync(db, sector, today.AtStartOfDayInZone(Domain.Benefits.BenefitMath.Oslo).ToInstant()),
            Beneficiaries = await PortfolioStore.PerBeneficiaryAsync(db, sector, measured),
        };
        if (await AuditStore.HeadAsync(db) == head)
        {
            views.Keep(key, totals);
        }

        return totals;
    }

    private static CoCreationPortfolio CoCreationOf(IReadOnlyList<PortfolioStore.CoCreationCount> counts, IReadOnlyList<PortfolioStore.LevelReached> levels)
    {
        var bySector = levels.ToLookup(l => l.Sector, l => l.Level);
        return new CoCreationPortfolio(
            CoCreationFigures.Sum(counts, levels.Select(l => l.Level)),
            counts.OrderBy(c => c.Sector, StringComparer.Ordinal).Select(c => new SectorCoCreation(c.Sector, CoCreationFigures.Sum([c], bySector[c.Sector]))).ToList());
    }

    private sealed record PortfolioTotals(
        (IReadOnlyList<PortfolioStore.Count> Phases, IReadOnlyList<PortfolioStore.Count> Rags, long OpenExceptions, IReadOnlyList<PortfolioStore.Count> Categories) Counts, int Overdue,
        IReadOnlyList<PortfolioStore.IdeaCount> Ideas, CoCreationPortfolio CoCreation)
    {
        /// <summary>The day each project in execution owes its next highlight report.</summary>
        public IReadOnlyDictionary<Guid, LocalDate> ReportsDue { get; init; } = new Dictionary<Guid, LocalDate>();

        public IReadOnlyList<BeneficiaryFigures> Beneficiaries { get; init; } = [];
    }

    /// <summary>One page of projects, summarised with a statement per kind of fact over the page's range of ids.</summary>
    private static async Task<IReadOnlyList<PortfolioProject>> SummariseAsync(DbSession db, List<PortfolioStore.PortfolioRow> page, LocalDate today)
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
                    byState.GetValueOrDefault(ProductState.RemovedFromScope.Wire()))) { Category = project.Category };
        }).ToList();
    }
}
