using NodaTime;
using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain.Handbooks;
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
    ProductSummary Products)
{
    /// <summary>The project's category (confirmed at BP1, else the mandate's proposal, else medium).</summary>
    public ProjectCategory Category { get; init; } = CategoryRules.Untailored;

    /// <summary>In execution: the day the next highlight report falls due (its category's interval after the last); before today, it is overdue.</summary>
    public LocalDate? NextReportDue { get; init; }
}

/// <summary>
/// The benefits for one beneficiary (null: benefits that name none): planned, realised (target reached or evaluated as
/// realised) and at risk (forecast short of target, or a measurement overdue).
/// </summary>
public sealed record BeneficiaryFigures(Domain.Benefits.Beneficiary? Beneficiary, int Planned, int Realised, int AtRisk);

/// <summary>Projects of one category, over the whole portfolio (the sector filter applies).</summary>
public sealed record CategoryCount(ProjectCategory Category, int Count);

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

    /// <summary>The co-creation figures in total and per sector (only the filtered sector when filtered).</summary>
    public CoCreationPortfolio CoCreation { get; init; } = new(CoCreationFigures.None, []);

    /// <summary>Projects per category: small, medium and large.</summary>
    public IReadOnlyList<CategoryCount> Categories { get; init; } = [];

    /// <summary>Projects in execution whose highlight report is overdue by their category's interval.</summary>
    public int OverdueReports { get; init; }

    /// <summary>Benefits planned, realised and at risk per beneficiary (citizens, businesses …), and those for nobody named.</summary>
    public IReadOnlyList<BeneficiaryFigures> Beneficiaries { get; init; } = [];
}

/// <summary>What a municipality reports on its co-creation strategy: in total and per sector.</summary>
public sealed record CoCreationPortfolio(CoCreationFigures Total, IReadOnlyList<SectorCoCreation> Sectors);

public sealed record SectorCoCreation(string Sector, CoCreationFigures Figures);

/// <summary>
/// Co-creation over a set of projects: how many keep a register (at least one stakeholder group) and a plan; the highest
/// IAP2 level any activity reached; how many reached a hard-to-reach group, and that as a share of those keeping a
/// register (null when none does); the inputs received and answered.
/// </summary>
public sealed record CoCreationFigures(
    int Projects, int ProjectsWithRegister, int ProjectsWithPlan, Domain.CoCreation.InvolvementLevel? HighestLevelReached,
    int ProjectsReachingHardToReach, decimal? HardToReachShare, int Inputs, int InputsAnswered)
{
    public static CoCreationFigures None { get; } = new(0, 0, 0, null, 0, null, 0, 0);

    public static CoCreationFigures Sum(IReadOnlyCollection<PortfolioStore.CoCreationCount> counts, IEnumerable<Domain.CoCreation.InvolvementLevel> levels)
    {
        var register = (int)counts.Sum(c => c.WithRegister);
        var reaching = (int)counts.Sum(c => c.ReachingHardToReach);
        return new CoCreationFigures((int)counts.Sum(c => c.Projects), register, (int)counts.Sum(c => c.WithPlan),
            levels.Select(l => (Domain.CoCreation.InvolvementLevel?)l).Max(), reaching, register == 0 ? null : Math.Round((decimal)reaching / register, 3),
            (int)counts.Sum(c => c.Inputs), (int)counts.Sum(c => c.InputsAnswered));
    }
}

/// <summary>How far the ideas of one origin came: received, proposed as a project, and that project approved at BP1.</summary>
public sealed record IdeaFunnel(Ideas.IdeaOrigin Origin, int Received, int Proposed, int ApprovedAtBp1);

public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/portfolio", Get).WithTags("Portfolio").WithName(Operations.GetPortfolio)
            .WithSummary("The portfolio at a glance")
            .WithDescription("Counts per phase, per RAG and per category (small, medium, large), open exceptions and overdue measurements over the whole portfolio (sector filters them); and a page of projects (limit, cursor; filtered by sector, phase, rag, hasOpenExceptions, category), each with its category and RAG (the worst of its newest highlight report), open exceptions, benefit achievement and overdue measurements, and its products accepted of the total. ideas gives, per origin, the ideas received, proposed as projects and approved at BP1; coCreation, in total and per sector, the projects keeping a co-creation register and a plan, the highest IAP2 level reached, the projects (and share of those with a register) that reached a hard-to-reach group, and the inputs answered. A fixed number of queries, whatever the number of projects.")
            .WithProblems(400);
        app.MapGet("/api/v1/portfolio/report", Report).WithTags("Portfolio").WithName(Operations.GetPortfolioReport)
            .WithSummary("The portfolio report for management and the council")
            .WithDescription("Per sector and in total (sector filters to one): projects per phase and per RAG, budget against forecast and booked cost (the budget of the stage plans; the forecast takes each stage's newest highlight report, its budget before the first), benefits planned against realised, open exceptions; every project with the same figures; the idea funnel and the co-creation figures. With Accept: application/pdf, the report with its charts, each with its figures in a table beside it (bokmål; English when Accept-Language prefers it); with Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, a workbook with a sheet per table, numbers as numbers and dates as dates; with Accept: text/csv, the projects as CSV for BI tools (RFC 4180, the API's field names and values).")
            .AlsoAs(MediaTypes.Pdf, MediaTypes.Xlsx, MediaTypes.Csv)
            .WithProblems(400);
        return app;
    }

    private static async Task<Results<Ok<PortfolioReportView>, FileContentHttpResult>> Report(
        HttpContext http, PortfolioReportReader reader, PortfolioDocuments documents, CancellationToken cancellationToken, string? sector = null)
    {
        var t = PaperTexts.For(http.Request);
        var report = await reader.ReadAsync(sector, t.Language, cancellationToken);
        var name = $"porteføljerapport-{report.Date:yyyy-MM-dd}";
        if (http.Request.Asks(MediaTypes.Pdf))
        {
            return TypedResults.File(documents.Pdf(report, t), MediaTypes.Pdf, $"{name}.pdf");
        }

        if (http.Request.Asks(MediaTypes.Xlsx))
        {
            return TypedResults.File(await documents.WorkbookAsync(report, t, cancellationToken), MediaTypes.Xlsx, $"{name}.xlsx");
        }

        return http.Request.Asks(MediaTypes.Csv)
            ? TypedResults.File(PortfolioDocuments.Csv(report), $"{MediaTypes.Csv}; charset=utf-8", $"{name}.csv")
            : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<PortfolioView>, ProblemHttpResult>> Get(
        PortfolioReader portfolio, CancellationToken cancellationToken, string? sector = null, [OneOf<Phase>] string? phase = null, [OneOf<Rag>] string? rag = null,
        bool? hasOpenExceptions = null, int? limit = null, string? cursor = null, [OneOf<ProjectCategory>] string? category = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueryValues.TryParseEnum<Phase>(phase, "phase", out var phaseFilter, errors) | !QueryValues.TryParseEnum<Rag>(rag, "rag", out var ragFilter, errors)
            | !QueryValues.TryParseEnum<ProjectCategory>(category, "category", out var categoryFilter, errors)
            | !Paging.TryParse(limit, cursor, CursorKind.Id, out var paging, out var pagingErrors))
        {
            return Problems.Validation(errors.Concat(pagingErrors).ToDictionary(e => e.Key, e => e.Value));
        }

        return TypedResults.Ok(await portfolio.ReadAsync(new PortfolioFilter(sector, phaseFilter, ragFilter, hasOpenExceptions, categoryFilter), paging, cancellationToken));
    }
}
