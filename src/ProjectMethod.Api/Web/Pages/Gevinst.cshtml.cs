using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// One benefit: baseline, target, the measurements and the forecast to the target date as a chart drawn on the server
/// (and the same numbers as a table), and a form for the next measurement — the API's own use case behind it.
/// </summary>
public sealed class GevinstModel(Database database, BenefitMeasurements measurements, IClock clock) : PageModel
{
    public ProjectRow Project { get; private set; } = null!;

    public BenefitView Benefit { get; private set; } = null!;

    public ProsjektModel.Refused? Refusal { get; private set; }

    [TempData]
    public string? Done { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid benefitId, CancellationToken cancellationToken) =>
        await LoadAsync(id, benefitId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid benefitId, CancellationToken cancellationToken)
    {
        // The form's own faults (no date, no number) are refused as the API refuses a missing field.
        LocalDate? date = LocalDatePattern.Iso.Parse(Date ?? "") is { Success: true } parsed ? parsed.Value : null;
        decimal? value = decimal.TryParse((Value ?? "").Replace(" ", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Number,
            CultureInfo.InvariantCulture, out var number) ? number : null;
        var result = await measurements.RegisterAsync(HttpContext, id, benefitId, new MeasurementRequest(date, value, Comment));
        if (result.Problem is null)
        {
            Done = "MeasurementDone";
            return RedirectToPage(new { id, benefitId });
        }

        Refusal = ProsjektModel.Refused.From("measure", result.Problem);
        Response.StatusCode = result.Problem.StatusCode;
        return await LoadAsync(id, benefitId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid benefitId, CancellationToken cancellationToken)
    {
        var (project, benefit, all) = await database.ReadAsync(async db =>
            (await ProjectStore.GetAsync(db, id), await BenefitStore.GetAsync(db, id, benefitId), await BenefitStore.MeasurementsAsync(db, id)), cancellationToken);
        if (project is null || benefit is null)
        {
            return false;
        }

        Project = project;
        Benefit = BenefitView.From(benefit, all, BenefitMath.Today(clock), project.Phase);
        return true;
    }
}
