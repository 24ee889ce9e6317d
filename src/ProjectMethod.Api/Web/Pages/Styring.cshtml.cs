using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.BusinessCases;
using ProjectMethod.Api.Checklists;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Checklists;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The project's governing documents: the mandate, the business case and the Executive's confirmation of it in this
/// phase, the lessons of earlier projects, and the checklist of the decision points.
/// </summary>
public sealed class StyringModel(Database database, ProjectWrites writes) : ProjectPageModel(database)
{
    public BusinessCaseView? BusinessCase { get; private set; }

    public IReadOnlyList<ChecklistItemView> Checklist { get; private set; } = [];

    /// <summary>The published lessons of the project's sector, for the review the project makes of them.</summary>
    public IReadOnlyList<LessonView> SectorLessons { get; private set; } = [];

    public Task<IActionResult> OnPostMandateAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "mandate", Operations.WriteMandate, form,
            () => Proposals.WriteMandateAsync(id, new MandateRequest(form.Text("purpose"), form.Text("background")), HttpContext, writes), "MandateDone");
    }

    public Task<IActionResult> OnPostBusinessCaseAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "businessCase", Operations.WriteBusinessCase, form, () => BusinessCaseRecords.WriteAsync(id, new WriteBusinessCase(
            form.Text("reasons"), form.Text("options"), form.Text("expectedBenefits"), form.Text("expectedCosts"), form.Text("timescale"),
            form.Text("majorRisks")), HttpContext, writes), "BusinessCaseDone");
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "review", Operations.ReviewBusinessCase, form,
            () => BusinessCaseRecords.ReviewAsync(id, new ReviewBusinessCase(form.Bool("justified"), form.Text("comment")), HttpContext, writes), "ReviewDone");
    }

    public Task<IActionResult> OnPostChecklistAsync(Guid id, string itemId)
    {
        var form = ReadForm();
        return SendAsync(id, $"checklist-{itemId}", Operations.UpdateChecklistItem, form, () => ChecklistAnswers.UpdateAsync(id, itemId,
            new UpdateChecklistItem(form.Enum<ChecklistStatus>("status"), form.Text("comment")), HttpContext, writes), "ChecklistDone");
    }

    public Task<IActionResult> OnPostLessonsAsync(Guid id)
    {
        var form = ReadForm();
        var chosen = Request.Form["lessonIds"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        return SendAsync(id, "lessons", Operations.ReviewLessons, form, () => LessonRecords.ReviewAsync(id,
            new ReviewLessons(chosen.Count > 0 ? chosen : null, form.Text("noneRelevantReason")), HttpContext, writes), "LessonsReviewDone");
    }

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        BusinessCase = await BusinessCaseRecords.ReadAsync(Project, Database, cancellationToken);
        Checklist = await Database.ReadAsync(db => ChecklistStore.ForProjectAsync(db, Project), cancellationToken);
        SectorLessons = (await LessonRecords.SearchAsync(Database, null, Project.Sector, null, new Paging(20, Guid.Empty, 0), cancellationToken)).Items;
    }
}
