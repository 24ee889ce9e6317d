using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// Lessons and closing: the project's lessons log (record a lesson, publish it for every project to find), and in
/// closure the end project report and the lessons report BP5 asks for.
/// </summary>
public sealed class AvslutningModel(Database database, LessonCommands lessons) : ProjectPageModel(database)
{
    public IReadOnlyList<LessonView> Lessons { get; private set; } = [];

    /// <summary>The reports written, oldest first.</summary>
    public IReadOnlyList<ReportView> Reports { get; private set; } = [];

    /// <summary>The newest report of the kind, if one is written.</summary>
    public ReportView? Newest(string kind) => Reports.LastOrDefault(r => r.Kind == kind);

    /// <summary>A report as PDF.</summary>
    public Task<IActionResult> OnGetReportAsync(Guid id, Guid report, [FromServices] LessonDocuments documents) =>
        DocumentAsync(id, (t, cancellationToken) => documents.ReportAsync(Project, report, t, cancellationToken), $"rapport-{report}.pdf");

    /// <summary>The co-creation register's activities and inputs, which a report may cite.</summary>
    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public IReadOnlyList<InputView> Inputs { get; private set; } = [];

    public Task<IActionResult> OnPostLessonAsync(Guid id)
    {
        var form = ReadForm();
        var tags = (form.Text("tags") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return SendAsync(id, "lesson", Operations.RecordLesson, form, () => lessons.RecordAsync(id,
            new RecordLesson(form.Text("title"), form.Text("description"), form.Text("recommendation"), tags), Caller), "LessonDone");
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, Guid lessonId) =>
        SendAsync(id, $"publish-{lessonId:N}", Operations.PublishLesson, ReadForm(), () => lessons.PublishAsync(id, lessonId, Caller), "LessonPublished");

    public Task<IActionResult> OnPostEndReportAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "endReport", Operations.WriteEndReport, form, () => lessons.ReportAsync(id, Report(form),
            Caller, LessonStore.EndReport, ProjectAction.WriteEndReport), "EndReportDone");
    }

    public Task<IActionResult> OnPostLessonsReportAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "lessonsReport", Operations.WriteLessonsReport, form, () => lessons.ReportAsync(id, Report(form),
            Caller, LessonStore.LessonsReport, ProjectAction.WriteLessonsReport), "LessonsReportDone");
    }

    private static WriteReport Report(FormReader form) => new(form.Text("summary"), form.Text("details"), form.Ids("activityIds"), form.Ids("inputIds"));

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        Lessons = await Database.ReadAsync(db => LessonStore.ForProjectAsync(db, Project.Id, new Paging(Paging.MaxLimit, Guid.Empty, 0)), cancellationToken);
        Reports = await Database.ReadAsync(db => LessonStore.ReportsAsync(db, Project.Id), cancellationToken);
        if (Project.Phase == Domain.Phases.Phase.Closure)
        {
            (Activities, Inputs) = await Database.ReadAsync(async db =>
                (await CoCreationStore.ActivitiesAsync(db, Project.Id), await CoCreationStore.InputsAsync(db, Project.Id)), cancellationToken);
        }
    }
}
