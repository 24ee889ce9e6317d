using NodaTime;

namespace ProjectMethod.Api.People;

/// <summary>A person the service knows: the id is the token's sub; name, e-mail, unit and title come from the directory or the sign-in.</summary>
public sealed record PersonView
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    public string? Unit { get; init; }

    public string? Title { get; init; }

    [Person]
    public required string UpdatedBy { get; init; }

    public required Instant UpdatedAt { get; init; }
}

/// <summary>What the municipality's directory says of a person: name is required; a field left out is cleared.</summary>
public sealed record PutPerson(string? Name, string? Email = null, string? Unit = null, string? Title = null);
