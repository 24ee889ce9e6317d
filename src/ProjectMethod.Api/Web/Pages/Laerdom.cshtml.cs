using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Lessons;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>The published lessons of every project, searched as the API searches them: every word, best match first.</summary>
public sealed class LaerdomModel(LessonReader lessonSearch) : PageModel
{
    public string? Query { get; private set; }

    public string? Sector { get; private set; }

    public IReadOnlyList<LessonView> Lessons { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? sector, CancellationToken cancellationToken)
    {
        (Query, Sector) = (q, string.IsNullOrWhiteSpace(sector) ? null : sector.Trim());
        Lessons = (await lessonSearch.SearchAsync(q?[..Math.Min(q.Length, Validation.ShortText)], Sector, null, new Paging(50, Guid.Empty, 0), cancellationToken)).Items;
    }
}
