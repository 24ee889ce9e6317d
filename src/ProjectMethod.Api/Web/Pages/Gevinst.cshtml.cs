using Microsoft.AspNetCore.Mvc;
using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// One benefit: baseline, target, the measurements and the forecast to the target date as a chart drawn on the server
/// (and the same numbers as a table), and a form for the next measurement — the API's own use case behind it.
/// </summary>
public sealed class GevinstModel(Database database, BenefitCommands measurements, IClock clock) : ProjectPageModel(database)
{
    public BenefitView Benefit { get; private set; } = null!;

    private Guid BenefitId => Guid.Parse((string)RouteData.Values["benefitId"]!);

    public Task<IActionResult> OnPostAsync(Guid id, Guid benefitId)
    {
        var form = ReadForm();
        return SendAsync(id, "measure", Operations.RegisterMeasurement, form, () => measurements.RegisterAsync(id, benefitId,
            new MeasurementRequest(form.Date("date"), form.Number("value"), form.Text("comment")), Caller), "MeasurementDone");
    }

    protected override object RouteAfterSuccess(Guid id) => new { id, benefitId = BenefitId };

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        var (benefit, all) = await Database.ReadAsync(async db =>
            (await BenefitStore.GetAsync(db, Project.Id, BenefitId), await BenefitStore.MeasurementsAsync(db, Project.Id)), cancellationToken);
        Benefit = benefit is null ? null! : BenefitView.From(benefit, all, BenefitMath.Today(clock), Project.Phase);
    }

    /// <summary>A benefit of another project, or none, is not found: when the page is read, and when a form to it is refused.</summary>
    protected override bool Found => Benefit is not null;
}
