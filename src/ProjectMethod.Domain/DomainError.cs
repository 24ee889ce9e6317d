namespace ProjectMethod.Domain;

/// <summary>The kind of refusal, which the API translates to a status code.</summary>
public enum ErrorKind
{
    Validation,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>A rule's refusal: a stable code, a sentence for people, and optional extra facts (such as unmet criteria).</summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Title, string Detail)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    public static DomainError Forbidden(string detail) => new(ErrorKind.Forbidden, "forbidden", "Not allowed", detail);

    public static DomainError Conflict(string code, string title, string detail) => new(ErrorKind.Conflict, code, title, detail);

    public static DomainError Invalid(string code, string title, string detail) => new(ErrorKind.Validation, code, title, detail);

    /// <summary>Something the request names does not exist (or is not the caller's to see).</summary>
    public static DomainError NotFound(string detail) => new(ErrorKind.NotFound, "not-found", "Not found", detail);
}
