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
public sealed class StyringModel(Database database, BusinessCaseReader businessCase, LessonReader lessonSearch, BusinessCaseCommands businessCases, ChecklistCommands checklists, LessonCommands lessons, ProjectCommands projects) : ProjectPageModel(database)
{
    public BusinessCaseView? BusinessCase { get; private set; }

    public IReadOnlyList<ChecklistItemView> Checklist { get; private set; } = [];

    /// <summary>The published lessons of the project's sector, for the review the project makes of them.</summary>
    public IReadOnlyList<LessonView> SectorLessons { get; private set; } = [];

    public Task<IActionResult> OnPostMandateAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "mandate", Operations.WriteMandate, form,
            () => projects.WriteMandateAsync(id, new MandateRequest(form.Text("purpose"), form.Text("background"), CategoryProposal(form)), Caller), "MandateDone");
    }

    /// <summary>The category the mandate proposes, when any of its facts is filled in (the use case then asks for all five).</summary>
    private static CategoryProposal? CategoryProposal(FormReader form)
    {
        string[] fields = ["category.estimatedCost", "category.durationMonths", "category.sectorsInvolved", "category.uncertainty", "category.importance", "category.proposed"];
        return fields.All(f => form.Text(f) is null)
            ? null
            : new CategoryProposal(form.Number("category.estimatedCost"), form.WholeNumber("category.durationMonths"), form.WholeNumber("category.sectorsInvolved"),
                form.Enum<Domain.Handbooks.Scale>("category.uncertainty"), form.Enum<Domain.Handbooks.Scale>("category.importance"),
                form.Enum<Domain.Handbooks.ProjectCategory>("category.proposed"));
    }

    public Task<IActionResult> OnPostBusinessCaseAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "businessCase", Operations.WriteBusinessCase, form, () => businessCases.WriteAsync(id, new WriteBusinessCase(
            form.Text("reasons"), form.Text("options"), form.Text("expectedBenefits"), form.Text("expectedCosts"), form.Text("timescale"),
            form.Text("majorRisks")), Caller), "BusinessCaseDone");
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "review", Operations.ReviewBusinessCase, form,
            () => businessCases.ReviewAsync(id, new ReviewBusinessCase(form.Bool("justified"), form.Text("comment")), Caller), "ReviewDone");
    }

    public Task<IActionResult> OnPostChecklistAsync(Guid id, string itemId)
    {
        var form = ReadForm();
        return SendAsync(id, $"checklist-{itemId}", Operations.UpdateChecklistItem, form, () => checklists.UpdateAsync(id, itemId,
            new UpdateChecklistItem(form.Enum<ChecklistStatus>("status"), form.Text("comment")), Caller), "ChecklistDone");
    }

    public Task<IActionResult> OnPostLessonsAsync(Guid id)
    {
        var form = ReadForm();
        var chosen = Request.Form["lessonIds"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        return SendAsync(id, "lessons", Operations.ReviewLessons, form, () => lessons.ReviewAsync(id,
            new ReviewLessons(chosen.Count > 0 ? chosen : null, form.Text("noneRelevantReason")), Caller), "LessonsReviewDone");
    }

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        BusinessCase = await businessCase.ReadAsync(Project, cancellationToken);
        Checklist = await Database.ReadAsync(db => ChecklistStore.ForProjectAsync(db, Project), cancellationToken);
        SectorLessons = (await lessonSearch.SearchAsync(null, Project.Sector, null, new Paging(20, Guid.Empty, 0), cancellationToken)).Items;
    }
}
