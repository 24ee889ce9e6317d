using NodaTime;
using ProjectMethod.Api.Actuals;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Portfolio;

/// <summary>Reads the portfolio report: every project of the portfolio (or a sector) summarised, and the figures summed per sector.</summary>
public sealed class PortfolioReportReader(Database database, PortfolioReader portfolio, IClock clock)
{
    public async Task<PortfolioReportView> ReadAsync(string? sector, string language, CancellationToken cancellationToken)
    {
        var filter = new PortfolioFilter(sector, null, null, null);
        var first = await portfolio.ReadAsync(filter, new Paging(Paging.MaxLimit, Guid.Empty, 0), cancellationToken);
        var projects = first.Projects.ToList();
        for (var next = first.NextCursor; next is not null;)
        {
            Paging.TryParse(Paging.MaxLimit, next, CursorKind.Id, out var paging, out _);
            var page = await portfolio.ReadAsync(filter, paging, cancellationToken);
            projects.AddRange(page.Projects);
            next = page.NextCursor;
        }

        var (costs, sectors) = await database.ReadAsync(async db =>
        {
            var read = new Dictionary<Guid, ActualCosts>();
            foreach (var project in projects)
            {
                read[project.Id] = await ActualCostStore.ReadAsync(db, project.Id);
            }

            return (read, await SectorStore.AllAsync(db));
        }, cancellationToken);

        var rows = projects.Select(p =>
        {
            var stages = costs[p.Id].Stages;
            var planned = stages.Where(s => s.Budget is not null).ToList();
            return new ReportProject(p.Id, p.Name, p.Sector, p.Phase, p.Stage, p.Rag,
                planned.Count == 0 ? null : planned.Sum(s => s.Budget!.Value),
                planned.Count == 0 ? null : planned.Sum(s => s.Forecast ?? s.Budget!.Value),
                stages.Sum(s => s.Actual), p.OpenExceptions, p.Benefits, p.Products);
        }).OrderBy(p => p.Sector, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        string Name(string slug) => sectors.FirstOrDefault(s => s.Slug == slug)?.NameIn(language) ?? slug;
        var bySector = rows.GroupBy(r => r.Sector).OrderBy(g => Name(g.Key), StringComparer.CurrentCulture)
            .Select(g => SectorFigures.Of(g.Key, Name(g.Key), g.ToList())).ToList();
        return new PortfolioReportView(sector, BenefitMath.Today(clock), SectorFigures.Of(null, null, rows), bySector, rows, first.Ideas, first.CoCreation);
    }
}
