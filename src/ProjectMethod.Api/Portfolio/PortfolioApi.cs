using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Benefits;
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

/// <summary>The portfolio board's overview: projects per phase, RAG, open exceptions, benefits and overdue measurements.</summary>
public sealed record PortfolioView(IReadOnlyList<PhaseCount> Phases, IReadOnlyList<PortfolioProject> Projects, int OpenExceptions, int OverdueMeasurements);

public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/portfolio", Get).WithTags("Portfolio").WithName("getPortfolio")
            .WithSummary("The portfolio at a glance")
            .WithDescription("Per phase the number of projects; per project its RAG (the worst of its newest forecast), open exceptions, benefit achievement and overdue measurements, and its products accepted of the total. sector filters.")
            .WithProblems(400);
        return app;
    }

    private static async Task<Ok<PortfolioView>> Get(Database database, IClock clock, CancellationToken cancellationToken, string? sector = null)
    {
        var today = BenefitMath.Today(clock);
        var projects = await database.ReadAsync(async db =>
        {
            var summaries = new List<PortfolioProject>();
            var paging = new Paging(Paging.MaxLimit, Guid.Empty, 0);
            while (true)
            {
                var rows = await ProjectStore.ListAsync(db, null, sector, paging);
                foreach (var project in rows.Take(paging.Limit))
                {
                    summaries.Add(await SummariseAsync(db, project, today));
                }

                if (rows.Count <= paging.Limit)
                {
                    return summaries;
                }

                paging = paging with { AfterId = rows[paging.Limit - 1].Id };
            }
        }, cancellationToken);

        var phases = Enum.GetValues<Phase>().Select(p => new PhaseCount(p, projects.Count(x => x.Phase == p))).ToList();
        return TypedResults.Ok(new PortfolioView(phases, projects, projects.Sum(p => p.OpenExceptions), projects.Sum(p => p.Benefits.OverdueMeasurements)));
    }

    private static async Task<PortfolioProject> SummariseAsync(DbSession db, ProjectRow project, LocalDate today)
    {
        var evaluation = await ForecastStore.LatestStageEvaluationAsync(db, project.Id);
        var rags = (evaluation?.Stage ?? []).Concat(evaluation?.Project ?? []).Select(d => d.Rag).ToList();
        var exceptions = await ExceptionStore.ForProjectAsync(db, project.Id);
        var benefits = await BenefitStore.ForProjectAsync(db, project.Id);
        var measurements = await BenefitStore.MeasurementsAsync(db, project.Id);
        var figures = benefits.Where(b => b.Outcome is null)
            .Select(b => BenefitView.From(b, measurements, today, project.Phase).Figures).OfType<BenefitFigures>().ToList();
        var achievements = figures.Select(f => f.Achievement).OfType<decimal>().ToList();
        var summary = new BenefitSummary(
            benefits.Count,
            achievements.Count == 0 ? null : Math.Round(achievements.Average(), 1),
            figures.Count(f => f.Status == BenefitStatus.OnTrack),
            figures.Count(f => f.Status == BenefitStatus.AtRisk),
            figures.Count(f => f.Status == BenefitStatus.Realised),
            figures.Count(f => f.Status == BenefitStatus.Overdue),
            benefits.Count(b => b.Outcome is not null));
        var products = await ProductStore.ForProjectAsync(db, project.Id);
        return new PortfolioProject(project.Id, project.Name, project.Sector, project.Phase, project.Stage, project.ClosedEarly,
            rags.Count == 0 ? null : rags.Max(), exceptions.Count(e => ExceptionRules.IsOpen(e.State)), summary,
            new ProductSummary(products.Count(p => p.State == ProductState.Accepted), products.Count, products.Count(p => p.State == ProductState.RemovedFromScope)));
    }
}
