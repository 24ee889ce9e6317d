namespace ProjectMethod.Api.Infrastructure;

/// <summary>Query-string values in the API's spelling: enums by their camelCase names, never by number.</summary>
public static class QueryValues
{
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
