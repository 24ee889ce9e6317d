using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Lessons;

namespace ProjectMethod.Api.Lessons;

/// <summary>The published lessons of every project, as the search reads them.</summary>
public sealed class LessonReader(Database database)
{
    /// <summary>The published lessons of every project with every word of q, best match first, a page at a time.</summary>
    public async Task<Page<LessonView>> SearchAsync(string? q, string? sector, string? tag, Paging paging, CancellationToken cancellationToken)
    {
        var words = LessonSearch.Words(q);
        var ranked = (await database.ReadAsync(db => LessonStore.PublishedAsync(db, sector), cancellationToken))
            .Where(l => tag is null || l.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .Select(l => (Lesson: l, Score: LessonSearch.Score(words, l.Title, l.Description, l.Recommendation)))
            .Where(l => l.Score is not null)
            .OrderByDescending(l => l.Score)
            .ThenByDescending(l => l.Lesson.Id)
            .Select((l, position) => (l.Lesson, Position: (long)position + 1))
            .Skip((int)Math.Min(paging.AfterSequence, int.MaxValue))
            .Take(paging.FetchSize)
            .ToList();
        var page = paging.ToPage(ranked, l => l.Position);
        return new Page<LessonView>(page.Items.Select(l => l.Lesson).ToList(), page.NextCursor);
    }
}
