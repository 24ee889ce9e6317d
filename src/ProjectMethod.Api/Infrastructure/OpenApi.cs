using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The OpenAPI document: bearer security, the service's description, and NodaTime values as ISO-8601 strings.</summary>
public static class OpenApi
{
    public const string DocumentName = "v1";

    /// <summary>The schema of an event's payload in the change feed and the history.</summary>
    public const string EventPayload = "EventPayload";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Projects"] = "Proposals, projects and their mandate (mandat).",
        ["Roles"] = "The project organisation: Executive, Senior Users and Suppliers, Project Manager, Benefit Owner and the rest, with the combination rules.",
        ["Business case"] = "The versioned business case (prosjektbegrunnelse) and the Executive's confirmations that it is still justified (P1).",
        ["Checklist"] = "The handbook's checklist items per decision point and the project's answers (P7).",
        ["Lessons"] = "The lessons log, reviews of earlier lessons, the lessons report and the end project report (P2).",
        ["Gates"] = "Decision points (beslutningspunkter): criteria, requests for a decision, decisions and the decision log (P4).",
        ["History"] = "The audit trail of every change to a project.",
        ["Events"] = "The change feed for integrators (CloudEvents, in commit order) and the verification of the hash-chained audit trail.",
        ["Tolerances"] = "Tolerances on each level and dimension, and the stage plans (faseplaner) they belong to (P4, P5).",
        ["Work packages"] = "Work packages with their tolerances, team managers' forecasts and the issues they raise for the Project Manager.",
        ["CoCreation"] = "The co-creation register (samskaping): stakeholder groups, the plan of their involvement per phase, the activities held and every input with its answer.",
        ["Risks"] = "The uncertainty register: risks and opportunities; its exposure is the risk dimension's forecast.",
        ["Exceptions"] = "Manage by exception (avviksledelse): forecasts, exceptions raised by them, exception reports, decisions and escalations.",
        ["Actual costs"] = "Costs booked per stage and month by the municipality's finance system, beside the budget and the Project Manager's forecast.",
        ["Benefits"] = "Benefits realisation (gevinstrealisering): the register, the line's measurements, derived achievement and status, reviews and final evaluations.",
        ["Portfolio"] = "The portfolio board's overview of phases, RAG, exceptions and benefits, and every project's decisions, forecasts and benefits read across the portfolio.",
        ["Ideas"] = "Ideas from employees, citizens, organisations and politicians, and the project office's answer to each: a project proposal, parked or declined.",
        ["Webhooks"] = "Subscriptions that push events to the municipality's other systems, signed and retried from an outbox.",
        ["People"] = "The register of people: who a user id is (name, e-mail, unit, title), synced from the municipality's directory and learned from sign-ins.",
        ["Sectors"] = "The municipality's sectors, which projects and ideas belong to and handbooks tailor the method for.",
        ["Archive"] = "The municipality's archive (Noark 5 through Fiks Arkiv): each decision and issued report as a registry entry of the project's case file, its delivery and receipts, and the political decisions about a project.",
        ["Assurance"] = "Independent quality assurance (ekstern kvalitetssikring) before BP3 and BP4, by someone outside the project's line, which the handbook or the project's category may require.",
        ["Actions"] = "The follow-up of decisions: actions a gate decision, an exception's decision or a steering group meeting carries — what, who, by when — marked done by their owners.",
        ["Change control"] = "The issue register: requests for change, off-specifications and problems raised by anyone with a role, decided by the change authority — never by the one who raised them — and an approved baseline change judged against the tolerances.",
        ["Programmes"] = "Programmes over several projects: a programme board that sets its projects' tolerances inside the programme's and decides their project-level exceptions, a roll-up of the projects, and breaches of the programme's tolerances for the portfolio board; the sectors a project involves beside its lead sector.",
        ["Organisation"] = "The organisation around the project board: reference groups and working groups with a mandate and members — people from the register, or stakeholder groups for citizens — and union representatives observing the board without a vote.",
        ["Notifications"] = "What the signed-in person is told of by e-mail (at once, in a daily digest, or not), what was sent and what waits, and their calendar feed of decision points and due dates.",
    };

    public static IServiceCollection AddProjectMethodOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer(async (document, context, cancellationToken) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ProjectMethod API",
                    Version = "v1",
                    Description = "Project governance for Norwegian municipalities: phases authorised at decision points, " +
                                  "business case confirmed at every gate, roles checked, every decision traceable. Problems (RFC 9457) are in " +
                                  "English unless Accept-Language prefers Norwegian (nb, nn or no): then their title, detail, field " +
                                  "messages and unmet criteria are in bokmål; their type, status and other members are the same.",
                    License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
                    Contact = new OpenApiContact { Name = "ProjectMethod project office" },
                };
                document.Servers = [new OpenApiServer { Url = "http://127.0.0.1:5080", Description = "Local development" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT with sub, name and roles claims.",
                };
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
                }

                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                // The events' payloads are made first, so the passes below treat them like every other schema.
                var events = new EventSchemas(document, context);
                await events.CreateAsync(cancellationToken);
                WriteNodaProperties(document);
                RequireEveryPropertyOfAnswers(document, RequireValuesInRequests(document));
                SpellOutEnumArrays(document);
                DescribeWebhooks(document, events);
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                DescribeRetriesAndPreconditions(operation, context.Description.HttpMethod ?? "", context.Description.RelativePath ?? "");
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(TypeEnumQueryParameters);
            // NodaTime's values are strings with a format written where they are used, never schemas of their own: a
            // generator maps an inline date to its date type, and a nullable one stays one schema (type [null, string]).
            // An event's payload is a free-form object of its own name, not one that shadows System.Text.Json's JsonElement.
            options.CreateSchemaReferenceId = type => IsNodaValue(type.Type) ? null
                : type.Type == typeof(System.Text.Json.JsonElement) ? EventPayload
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(System.Text.Json.JsonElement))
                {
                    schema.Type = JsonSchemaType.Object;
                    schema.AdditionalPropertiesAllowed = true;
                    schema.Description = "An event's payload: what changed, as recorded, its fields depending on the event's type.";
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(CleanEnums);
            options.AddSchemaTransformer(DescribeNodaProperties);
            options.AddSchemaTransformer(DescribePeople);
            options.AddSchemaTransformer(MarkNullableProperties);
            options.AddSchemaTransformer(DescribeProblemExtensions);
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (!IsNodaValue(context.JsonTypeInfo.Type))
                {
                    return Task.CompletedTask;
                }

                var written = NodaSchema(context.JsonTypeInfo.Type);
                (schema.Type, schema.Format, schema.Pattern) = (written.Type, written.Format, written.Pattern);
                schema.OneOf?.Clear();
                schema.Properties?.Clear();
                schema.Required?.Clear();
                schema.AdditionalPropertiesAllowed = true;
                schema.AdditionalProperties = null;

                return Task.CompletedTask;
            });
        });


    /// <summary>
    /// A field a request must carry must carry a value: the C# request types take null (so that a missing value is a
    /// 400 naming the field rather than a body that cannot be read), but a client is told to send one. Every schema a
    /// request body reaches is read so; the answer names those schemas.
    /// </summary>
    private static HashSet<string> RequireValuesInRequests(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null || document.Paths is null)
        {
            return [];
        }

        var seen = new HashSet<string>();
        var pending = new Stack<IOpenApiSchema>(document.Paths.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.RequestBody?.Content?.Values ?? [])
            .Select(content => content.Schema)
            .OfType<IOpenApiSchema>());
        while (pending.TryPop(out var next))
        {
            if (next is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (seen.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            if (next is not OpenApiSchema schema)
            {
                continue;
            }

            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (schema.Required?.Contains(name) == true)
                {
                    if (property is OpenApiSchema { Type: { } type } simple && type.HasFlag(JsonSchemaType.Null))
                    {
                        simple.Type = type & ~JsonSchemaType.Null;
                    }
                    else if (property is OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, var value] })
                    {
                        schema.Properties![name] = value;
                    }
                }

                pending.Push(schema.Properties![name]);
            }

            foreach (var inner in (schema.OneOf ?? []).Concat(schema.AllOf ?? []).Append(schema.Items).Append(schema.AdditionalProperties).OfType<IOpenApiSchema>())
            {
                pending.Push(inner);
            }
        }

        return seen;
    }

    /// <summary>
    /// An array of enum values is an array of strings held to the enum's values by a pattern: NSwag's System.Text.Json
    /// client gives an array of enums no string converter and cannot read it (an allowed decision, an active dimension),
    /// while every generator reads strings. The wire is the same camelCase strings either way.
    /// </summary>
    private static void SpellOutEnumArrays(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            foreach (var property in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
            {
                if (property.Items is OpenApiSchemaReference { Reference.Id: { } id } && schemas.TryGetValue(id, out var target) && target.Enum is { Count: > 0 } values)
                {
                    var names = values.Select(v => v!.GetValue<string>()).ToList();
                    property.Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Pattern = $"^({string.Join('|', names)})$",
                        Description = $"A {id}: {string.Join(", ", names)}.",
                    };
                }
            }
        }
    }

    private static readonly System.Resources.ResourceManager EventNames = new("ProjectMethod.Api.Web.Texts", typeof(OpenApi).Assembly);

    /// <summary>
    /// The deliveries a webhook subscriber receives, one entry per event type in the document's <c>webhooks</c>: a POST of
    /// the CloudEvent (its <c>type</c> fixed to the event's), with the delivery's id, timestamp and signature headers.
    /// </summary>
    private static void DescribeWebhooks(OpenApiDocument document, EventSchemas events)
    {
        static OpenApiParameter Header(string name, string description) => new()
        {
            Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in Events.EventTypes.Known.Order(StringComparer.Ordinal))
        {
            var name = EventNames.GetString($"Event.{type}", System.Globalization.CultureInfo.GetCultureInfo("en")) ?? type;
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = $"on{char.ToUpperInvariant(type[0])}{type[1..]}",
                        Summary = $"{name} ({Events.CloudEvent.TypePrefix}{type})",
                        Description = "Sent to a subscription naming this event type (or \"*\"), after the change is committed, retried until a 2xx answer. " +
                                      "Verify X-ProjectMethod-Signature before trusting the body: sha256= and the hex HMAC-SHA256 of \"timestamp.body\" under the " +
                                      "subscription's secret, its UTF-8 bytes as the key.",
                        Parameters =
                        [
                            Header("X-ProjectMethod-Delivery", "The delivery's id; a retry carries the same."),
                            Header("X-ProjectMethod-Timestamp", "Unix seconds when the delivery was signed."),
                            Header("X-ProjectMethod-Signature", "sha256=<hex HMAC-SHA256(secret, timestamp + \".\" + body)>."),
                        ],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/cloudevents+json"] = new()
                                {
                                    Schema = new OpenApiSchema
                                    {
                                        AllOf =
                                        [
                                            new OpenApiSchemaReference("CloudEvent", document),
                                            new OpenApiSchema
                                            {
                                                Properties = new Dictionary<string, IOpenApiSchema>
                                                {
                                                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = Events.CloudEvent.TypePrefix + type },
                                                    ["data"] = events.DataOf(Events.EventTypes.ByName[type]),
                                                },
                                                Required = new HashSet<string> { "type", "data" },
                                            },
                                        ],
                                    },
                                },
                            },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["200"] = new OpenApiResponse { Description = "Received. Any 2xx ends the delivery; anything else, or no answer, is retried." },
                        },
                    },
                },
            };
        }
    }

    /// <summary>
    /// Every property of a schema only answers carry is always written (null where it has no value): it is required, so
    /// a generated client types it as present. Problem details are left as they are: their extension members come and go.
    /// </summary>
    private static void RequireEveryPropertyOfAnswers(OpenApiDocument document, HashSet<string> inRequests)
    {
        foreach (var (id, component) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (inRequests.Contains(id) || id == "ProblemDetails" || component is not OpenApiSchema { Properties.Count: > 0 } schema)
            {
                continue;
            }

            schema.Required ??= new HashSet<string>();
            foreach (var name in schema.Properties.Keys)
            {
                schema.Required.Add(name);
            }
        }
    }

    /// <summary>One or more entity tags, or *.</summary>
    private const string IfMatchPattern = @"^(\*|(W/)?""[^""]*""(\s*,\s*(W/)?""[^""]*"")*)$";

    /// <summary>An ISO-8601 period as NodaTime writes one: years, months, weeks, days, then a time part.</summary>
    public const string PeriodPattern = @"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$";

    /// <summary>
    /// A NodaTime value as a string of its format, null beside it where the type may be null. A period is ISO-8601's
    /// (P3M, P1Y), which generators' "duration" (a TimeSpan) cannot hold: a pattern says it.
    /// </summary>
    private static OpenApiSchema NodaSchema(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        return new OpenApiSchema
        {
            Type = value == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null,
            Format = value == typeof(Instant) ? "date-time" : value == typeof(LocalDate) ? "date" : null,
            Pattern = value == typeof(Period) ? PeriodPattern : null,
        };
    }

    private static bool IsNodaValue(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var value
        && (value == typeof(Instant) || value == typeof(LocalDate) || value == typeof(Period));

    /// <summary>
    /// NodaTime's values in a type's properties, by the type's schema id: a type reached only through another's property
    /// keeps the exporter's empty schema for them whatever a schema transformer does, so the document's own transformer
    /// writes them (<see cref="WriteNodaProperties"/>).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Schema, string Property), Type> NodaProperties = new();

    private static Task DescribeNodaProperties(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && OpenApiOptions.CreateDefaultSchemaReferenceId(context.JsonTypeInfo) is { } id)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => IsNodaValue(p.PropertyType)))
            {
                NodaProperties[(id, property.Name)] = property.PropertyType;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A NodaTime value in a property is a string of the value's format, null beside it where it may be null.</summary>
    private static void WriteNodaProperties(OpenApiDocument document)
    {
        foreach (var ((id, name), type) in NodaProperties)
        {
            if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(id, out var owner)
                || owner is not OpenApiSchema { Properties: { } properties } || !properties.TryGetValue(name, out var before))
            {
                continue;
            }

            var written = NodaSchema(type);
            written.Description = before.Description;
            properties[name] = written;
        }
    }

    /// <summary>
    /// An enum is a string of its values and never lists null: a nullable use of one is one of null or the enum
    /// (a generator makes one enum type of it, not an empty class per use).
    /// </summary>
    private static Task CleanEnums(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A user id the API writes as a person with their name is a <see cref="People.PersonRef"/> (or an array of them); one
    /// that may be null is one of null or a person, with the property's description beside.
    /// </summary>
    private static async Task DescribePeople(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in context.JsonTypeInfo.Properties.Where(People.PersonFields.IsPerson))
        {
            var person = await context.GetOrCreateSchemaAsync(typeof(People.PersonRef), cancellationToken: cancellationToken);
            // The converter hides the property's own description from the generator: it is the attribute's.
            var info = (PropertyInfo)property.AttributeProvider!;
            var described = info.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description;
            schema.Properties[property.Name] = property.PropertyType != typeof(string)
                ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = person, Description = described }
                : nullability.Create(info).ReadState == NullabilityState.Nullable
                    ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, person], Description = described }
                    : person;
        }
    }

    /// <summary>
    /// A property the C# type declares nullable may be null in the JSON, whatever its schema is (the generator misses
    /// computed properties and references to other schemas).
    /// </summary>
    private static Task MarkNullableProperties(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        // A context of its own: NullabilityInfoContext caches without locking, and documents are generated concurrently.
        var nullability = new NullabilityInfoContext();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo info || !schema.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var state = nullability.Create(info).ReadState;
            if (state == NullabilityState.NotNull && propertySchema is OpenApiSchema { Type: { } notNull } always && notNull.HasFlag(JsonSchemaType.Null))
            {
                // A value the C# type never leaves null (a computed title, a list that starts empty) is never null in the JSON.
                always.Type = notNull & ~JsonSchemaType.Null;
                continue;
            }

            if (state != NullabilityState.Nullable)
            {
                continue;
            }

            // A simple value takes null as one more type; an object (a schema of its own) is one of null or itself.
            if (propertySchema is OpenApiSchema { Type: { } type, Enum: not { Count: > 0 } } inline && !type.HasFlag(JsonSchemaType.Object))
            {
                inline.Type = type | JsonSchemaType.Null;
            }
            else if (propertySchema is not OpenApiSchema { OneOf: { Count: > 0 } })
            {
                schema.Properties[property.Name] = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, propertySchema] };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The problem details' extension members: field errors, unmet criteria, the broken role rule, the limit passed, the current version.</summary>
    private static async Task DescribeProblemExtensions(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
        {
            return;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Validation problems: the messages for each invalid field.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["unmetCriteria"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "A refused approval: the criteria of the decision point that are not met.",
            Items = await context.GetOrCreateSchemaAsync(typeof(Domain.Gates.CriterionResult), cancellationToken: cancellationToken),
        };
        schema.Properties["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A refused role assignment: the combination rule it breaks." };
        schema.Properties["benefits"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "A refused early end of realisation: the benefits without their final evaluation.",
        };
        schema.Properties["limit"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A refused tolerance: the limit it passes." };
        schema.Properties["inner"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = "A refused narrowing: the inner tolerance that would no longer lie inside.",
        };
        schema.Properties["currentVersion"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int64", Description = "A failed precondition: the project's version now.",
        };
    }

    /// <summary>
    /// The headers every write understands and the answers they bring: Idempotency-Key on POST (422, 409),
    /// If-Match on writes to a project (412), the body limit (413) and the rate limit (429).
    /// </summary>
    /// <summary>A query parameter marked <see cref="OneOfAttribute{TEnum}"/> is typed as its enum, so a generator offers the values.</summary>
    private static async Task TypeEnumQueryParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var info = (description.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo;
            if (info?.GetCustomAttributes().OfType<IOneOf>().FirstOrDefault() is not { } oneOf
                || operation.Parameters?.FirstOrDefault(p => p.Name == description.Name && p.In == ParameterLocation.Query) is not OpenApiParameter parameter)
            {
                continue;
            }

            // Made once so the document holds the enum, then referred to: a generator makes one type of it, not one per parameter.
            await context.GetOrCreateSchemaAsync(oneOf.Values, cancellationToken: cancellationToken);
            parameter.Schema = new OpenApiSchemaReference(oneOf.Values.Name, context.Document);
        }
    }

    private static void DescribeRetriesAndPreconditions(OpenApiOperation operation, string method, string path)
    {
        var problem = operation.Responses?.GetValueOrDefault("401")?.Content;
        if (problem is null)
        {
            return;
        }

        operation.Parameters ??= [];
        void Respond(string status, string description)
        {
            operation.Responses!.TryAdd(status, new OpenApiResponse { Description = description, Content = problem });
        }

        var isWrite = method is "POST" or "PUT" or "DELETE";
        if (method == "POST")
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header,
                In = ParameterLocation.Header,
                Description = "Makes a retry safe: the same key and body replay the first response (Idempotent-Replayed: true). Keys last 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Idempotency.MaxKeyLength },
            });
            Respond("409", "Conflict, or the first request with this Idempotency-Key is still running.");
            Respond("422", "The Idempotency-Key was used for a different request.");
        }

        if (isWrite && path.StartsWith("api/v1/projects/{id", StringComparison.Ordinal))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The project's ETag as read, quoted as the ETag header gives it (\"2\"; the body's version is the number " +
                              "inside); the write is refused with 412 if the project changed since, and with 400 if the tag is not quoted.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = IfMatchPattern },
            });
            Respond("412", "The project changed since the ETag in If-Match was read.");
        }

        if (method is "POST" or "PUT")
        {
            Respond("413", "The request body is larger than the limit.");
        }

        // Every operation refuses a query parameter it does not take (QueryParameters), and an unreadable If-Match.
        Respond("400", "The request is not valid: the problem's errors name each field, header or query parameter and what is wrong with it.");
        if (method == "GET")
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of the answer as last read: 304 without a body when it is still the same.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses!.TryAdd("304", new OpenApiResponse { Description = "Not modified: the answer is still the one whose ETag If-None-Match named." });
        }

        Respond("429", "Too many requests from this user; see Retry-After.");
        Respond("500", "An unexpected fault: the problem names a trace id to quote, never internals.");
        Respond("503", "The database cannot be reached or written just now; see Retry-After.");
        DescribeHeaders(operation, method, path, isWrite);
    }

    /// <summary>The response headers each answer carries: ETag, Location, Idempotent-Replayed, Retry-After.</summary>
    private static void DescribeHeaders(OpenApiOperation operation, string method, string path, bool isWrite)
    {
        static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
            new() { Description = description, Schema = new OpenApiSchema { Type = type } };

        var carriesETag = path.StartsWith("api/v1/projects/{id", StringComparison.Ordinal) && (isWrite || System.Text.RegularExpressions.Regex.IsMatch(path, @"^api/v1/projects/\{id[^}]*\}/?$"))
                          || (method == "POST" && path.TrimEnd('/') == "api/v1/projects");
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse answer)
            {
                continue;
            }

            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (status.StartsWith('2'))
            {
                if (carriesETag)
                {
                    answer.Headers["ETag"] = Header("The project's version as a strong entity tag (\"7\" for version 7): send it back in If-Match.");
                }
                else if (method == "GET")
                {
                    answer.Headers["ETag"] = Header("A tag of this answer: send it back in If-None-Match to be told 304 when nothing changed.");
                }

                if (status == "201")
                {
                    answer.Headers["Location"] = Header("Where the created resource, or the collection that holds it, is read.");
                }

                if (method == "POST")
                {
                    answer.Headers[Idempotency.ReplayedHeader] = Header("true when this is the first response replayed for the same Idempotency-Key.", JsonSchemaType.Boolean);
                }
            }
            else if (status is "429" or "503")
            {
                answer.Headers["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
            }
        }
    }

    /// <summary>A read whose 200 is also a document when asked for in Accept: a PDF, a spreadsheet, CSV.</summary>
    public static RouteHandlerBuilder AlsoAs(this RouteHandlerBuilder builder, params string[] mediaTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse { Content: { } content })
            {
                foreach (var mediaType in mediaTypes)
                {
                    content[mediaType] = new OpenApiMediaType
                    {
                        Schema = mediaType == Documents.MediaTypes.Csv
                            ? new OpenApiSchema { Type = JsonSchemaType.String }
                            : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    };
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// Declares an XML request body the handler reads itself. Not as routing metadata (<c>Accepts</c>): routing would then
    /// answer a caller who sends another media type 415 before authorization, and the first check answers 403 first.
    /// </summary>
    public static RouteHandlerBuilder TakesXml(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            };
            return Task.CompletedTask;
        });
}
