using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// One highlight report as the steering group reads it, and prints it on A4: the project and its people, the overall
/// status, what was achieved, what comes next, issues and risks, and each dimension with its forecast, plan, deviation,
/// status and comment on the stage and the project level.
/// </summary>
public sealed class StatusrapportModel(Database database) : ProjectPageModel(database)
{
    public ForecastEntry? Report { get; private set; }

    /// <summary>The report's stage: its budget and the costs the finance system has booked so far (the forecast is the report's own).</summary>
    public Actuals.StageCostView? Cost { get; private set; }

    protected override bool Found => Report is not null;

    /// <summary>The status report as PDF.</summary>
    public Task<IActionResult> OnGetPdfAsync(Guid id, Guid forecastId, [FromServices] ForecastDocuments documents) =>
        DocumentAsync(id, (t, cancellationToken) => documents.StatusReportAsync(Project, forecastId, t, cancellationToken), $"statusrapport-{forecastId}.pdf");

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        var forecastId = Guid.TryParse(RouteData.Values["forecastId"]?.ToString(), out var parsed) ? parsed : Guid.Empty;
        var report = await Database.ReadAsync(db => ForecastStore.GetAsync(db, Project.Id, forecastId), cancellationToken);
        Report = report is { Level: ForecastLevel.Stage } ? report : null;
        if (Report is not null)
        {
            var costs = await Database.ReadAsync(db => Actuals.ActualCostStore.ReadAsync(db, Project.Id), cancellationToken);
            Cost = costs.Stages.FirstOrDefault(s => s.Stage == Report.Stage);
        }
    }
}
