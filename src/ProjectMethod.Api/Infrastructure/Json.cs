using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// JSON as the API speaks it: camelCase, enums as camelCase strings, unknown fields refused, and NodaTime values as
/// ISO-8601 strings through NodaTime's own serializers (instants in UTC with <c>Z</c>, dates, normalised periods).
/// </summary>
public static class Json
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        // Periods read back as written (P3M, never P0Y3M0D); the rest as NodaTime's defaults.
        options.Converters.Add(NodaConverters.NormalizingIsoPeriodConverter);
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseNullItems);
    }

    /// <summary>How a refused list with a null in it is described.</summary>
    public const string NullItem = "holds an item that is null";

    /// <summary>
    /// A list in a body never holds null (<c>"options": [null]</c>): read whole, an object whose list holds one is refused
    /// as malformed, naming the field, before any rule sees it.
    /// </summary>
    private static void RefuseNullItems(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = info.Properties
            .Where(p => p.Get is not null && p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
            .ToArray();
        if (lists.Length == 0)
        {
            return;
        }

        var earlier = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var list in lists)
            {
                if (list.Get!(value) is System.Collections.IEnumerable items && items.Cast<object?>().Any(item => item is null))
                {
                    throw new JsonException($"'{list.Name}' {NullItem}.");
                }
            }
        };
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    /// <summary>The enum value as it appears on the wire and in the database: camelCase.</summary>
    public static string Wire<TEnum>(this TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The enum value its wire name (camelCase) stands for.</summary>
    public static TEnum Parse<TEnum>(string wire)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(wire, ignoreCase: true);
}
