using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Web;

/// <summary>The names of the people a page shows, from the register of people: read once per request, looked up after.</summary>
public sealed class PeopleNames(PeopleDirectory directory, IHttpContextAccessor http)
{
    private IReadOnlyDictionary<string, PersonView>? people;

    /// <summary>The person's name; the id only for someone the register does not know (a system, or a person since gone); – for nobody.</summary>
    public async Task<string> Of(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return "–";
        }

        people ??= await directory.PeopleAsync(http.HttpContext?.RequestAborted ?? CancellationToken.None);
        return people.GetValueOrDefault(userId)?.Name ?? userId;
    }
}
