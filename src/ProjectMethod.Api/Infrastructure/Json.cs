using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>JSON as the API speaks it: camelCase, enums as camelCase strings, NodaTime values as ISO-8601 strings.</summary>
public static class Json
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new PatternConverter<Instant>(InstantPattern.ExtendedIso));
        options.Converters.Add(new PatternConverter<LocalDate>(LocalDatePattern.Iso));
        options.Converters.Add(new PatternConverter<Period>(PeriodPattern.NormalizingIso));
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

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new InvalidJsonValueException($"expected an ISO-8601 string ({Example}).");
            }

            var result = pattern.Parse(reader.GetString()!);
            return result.Success ? result.Value : throw new InvalidJsonValueException($"'{reader.GetString()}' is not an ISO-8601 value like {Example}.");
        }

        private static string Example => typeof(T) == typeof(Instant) ? "2027-01-31T12:00:00Z" : typeof(T) == typeof(LocalDate) ? "2027-01-31" : "P3M";

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(pattern.Format(value));
    }
}

/// <summary>A JSON value of the right kind but an invalid content, such as a date that does not parse.</summary>
public sealed class InvalidJsonValueException(string reason) : JsonException(reason)
{
    public string Reason => Message.Split(" Path:")[0];
}
