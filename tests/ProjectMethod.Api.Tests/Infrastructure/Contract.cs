using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// The committed OpenAPI document as a contract the running service is held to: every response the functional suite
/// receives, and every request body it means to be valid, must validate against the document's JSON schema for that
/// operation, status code and media type. A drift between the service and the document fails the test that saw it.
/// </summary>
public static partial class Contract
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Repository.PathOf("openapi/ProjectMethod.v1.json")))!.AsObject());

    private static readonly Lazy<IReadOnlyList<(string Method, Regex Path, string Template)>> Operations = new(() =>
        Document.Value["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation =>
                (operation.Key.ToUpperInvariant(), new Regex("^" + Parameter().Replace(Regex.Escape(path.Key), "[^/]+") + "$"), path.Key)))
            .ToList());

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>The operation a request is for, or null when the document has none (health, the document itself).</summary>
    public static (string Method, string Template)? OperationOf(string method, string path) =>
        Operations.Value.Where(o => o.Method == method && o.Path.IsMatch(path)).Select(o => ((string, string)?)(o.Method, o.Template))
            .OrderBy(o => o!.Value.Item2.Count(c => c == '{'))
            .FirstOrDefault();

    /// <summary>Why a response does not keep the contract, or null when it does.</summary>
    public static string? CheckResponse((string Method, string Template) operation, int status, string? mediaType, string body)
    {
        var responses = Node(operation)["responses"]!.AsObject();
        if (!responses.TryGetPropertyValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
        {
            return $"{operation.Method} {operation.Template} answered {status}, which the document does not list ({string.Join(", ", responses.Select(r => r.Key))}).";
        }

        var content = response!["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            return body.Length == 0 ? null : $"{operation.Method} {operation.Template} {status} has a body the document does not describe.";
        }

        if (mediaType is null || !content.ContainsKey(mediaType))
        {
            return $"{operation.Method} {operation.Template} {status} is {mediaType ?? "without a body"}; the document says {string.Join(", ", content.Select(c => c.Key))}.";
        }

        // A document (a PDF, a workbook, CSV) is not JSON: the document promises its media type, and the tests read what it holds.
        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return null;
        }

        return Validate($"/paths/{Escape(operation.Template)}/{operation.Method.ToLowerInvariant()}/responses/{status}/content/{Escape(mediaType)}/schema", body);
    }

    /// <summary>Why a request body does not keep the contract, or null when it does (or the operation takes no body).</summary>
    public static string? CheckRequest((string Method, string Template) operation, string? mediaType, string body)
    {
        var content = Node(operation)["requestBody"]?["content"]?.AsObject();
        if (content is null || body.Length == 0)
        {
            return null;
        }

        return mediaType is null || !content.ContainsKey(mediaType)
            ? $"{operation.Method} {operation.Template} takes {string.Join(", ", content.Select(c => c.Key))}, not {mediaType}."
            : !mediaType.EndsWith("json", StringComparison.Ordinal)
                ? null
                : Validate($"/paths/{Escape(operation.Template)}/{operation.Method.ToLowerInvariant()}/requestBody/content/{Escape(mediaType)}/schema", body);
    }

    /// <summary>
    /// Why an event (a CloudEvent from the feed or a webhook delivery) does not keep what its type's webhook in the
    /// document says, its data included, or null when it does.
    /// </summary>
    public static string? CheckEvent(string body)
    {
        var type = JsonNode.Parse(body)?["type"]?.GetValue<string>() ?? "";
        return Webhook(type) is { } pointer ? Validate(pointer, body) : $"The event type '{type}' is not among the document's webhooks.";
    }

    /// <summary>Why an event's payload (as the project history lists it) does not keep its type's schema, or null.</summary>
    public static string? CheckEventData(string type, string data) =>
        Webhook(EventPrefix + type) is { } pointer ? Validate(pointer + "/allOf/1/properties/data", data) : $"The event type '{type}' is not among the document's webhooks.";

    private const string EventPrefix = "no.projectmethod.";

    private static string? Webhook(string type) =>
        type.StartsWith(EventPrefix, StringComparison.Ordinal) && Document.Value["webhooks"]?[type[EventPrefix.Length..]] is not null
            ? $"/webhooks/{Escape(type[EventPrefix.Length..])}/post/requestBody/content/application~1cloudevents+json/schema"
            : null;

    /// <summary>Why the events an answer carries (the feed's items, a history's payloads) do not keep their types' schemas, or null.</summary>
    public static string? CheckEventsIn((string Method, string Template) operation, int status, string body)
    {
        if (status != 200 || operation.Template is not ("/api/v1/events" or "/api/v1/projects/{id}/history") || JsonNode.Parse(body) is not JsonObject { } page
            || page["items"] is not JsonArray items)
        {
            return null;
        }

        return operation.Template switch
        {
            "/api/v1/events" => items.Select(item => CheckEvent(item!.ToJsonString())).FirstOrDefault(broken => broken is not null),
            "/api/v1/projects/{id}/history" => items
                .Select(item => CheckEventData(item!["type"]!.GetValue<string>(), item["payload"]!.ToJsonString()))
                .FirstOrDefault(broken => broken is not null),
            _ => null,
        };
    }

    private static JsonNode Node((string Method, string Template) operation) =>
        Document.Value["paths"]![operation.Template]![operation.Method.ToLowerInvariant()]!;

    /// <summary>The document's node at a JSON pointer (an array's items by their index).</summary>
    private static JsonNode At(string pointer) => pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
        .Aggregate((JsonNode)Document.Value, (node, segment) =>
            node is JsonArray items ? items[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!);

    private static string? Validate(string pointer, string body)
    {
        var schema = Schemas.GetOrAdd(pointer, p =>
        {
            // The schema at the pointer becomes the root, with the document's components beside it as definitions.
            var target = At(p);
            // (Wrapped in allOf: a $ref beside definitions would hide them.)
            var root = new JsonObject { ["allOf"] = new JsonArray(target.DeepClone()) };
            root["definitions"] = Document.Value["components"]!["schemas"]!.DeepClone();
            var json = root.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
            return JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
        });
        var errors = schema.Validate(body, new JsonSchemaValidatorSettings { FormatValidators = [] });
        if (errors.Count > 0)
        {
            return $"{pointer}: {string.Join("; ", errors.Select(Describe))}\n{Truncate(body)}";
        }

        return AmbiguousOneOf(At(pointer), JsonNode.Parse(body), Document.Value["components"]!["schemas"]!.AsObject(), "$") is { } ambiguous
            ? $"{pointer}: {ambiguous}\n{Truncate(body)}"
            : null;
    }

    /// <summary>
    /// Where a value matches more than one branch of a <c>oneOf</c> (which means exactly one, and which NJsonSchema lets
    /// pass), or null. Branches are matched by type, enum, required properties and their properties' schemas, which is
    /// what tells this document's branches apart; components are looked up for <c>$ref</c>.
    /// </summary>
    public static string? AmbiguousOneOf(JsonNode schema, JsonNode? value, JsonObject components, string path)
    {
        schema = Resolve(schema, components);
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matching = oneOf.Where(branch => Matches(branch!, value, components)).ToList();
            if (matching.Count > 1)
            {
                return $"{path} matches {matching.Count} branches of a oneOf ({string.Join(", ", matching.Select(b => b!.ToJsonString()))}), which means exactly one.";
            }

            return matching.Count == 1 ? AmbiguousOneOf(matching[0]!, value, components, path) : null;
        }

        foreach (var part in (schema["allOf"] as JsonArray ?? []).Concat(schema["anyOf"] as JsonArray ?? []))
        {
            if (AmbiguousOneOf(part!, value, components, path) is { } found)
            {
                return found;
            }
        }

        if (value is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (obj.TryGetPropertyValue(name, out var inner) && AmbiguousOneOf(property!, inner, components, $"{path}.{name}") is { } found)
                {
                    return found;
                }
            }
        }

        if (value is JsonObject map && schema["additionalProperties"] is JsonObject additional)
        {
            foreach (var (name, inner) in map)
            {
                if (AmbiguousOneOf(additional, inner, components, $"{path}.{name}") is { } found)
                {
                    return found;
                }
            }
        }

        if (value is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (AmbiguousOneOf(items, array[i], components, $"{path}[{i}]") is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static JsonNode Resolve(JsonNode schema, JsonObject components)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = components[reference["#/components/schemas/".Length..]]!;
        }

        return schema;
    }

    /// <summary>Whether a value fits a schema as far as type, enum, required properties and nested schemas go.</summary>
    private static bool Matches(JsonNode schema, JsonNode? value, JsonObject components)
    {
        schema = Resolve(schema, components);
        if (schema["oneOf"] is JsonArray oneOf)
        {
            return oneOf.Any(branch => Matches(branch!, value, components));
        }

        if (schema["allOf"] is JsonArray allOf && !allOf.All(part => Matches(part!, value, components)))
        {
            return false;
        }

        var kind = value?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null;
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => null,
        };
        if (types is not null && !types.Any(type => type switch
            {
                "null" => kind == System.Text.Json.JsonValueKind.Null,
                "string" => kind == System.Text.Json.JsonValueKind.String,
                "boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
                "integer" => kind == System.Text.Json.JsonValueKind.Number && value!.GetValue<decimal>() % 1 == 0,
                "number" => kind == System.Text.Json.JsonValueKind.Number,
                "array" => kind == System.Text.Json.JsonValueKind.Array,
                "object" => kind == System.Text.Json.JsonValueKind.Object,
                _ => false,
            }))
        {
            return false;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            return false;
        }

        if (value is JsonObject obj)
        {
            if (schema["required"] is JsonArray required && required.Any(r => !obj.ContainsKey(r!.GetValue<string>())))
            {
                return false;
            }

            if (schema["properties"] is JsonObject properties
                && properties.Any(p => obj.TryGetPropertyValue(p.Key, out var inner) && !Matches(p.Value!, inner, components)))
            {
                return false;
            }
        }

        return value is not JsonArray array || schema["items"] is not { } items || array.All(item => Matches(items, item, components));
    }

    private static string Describe(ValidationError error) =>
        error is ChildSchemaValidationError child
            ? $"{error.Path} {error.Kind} ({string.Join(", ", child.Errors.SelectMany(e => e.Value).Select(Describe))})"
            : $"{error.Path} {error.Kind}";

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Truncate(string body) => body.Length > 600 ? body[..600] + "…" : body;

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex Parameter();
}

/// <summary>Holds every exchange of a test client to the contract (see <see cref="Contract"/>).</summary>
public sealed class ContractCheck : DelegatingHandler
{
    // Refusals of a malformed or unreadable body: the test sent it on purpose, so only the answer is checked.
    private static readonly int[] RefusedBodies = [400, 413, 415, 422];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = "";
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            requestBody = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        var operation = Contract.OperationOf(request.Method.Method, request.RequestUri!.AbsolutePath);
        if (operation is null)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        var broken = Contract.CheckResponse(operation.Value, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, responseBody)
            ?? Contract.CheckEventsIn(operation.Value, (int)response.StatusCode, responseBody)
            ?? (RefusedBodies.Contains((int)response.StatusCode)
                ? null
                : Contract.CheckRequest(operation.Value, request.Content?.Headers.ContentType?.MediaType, requestBody));
        return broken is null ? response : throw new ContractBrokenException(broken);
    }
}

/// <summary>An exchange that the committed OpenAPI document does not describe.</summary>
public sealed class ContractBrokenException(string message) : Exception("The OpenAPI contract is broken: " + message);
