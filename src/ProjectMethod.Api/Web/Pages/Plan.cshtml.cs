using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The project's plans and tolerances: the project's tolerances the portfolio board sets, each stage's plan the Project
/// Manager writes and the stage tolerances the Executive sets — the levels the exceptions later climb.
/// </summary>
public sealed class PlanModel(Database database, ToleranceReader toleranceReader, ToleranceCommands tolerances) : ProjectPageModel(database)
{
    public TolerancesView Tolerances { get; private set; } = null!;

    /// <summary>The stage a plan or stage tolerances are most likely written for now: the next one.</summary>
    public int NextStage => Project.Stage is { } stage ? stage + 1 : 1;

    public Task<IActionResult> OnPostProjectAsync(Guid id)
    {
        var form = ReadForm();
        var request = form.Tolerances();
        return SendAsync(id, "project", Operations.SetProjectTolerances, form, () => tolerances.SetProjectAsync(id, request, Caller), "TolerancesDone");
    }

    public Task<IActionResult> OnPostStageAsync(Guid id)
    {
        var form = ReadForm();
        var stage = form.WholeNumber("stage") ?? 0;
        var request = form.Tolerances();
        return SendAsync(id, "stage", Operations.SetStageTolerances, form, () => tolerances.SetStageAsync(id, stage, request, Caller), "TolerancesDone");
    }

    public Task<IActionResult> OnPostPlanAsync(Guid id)
    {
        var form = ReadForm();
        var stage = form.WholeNumber("stage") ?? 0;
        var request = new StagePlanRequest(form.Date("plannedEnd"), form.Number("budget"), form.WholeNumber("productsInScope"), form.Text("description"));
        return SendAsync(id, "plan", Operations.PlanStage, form, () => tolerances.SetPlanAsync(id, stage, request, Caller), "PlanDone");
    }

    protected override async Task LoadPageAsync(CancellationToken cancellationToken) =>
        Tolerances = await toleranceReader.ReadAsync(Project, cancellationToken);
}
