using System.Globalization;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Sectors;

namespace ProjectMethod.Api.Web;

/// <summary>The municipality's sectors as a page shows them: by name in the page's language, read once per request.</summary>
public sealed class SectorNames(Database database, IHttpContextAccessor http)
{
    private IReadOnlyList<SectorView>? sectors;

    public async Task<IReadOnlyList<SectorView>> AllAsync() =>
        sectors ??= await database.ReadAsync(SectorStore.AllAsync, http.HttpContext?.RequestAborted ?? CancellationToken.None);

    /// <summary>The sector's name; the slug itself only for a sector the register does not hold.</summary>
    public async Task<string> Of(string? slug) =>
        (await AllAsync()).FirstOrDefault(s => s.Slug == slug)?.NameIn(CultureInfo.CurrentUICulture.Name) ?? slug ?? "–";

    /// <summary>The choices of a sector field: the sectors that take new projects and ideas, by name.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> ChoicesAsync(string empty, bool withArchived = false) =>
        [new("", empty), .. (await AllAsync()).Where(s => withArchived || !s.Archived)
            .Select(s => new KeyValuePair<string, string>(s.Slug, s.NameIn(CultureInfo.CurrentUICulture.Name)))];
}
