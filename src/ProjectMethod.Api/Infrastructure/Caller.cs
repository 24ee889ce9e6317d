using Microsoft.Extensions.Primitives;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// What a use case takes instead of a request: who asks, the version of the project they saw (when they said), and when
/// to give up. The API builds one from the request; a page from the signed-in employee and the version its form showed.
/// </summary>
public sealed record Caller(Actor Actor, ExpectedVersion Expected, CancellationToken CancellationToken)
{
    /// <summary>A caller who names no version: the change applies to the project as it is.</summary>
    public static Caller Unconditional(Actor actor, CancellationToken cancellationToken) => new(actor, ExpectedVersion.Any, cancellationToken);
}

/// <summary>
/// The version a change expects the project to have: any (no precondition), one of the versions named, or a precondition
/// written wrongly, which is pointed out rather than treated as a mismatch.
/// </summary>
public sealed class ExpectedVersion
{
    private readonly IReadOnlySet<string> tags;
    private readonly bool anyVersion;

    private ExpectedVersion(IReadOnlySet<string> tags, bool anyVersion, bool given, bool malformed)
    {
        this.tags = tags;
        this.anyVersion = anyVersion;
        IsGiven = given;
        IsMalformed = malformed;
    }

    /// <summary>No precondition.</summary>
    public static ExpectedVersion Any { get; } = new(new HashSet<string>(), anyVersion: true, given: false, malformed: false);

    /// <summary>The version a page showed, or a client read.</summary>
    public static ExpectedVersion Exactly(long version) => new(new HashSet<string> { ETags.Of(version) }, anyVersion: false, given: true, malformed: false);

    /// <summary>Whether the caller named a version (or *) at all.</summary>
    public bool IsGiven { get; }

    /// <summary>Whether the precondition was written wrongly (a bare version instead of a quoted entity tag).</summary>
    public bool IsMalformed { get; }

    /// <summary>Whether the project's current version is one the caller expects.</summary>
    public bool Matches(long version) => anyVersion || tags.Contains(ETags.Of(version));

    /// <summary>
    /// The precondition of an If-Match header (RFC 9110 §13.1.1): * matches any version, a strong tag the version it
    /// carries; a weak tag or a tag that carries no version matches none.
    /// </summary>
    public static ExpectedVersion FromIfMatch(StringValues ifMatch)
    {
        if (ifMatch.Count == 0)
        {
            return Any;
        }

        var tags = ifMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        return tags.All(WellFormed)
            ? new(tags, anyVersion: tags.Contains("*"), given: true, malformed: false)
            : new(new HashSet<string>(), anyVersion: false, given: true, malformed: true);
    }

    /// <summary>A tag is *, "…" or W/"…" (RFC 9110 §8.8.3): a bare version is a mistake to point out, not a mismatch.</summary>
    private static bool WellFormed(string tag) =>
        tag == "*" || (tag.StartsWith("W/\"", StringComparison.Ordinal) ? tag[2..] : tag) is { Length: >= 2 } quoted
            && quoted[0] == '"' && quoted[^1] == '"' && !quoted[1..^1].Contains('"', StringComparison.Ordinal);
}

/// <summary>How an API request becomes a caller.</summary>
public static class Callers
{
    public static Caller Caller(this HttpContext http) =>
        new(http.User.ToActor(), ExpectedVersion.FromIfMatch(http.Request.Headers.IfMatch), http.RequestAborted);
}
