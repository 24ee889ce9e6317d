using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The portfolio for the board: counts per phase and RAG, open exceptions and overdue measurements, and the projects —
/// filtered by sector, phase, RAG and open exceptions with a form that needs no script — from the API's own reader.
/// </summary>
public sealed class PortefoljeModel(PortfolioReader portfolio) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public Phase? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    public Rag? Rag { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OpenExceptions { get; set; }

    public PortfolioView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await portfolio.ReadAsync(
            new PortfolioFilter(string.IsNullOrWhiteSpace(Sector) ? null : Sector.Trim(), Phase, Rag, OpenExceptions ? true : null),
            new Paging(Paging.MaxLimit, Guid.Empty, 0), cancellationToken);
}
