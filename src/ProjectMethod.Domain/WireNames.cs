namespace ProjectMethod.Domain;

/// <summary>How a refusal names a state or a phase: as the API writes it, camelCase.</summary>
internal static class WireNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
