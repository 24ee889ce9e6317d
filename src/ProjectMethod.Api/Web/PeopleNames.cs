using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Web;

/// <summary>
/// The names of the people a page shows, from the register as the sign-in step brought it up to date for this request
/// (<see cref="Infrastructure.SignInRecorder"/>): looked up, never read again.
/// </summary>
public sealed class PeopleNames(PeopleReader directory)
{
    /// <summary>The person's name; the id only for someone the register does not know (a system, or a person since gone); – for nobody.</summary>
    public Task<string> Of(string? userId) => Task.FromResult(string.IsNullOrEmpty(userId) ? "–" : directory.NameOf(userId));
}
