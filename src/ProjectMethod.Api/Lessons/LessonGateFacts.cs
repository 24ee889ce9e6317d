using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Lessons;

/// <summary>P1/P2 facts: lessons reviewed, lessons report and end project report written.</summary>
public sealed class LessonGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query) => facts with
    {
        LessonsReviewed = await LessonStore.ReviewedAsync(query.Db, query.Project.Id),
        LessonsReportWritten = await LessonStore.HasReportAsync(query.Db, query.Project.Id, LessonStore.LessonsReport),
        EndReportWritten = await LessonStore.HasReportAsync(query.Db, query.Project.Id, LessonStore.EndReport),
    };
}
