using NodaTime;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Portfolio;

/// <summary>
/// A project in the portfolio report: its phase and RAG, its cost three ways — the budget of its stage plans, their
/// forecast (each stage's newest forecast, its budget where none yet) and the actual cost booked — its open exceptions,
/// benefits and products.
/// </summary>
public sealed record ReportProject(
    Guid Id, string Name, string Sector, Phase Phase, int? Stage, Rag? Rag, decimal? Budget, decimal? Forecast, decimal Actual, int OpenExceptions,
    BenefitSummary Benefits, ProductSummary Products);

/// <summary>
/// A sector's figures, or the whole portfolio's (sector and name null): projects per phase and per RAG, budget against forecast
/// and actuals, benefits planned against realised, and open exceptions.
/// </summary>
public sealed record SectorFigures(
    string? Sector, string? Name, int Projects, IReadOnlyList<PhaseCount> Phases, IReadOnlyList<RagCount> Rags, decimal Budget, decimal Forecast,
    decimal Actual, int BenefitsPlanned, int BenefitsRealised, int BenefitsAtRisk, int OpenExceptions)
{
    public static SectorFigures Of(string? sector, string? name, IReadOnlyCollection<ReportProject> projects) => new(
        sector, name, projects.Count,
        Enum.GetValues<Phase>().Select(p => new PhaseCount(p, projects.Count(r => r.Phase == p))).ToList(),
        projects.GroupBy(p => p.Rag).OrderBy(g => g.Key.HasValue).ThenBy(g => g.Key).Select(g => new RagCount(g.Key, g.Count())).ToList(),
        projects.Sum(p => p.Budget ?? 0), projects.Sum(p => p.Forecast ?? 0), projects.Sum(p => p.Actual),
        projects.Sum(p => p.Benefits.Count), projects.Sum(p => p.Benefits.Realised), projects.Sum(p => p.Benefits.AtRisk), projects.Sum(p => p.OpenExceptions));
}

/// <summary>
/// The portfolio report for management and the council: the figures per sector and in total, every project, the idea
/// funnel and the co-creation figures — for one sector when filtered.
/// </summary>
public sealed record PortfolioReportView(
    string? Sector, LocalDate Date, SectorFigures Total, IReadOnlyList<SectorFigures> Sectors, IReadOnlyList<ReportProject> Projects,
    IReadOnlyList<IdeaFunnel> Ideas, CoCreationPortfolio CoCreation);
