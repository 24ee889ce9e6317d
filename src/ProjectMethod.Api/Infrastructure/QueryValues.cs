namespace ProjectMethod.Api.Infrastructure;

/// <summary>Query-string values in the API's spelling: enums by their camelCase names, never by number.</summary>
public static class QueryValues
{
    /// <summary>The earliest instant a filter by time compares with when none is asked for.</summary>
    public static readonly NodaTime.Instant Always = NodaTime.Instant.FromUtc(1970, 1, 1, 0, 0);

    /// <summary>An instant in ISO-8601 UTC (<c>2026-03-02T08:00:00Z</c>); <see cref="Always"/> when none is given.</summary>
    public static bool TryParseInstant(string? text, string field, out NodaTime.Instant value, IDictionary<string, string[]> errors)
    {
        value = Always;
        if (text is null)
        {
            return true;
        }

        var parsed = NodaTime.Text.InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            errors[field] = [$"{field} must be an instant in ISO-8601 UTC, such as 2026-03-02T08:00:00Z."];
            return false;
        }

        value = parsed.Value;
        return true;
    }

    public static bool TryParseEnum<TEnum>(string? text, string field, out TEnum? value, IDictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        var match = Enum.GetValues<TEnum>().Where(v => v.Wire() == text).Select(v => (TEnum?)v).FirstOrDefault();
        if (match is null)
        {
            errors[field] = [$"{field} must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.Wire()))}."];
            return false;
        }

        value = match;
        return true;
    }
}

/// <summary>
/// A query parameter that takes one of an enum's values in the API's spelling: the handler reads the text (so that a
/// wrong value is a 400 naming the values), the OpenAPI document types the parameter as the enum.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OneOfAttribute<TEnum> : Attribute, IOneOf
    where TEnum : struct, Enum
{
    public Type Values => typeof(TEnum);
}

/// <summary>The enum a <see cref="OneOfAttribute{TEnum}"/> names.</summary>
public interface IOneOf
{
    Type Values { get; }
}
