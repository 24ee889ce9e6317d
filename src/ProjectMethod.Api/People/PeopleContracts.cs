using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Serialization;
using System.Text.Json;
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

/// <summary>A person as a view shows them: the user id and the register's name for it.</summary>
/// <param name="Id">The user id (the token's sub).</param>
/// <param name="Name">The name in the register of people; the id itself for someone the register does not know (an integrator, a system).</param>
public sealed record PersonRef(string Id, string Name);

/// <summary>
/// Marks a view's property that holds a person's user id (or a list of them): the API writes it as <see cref="PersonRef"/>
/// (<c>{"id": "eva", "name": "Eva Eier"}</c>), under <paramref name="name"/> where one is given (<c>acceptorUserId</c> is
/// the <c>acceptor</c>). The C# view keeps the id, and so does everything stored, events included.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonAttribute(string? name = null) : Attribute
{
    /// <summary>The property's name in the API's answers; the C# name's camelCase when none.</summary>
    public string? Name { get; } = name;
}

/// <summary>
/// Writes the properties marked <see cref="PersonAttribute"/> as people with their names, from the register as this
/// instance last read it (refreshed for every signed-in request before its handler runs: <see cref="Infrastructure.SignInRecorder"/>).
/// </summary>
public static class PersonFields
{
    /// <summary>The property's user id, or list of them, is a person in the API's JSON.</summary>
    public static bool IsPerson(JsonPropertyInfo property) => MarkOf(property) is not null;

    private static PersonAttribute? MarkOf(JsonPropertyInfo property) => (property.AttributeProvider as PropertyInfo)?.GetCustomAttribute<PersonAttribute>();

    /// <summary>The contract modifier that gives each marked property its converter.</summary>
    public static Action<JsonTypeInfo> Writer(PeopleReader directory)
    {
        var one = new OneConverter(directory);
        var many = new ManyConverter(directory);
        return info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                return;
            }

            foreach (var property in info.Properties)
            {
                if (MarkOf(property) is not { } mark)
                {
                    continue;
                }

                property.Name = mark.Name ?? property.Name;
                property.CustomConverter = property.PropertyType == typeof(string) ? one
                    : property.PropertyType == typeof(IReadOnlyList<string>) ? many
                    : throw new InvalidOperationException($"{info.Type.Name}.{property.Name}: a person is a user id or a list of them.");
            }
        };
    }

    private static void Write(Utf8JsonWriter writer, string id, PeopleReader directory)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("name", directory.NameOf(id));
        writer.WriteEndObject();
    }

    /// <summary>A person reads back from the object's id (or a bare id).</summary>
    private static string ReadOne(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        var person = JsonSerializer.Deserialize<JsonElement>(ref reader);
        return person.ValueKind == JsonValueKind.Object && person.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new JsonException("A person is an object with an id.");
    }

    private sealed class OneConverter(PeopleReader directory) : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadOne(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => PersonFields.Write(writer, value, directory);
    }

    private sealed class ManyConverter(PeopleReader directory) : JsonConverter<IReadOnlyList<string>>
    {
        public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("People are an array.");
            }

            var ids = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                ids.Add(ReadOne(ref reader));
            }

            return ids;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var id in value)
            {
                PersonFields.Write(writer, id, directory);
            }

            writer.WriteEndArray();
        }
    }
}
