using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The schemas of the events' payloads as they are stored and delivered (<see cref="Json.Options"/>, without the
/// answers' names for people). A payload type whose fields name nobody is the answers' own schema, so a generated client
/// reads a risk in an event with the class it reads one from the API; a type that names people is a copy of its
/// answer's schema called <c>&lt;Name&gt;AsRecorded</c>, whose people are their user ids under the stored property name.
/// </summary>
internal sealed class EventSchemas(OpenApiDocument document, OpenApiDocumentTransformerContext context)
{
    private const string Recorded = "AsRecorded";

    private const string PersonDescription = "A user id (the token's sub); GET /api/v1/people/{personId} gives their name.";

    private readonly Dictionary<Type, bool> namesPeople = [];

    private readonly Dictionary<Type, string> built = [];

    private IDictionary<string, IOpenApiSchema> Components => document.Components!.Schemas!;

    /// <summary>Makes the answers' schema of every payload type, so the document's own passes see them like any other.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        foreach (var type in EventTypes.ByName.Values.Select(e => e.Payload).Distinct())
        {
            await RegisterAsync(type, cancellationToken);
        }
    }

    /// <summary>
    /// A type no operation answers with is not in the document yet: it becomes a component of its own name, and each type
    /// its properties hold (an object or an enum) is referred to, a component too, rather than copied in.
    /// </summary>
    private async Task RegisterAsync(Type type, CancellationToken cancellationToken)
    {
        var id = IdOf(type);
        if (Components.ContainsKey(id))
        {
            return;
        }

        var schema = (OpenApiSchema)await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
        Components[id] = schema;
        if (type.IsEnum)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in Json.Options.GetTypeInfo(type).Properties)
        {
            var value = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = ElementOf(value);
            if (!element.IsEnum && Json.Options.GetTypeInfo(element).Kind != JsonTypeInfoKind.Object)
            {
                continue;
            }

            await RegisterAsync(element, cancellationToken);
            var reference = new OpenApiSchemaReference(IdOf(element), document);
            var nullable = value != property.PropertyType
                || property.AttributeProvider is PropertyInfo info && nullability.Create(info).ReadState == NullabilityState.Nullable;
            var description = schema.Properties![property.Name].Description;
            schema.Properties[property.Name] = element != value
                ? new OpenApiSchema { Type = JsonSchemaType.Array | (nullable ? JsonSchemaType.Null : 0), Items = reference, Description = description }
                : nullable
                    ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference], Description = description }
                    : reference;
        }
    }

    /// <summary>The schema of an event's data: a reference to the payload type's schema as stored.</summary>
    public IOpenApiSchema DataOf(EventType type) => StoredAs(type.Payload);

    private OpenApiSchemaReference StoredAs(Type type)
    {
        var id = IdOf(type);
        if (!NamesPeople(type))
        {
            return new OpenApiSchemaReference(id, document);
        }

        if (built.TryGetValue(type, out var done))
        {
            return new OpenApiSchemaReference(done, document);
        }

        // A payload only events carry (Events.*Data) has no answer to keep apart from: its own schema is the stored one.
        var recordedId = type.Namespace == typeof(EventType).Namespace ? id : id + Recorded;
        built[type] = recordedId;
        var answer = (OpenApiSchema)Components[id];
        var recorded = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = recordedId == id ? answer.Description : $"{answer.Description ?? id} As events record it: people are their user ids.",
            Properties = new Dictionary<string, IOpenApiSchema>(),
            Required = new HashSet<string>(),
        };
        Components[recordedId] = recorded;
        var nullability = new NullabilityInfoContext();
        foreach (var property in Json.Options.GetTypeInfo(type).Properties)
        {
            recorded.Required.Add(property.Name);
            if (property.AttributeProvider is PropertyInfo info && info.GetCustomAttribute<PersonAttribute>() is not null)
            {
                var described = info.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description ?? PersonDescription;
                recorded.Properties[property.Name] = property.PropertyType != typeof(string)
                    ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = described }
                    : new OpenApiSchema
                    {
                        Type = nullability.Create(info).ReadState == NullabilityState.Nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
                        Description = described,
                    };
                continue;
            }

            recorded.Properties[property.Name] = Rewire(answer.Properties![property.Name], ElementOf(property.PropertyType));
        }

        return new OpenApiSchemaReference(recordedId, document);
    }

    /// <summary>A property's schema with its reference to a type that names people turned to that type's recorded schema.</summary>
    private IOpenApiSchema Rewire(IOpenApiSchema schema, Type element)
    {
        if (!NamesPeople(element))
        {
            return schema;
        }

        var id = IdOf(element);
        IOpenApiSchema Replace(IOpenApiSchema s)
        {
            if (s is OpenApiSchemaReference { Reference.Id: { } target })
            {
                return target == id ? StoredAs(element) : s;
            }

            if (s is not OpenApiSchema inline)
            {
                return s;
            }

            var copy = (OpenApiSchema)inline.CreateShallowCopy();
            copy.Items = copy.Items is null ? null : Replace(copy.Items);
            copy.OneOf = copy.OneOf?.Select(Replace).ToList();
            copy.AnyOf = copy.AnyOf?.Select(Replace).ToList();
            copy.AllOf = copy.AllOf?.Select(Replace).ToList();
            copy.AdditionalProperties = copy.AdditionalProperties is null ? null : Replace(copy.AdditionalProperties);
            return copy;
        }

        return Replace(schema);
    }

    /// <summary>Whether a type, or any type its properties hold, has a field that names a person.</summary>
    private bool NamesPeople(Type type)
    {
        if (namesPeople.TryGetValue(type, out var known))
        {
            return known;
        }

        namesPeople[type] = false; // a type that holds itself names people only through its other properties
        var info = Json.Options.GetTypeInfo(type);
        var result = info.Kind == JsonTypeInfoKind.Object && info.Properties.Any(p =>
            p.AttributeProvider is PropertyInfo property && property.GetCustomAttribute<PersonAttribute>() is not null
            || NamesPeople(ElementOf(p.PropertyType)));
        namesPeople[type] = result;
        return result;
    }

    /// <summary>The type a property holds: itself, or the items of its list or the values of its map, never null.</summary>
    private static Type ElementOf(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        var info = Json.Options.GetTypeInfo(value);
        return info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary && info.ElementType is { } element ? ElementOf(element) : value;
    }

    private static string IdOf(Type type) =>
        OpenApiOptions.CreateDefaultSchemaReferenceId(Json.Options.GetTypeInfo(type))
        ?? throw new InvalidOperationException($"{type.Name} has no schema of its own: an event's payload is an object.");
}
