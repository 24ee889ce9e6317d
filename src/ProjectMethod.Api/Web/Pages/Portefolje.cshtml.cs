using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The portfolio for the board: counts per phase and RAG, open exceptions and overdue measurements, and the projects —
/// filtered by sector, phase, RAG and open exceptions with a form that needs no script — from the API's own reader.
/// </summary>
public sealed class PortefoljeModel(PortfolioReader portfolio, PortfolioReportReader reports, PortfolioDocuments documents, NodaTime.IClock clock) : PageModel
{
    /// <summary>The portfolio report (of the sector chosen, if one is) as PDF, as a workbook, or the projects as CSV.</summary>
    public async Task<IActionResult> OnGetReportAsync(string? format, CancellationToken cancellationToken)
    {
        var t = PaperTexts.OfPages();
        var report = await reports.ReadAsync(string.IsNullOrWhiteSpace(Sector) ? null : Sector.Trim(), t.Language, cancellationToken);
        var name = $"porteføljerapport-{report.Date:yyyy-MM-dd}";
        return format switch
        {
            "xlsx" => File(await documents.WorkbookAsync(report, t, cancellationToken), MediaTypes.Xlsx, $"{name}.xlsx"),
            "csv" => File(PortfolioDocuments.Csv(report), $"{MediaTypes.Csv}; charset=utf-8", $"{name}.csv"),
            _ => File(documents.Pdf(report, t), MediaTypes.Pdf, $"{name}.pdf"),
        };
    }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public Phase? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    public Rag? Rag { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OpenExceptions { get; set; }

    [BindProperty(SupportsGet = true)]
    public Domain.Handbooks.ProjectCategory? Category { get; set; }

    public PortfolioView View { get; private set; } = null!;

    /// <summary>Today in Oslo, which an overdue report is before.</summary>
    public NodaTime.LocalDate Today => Domain.Benefits.BenefitMath.Today(clock);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await portfolio.ReadAsync(
            new PortfolioFilter(string.IsNullOrWhiteSpace(Sector) ? null : Sector.Trim(), Phase, Rag, OpenExceptions ? true : null, Category),
            new Paging(Paging.MaxLimit, Guid.Empty, 0), cancellationToken);
}
