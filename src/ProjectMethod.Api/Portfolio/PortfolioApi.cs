using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Phases;
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
    int OverdueMeasurements, string? NextCursor)
{
    /// <summary>Ideas per origin: received, proposed as projects, and approved at BP1 — every origin, in the sector when filtered.</summary>
    public IReadOnlyList<IdeaFunnel> Ideas { get; init; } = [];
}

/// <summary>How far the ideas of one origin came: received, proposed as a project, and that project approved at BP1.</summary>
public sealed record IdeaFunnel(Ideas.IdeaOrigin Origin, int Received, int Proposed, int ApprovedAtBp1);

public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/portfolio", Get).WithTags("Portfolio").WithName("getPortfolio")
            .WithSummary("The portfolio at a glance")
            .WithDescription("Counts per phase and per RAG, open exceptions and overdue measurements over the whole portfolio (sector filters them); and a page of projects (limit, cursor; filtered by sector, phase, rag, hasOpenExceptions), each with its RAG (the worst of its newest highlight report), open exceptions, benefit achievement and overdue measurements, and its products accepted of the total. ideas gives, per origin, the ideas received, proposed as projects and approved at BP1. A fixed number of queries, whatever the number of projects.")
            .WithProblems(400);
        return app;
    }

    private static async Task<Results<Ok<PortfolioView>, ProblemHttpResult>> Get(
        PortfolioReader portfolio, CancellationToken cancellationToken, string? sector = null, string? phase = null, string? rag = null,
        bool? hasOpenExceptions = null, int? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueryValues.TryParseEnum<Phase>(phase, "phase", out var phaseFilter, errors) | !QueryValues.TryParseEnum<Rag>(rag, "rag", out var ragFilter, errors)
            | !Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var pagingErrors))
        {
            return Problems.Validation(errors.Concat(pagingErrors).ToDictionary(e => e.Key, e => e.Value));
        }

        return TypedResults.Ok(await portfolio.ReadAsync(new PortfolioFilter(sector, phaseFilter, ragFilter, hasOpenExceptions), paging, cancellationToken));
    }
}
