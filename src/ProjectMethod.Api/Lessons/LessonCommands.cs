using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Lessons;

namespace ProjectMethod.Api.Lessons;

/// <summary>The lessons log and the closing reports: the use cases the API and the web pages share.</summary>
public sealed class LessonCommands(ProjectWrites writes)
{
    private const int MaxTags = 20;

    /// <summary>A lesson recorded by anyone with a role on the project.</summary>
    public async Task<WriteResult<LessonView>> RecordAsync(Guid id, RecordLesson request, Caller caller)
    {
        var validation = new Validation()
            .Text("title", request.Title, Validation.ShortText)
            .Text("description", request.Description, Validation.LongText)
            .Text("recommendation", request.Recommendation, Validation.LongText)
            .That((request.Tags?.Count ?? 0) <= MaxTags, "tags", $"At most {MaxTags} tags.")
            .That(request.Tags?.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 50) ?? true, "tags", "Each tag is 1–50 characters.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<LessonView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<LessonView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.RecordLesson) is { } forbidden)
            {
                return forbidden;
            }

            var lesson = new LessonView(Ids.New(write.Now), id, request.Title!.Trim(), request.Description!.Trim(),
                request.Recommendation!.Trim(), request.Tags?.Select(t => t.Trim()).Distinct().ToList() ?? [], write.Project.Phase, write.Actor.UserId, write.Now);
            await LessonStore.InsertAsync(write.Db, lesson);
            write.Record(EventTypes.LessonRecorded, new LessonRecordedData(lesson.Id, lesson.Title));
            return lesson;
        });

        return result;
    }

    /// <summary>A lesson published so that every project can find it.</summary>
    public async Task<WriteResult<LessonView>> PublishAsync(Guid id, Guid lessonId, Caller caller)
    {
        var result = await writes.RunAsync<LessonView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.PublishLesson) is { } forbidden)
            {
                return forbidden;
            }

            var lesson = await LessonStore.GetAsync(write.Db, id, lessonId);
            if (lesson is null)
            {
                return DomainError.NotFound("The lesson was not found.");
            }

            if (LessonRules.CheckPublishable(lesson.PublishedAt is not null) is { } published)
            {
                return published;
            }

            await LessonStore.PublishAsync(write.Db, lessonId, write.Now);
            write.Record(EventTypes.LessonPublished, new LessonPublishedData(lessonId));
            return lesson with { PublishedAt = write.Now };
        });
        return result;
    }

    /// <summary>Which earlier lessons the project read before BP2, or why none were relevant.</summary>
    public async Task<WriteResult<LessonsReviewView>> ReviewAsync(Guid id, ReviewLessons request, Caller caller)
    {
        var lessonIds = request.LessonIds?.Distinct().ToList() ?? [];
        var validation = new Validation()
            .That(lessonIds.Count > 0 || !string.IsNullOrWhiteSpace(request.NoneRelevantReason), "lessonIds",
                "Name the lessons that were read, or say in noneRelevantReason why none were relevant.")
            .That(lessonIds.Count == 0 || request.NoneRelevantReason is null, "noneRelevantReason", "Give lessonIds or noneRelevantReason, not both.")
            .That(lessonIds.Count <= Paging.MaxLimit, "lessonIds", $"At most {Paging.MaxLimit} lessons in one review.")
            .Text("noneRelevantReason", request.NoneRelevantReason, Validation.LongText, required: false, min: 10);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<LessonsReviewView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<LessonsReviewView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ReviewLessons) is { } forbidden)
            {
                return forbidden;
            }

            var unknown = lessonIds.Except(await LessonStore.ExistingAsync(write.Db, lessonIds)).ToList();
            if (unknown.Count > 0)
            {
                return DomainError.Invalid("unknown-lessons", "Unknown lessons", $"No lesson has the id {string.Join(", ", unknown)}.");
            }

            var review = new LessonsReviewView(Ids.New(write.Now), lessonIds, request.NoneRelevantReason?.Trim(),
                write.Project.Phase, write.Actor.UserId, write.Now);
            await LessonStore.InsertReviewAsync(write.Db, id, review);
            write.Record(EventTypes.LessonsReviewed, new LessonsReviewedData(review.Id, review.LessonIds, review.NoneRelevantReason));
            return review;
        });

        return result;
    }

    /// <summary>The end project report or the lessons report, in closure; the lessons report publishes the lessons left.</summary>
    public async Task<WriteResult<ReportView>> ReportAsync(Guid id, WriteReport request, Caller caller, string kind, ProjectAction action)
    {
        var activityIds = request.ActivityIds?.Distinct().ToList() ?? [];
        var inputIds = request.InputIds?.Distinct().ToList() ?? [];
        var validation = new Validation()
            .Text("summary", request.Summary, Validation.LongText, min: 10)
            .Text("details", request.Details, Validation.LongText * 4, required: false)
            .That(activityIds.Count <= Paging.MaxLimit, "activityIds", $"At most {Paging.MaxLimit} activities.")
            .That(inputIds.Count <= Paging.MaxLimit, "inputIds", $"At most {Paging.MaxLimit} inputs.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ReportView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ReportView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, action) is { } forbidden)
            {
                return forbidden;
            }

            if (LessonRules.CheckReportable(write.Project.Phase) is { } notInClosure)
            {
                return notInClosure;
            }

            if (await UncitableAsync(write, activityIds, inputIds) is { } uncitable)
            {
                return uncitable;
            }

            var report = new ReportView(Ids.New(write.Now), kind, request.Summary!.Trim(), request.Details?.Trim() ?? "",
                write.Actor.UserId, write.Now, activityIds, inputIds);
            await LessonStore.InsertReportAsync(write.Db, id, report);
            foreach (var published in kind == LessonStore.LessonsReport ? await LessonStore.PublishAllAsync(write.Db, id, write.Now) : [])
            {
                write.Record(EventTypes.LessonPublished, new LessonPublishedData(published));
            }

            write.Record(kind == LessonStore.EndReport ? EventTypes.EndReportWritten : EventTypes.LessonsReportWritten,
                new ReportWrittenData(report.Id, report.Summary, report.ActivityIds, report.InputIds));
            return report;
        });

        return result;
    }

    /// <summary>A report cites only the activities and inputs of its own project's co-creation register.</summary>
    private static async Task<DomainError?> UncitableAsync(ProjectWrite write, List<Guid> activityIds, List<Guid> inputIds)
    {
        if (activityIds.Count == 0 && inputIds.Count == 0)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var activities = (await CoCreationStore.ActivitiesAsync(write.Db, write.Project.Id)).Select(a => a.Id).ToHashSet();
        var inputs = (await CoCreationStore.InputsAsync(write.Db, write.Project.Id)).Select(i => i.Id).ToHashSet();
        if (activityIds.Where(a => !activities.Contains(a)).ToList() is { Count: > 0 } strangeActivities)
        {
            errors["activityIds"] = [$"The project has no co-creation activity {string.Join(", ", strangeActivities)}."];
        }

        if (inputIds.Where(i => !inputs.Contains(i)).ToList() is { Count: > 0 } strangeInputs)
        {
            errors["inputIds"] = [$"The project has no co-creation input {string.Join(", ", strangeInputs)}."];
        }

        return errors.Count == 0 ? null : Validation.RefusalOf(errors);
    }
}
