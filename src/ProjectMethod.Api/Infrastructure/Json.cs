using System.Text.Json;
using System.Text.Json.Serialization;
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
}
