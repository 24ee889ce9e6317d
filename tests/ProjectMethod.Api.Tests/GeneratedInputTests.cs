using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Dapper;
using ProjectMethod.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// Bad input, generated: requests built from the committed OpenAPI document for every operation — valid bodies, then
/// bodies with one thing broken (a wrong type, a null, an extreme, an over-long string, a date or period that is none,
/// an unknown enum value, broken JSON, a wrong content type, an unknown field) and broken path and query values — sent
/// as a caller the access table lets through, against a project in execution. No answer is a 5xx; every 4xx is a problem
/// document (with field errors, when it has them, that name fields); and a refused request writes nothing: the project's
/// version and the audit chain's head are what they were.
/// </summary>
public abstract class GeneratedInputTests(ApiFactory api, ITestOutputHelper output)
{
    /// <summary>Requests per run; CsCheck shrinks a failing one to the simplest that still fails and prints its seed.</summary>
    private const int Requests = 10_000;

    /// <summary>One generated request, and what was broken in it.</summary>
    public sealed record Attempt(string Operation, string Method, string Path, string? ContentType, string? Body, string Broken)
    {
        public override string ToString() => $"{Broken}: {Method} {Path} [{ContentType}] {Body?[..Math.Min(Body.Length, 300)]}";
    }

    [ProviderFact]
    public async Task Generated_requests_never_fail_the_server_and_a_refused_one_writes_nothing()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Assign(project.Executive, "teamManager", "tom");
        await project.Assign(project.Executive, "projectAssurance", "ada");
        await project.Forecast(1, cost: 900000);
        var known = new Known(project.Id, [project.ProductId!, project.BenefitId!, (await project.OpenExceptions()).Single().Str("id")]);
        var table = AccessTable.Read();
        var document = JsonNode.Parse(File.ReadAllText(Repository.PathOf("openapi/ProjectMethod.v1.json")))!;
        var operations = Requests_(document, known).ToList();
        var callers = AccessMatrixTests.CallersOf(api);
        using var database = api.OpenDatabase();

        var counts = new Dictionary<string, int>();
        var gen = Gen.Int[0, operations.Count - 1].SelectMany(i => operations[i].Gen);
        await gen.SampleAsync(async attempt =>
        {
            var (version, head) = await StateAsync(database, project.Id);
            using var request = new HttpRequestMessage(new HttpMethod(attempt.Method), attempt.Path);
            if (attempt.Body is not null)
            {
                request.Content = new StringContent(attempt.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(attempt.ContentType!);
            }

            var row = table[attempt.Operation];
            var caller = AccessMatrixTests.Preferred.First(c => row.Cells[c] == "✓");
            using var response = await callers[caller].SendAsync(request);
            var status = (int)response.StatusCode;
            lock (counts)
            {
                counts[attempt.Broken] = counts.GetValueOrDefault(attempt.Broken) + 1;
            }

            status.Should().BeLessThan(500, attempt.ToString());
            if (status >= 400)
            {
                response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", attempt.ToString());
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                problem.Str("type").Should().StartWith("urn:projectmethod:problem:", attempt.ToString());
                problem.GetProperty("status").GetInt32().Should().Be(status, attempt.ToString());
                if (problem.TryGetProperty("errors", out var errors))
                {
                    errors.EnumerateObject().Should().OnlyContain(e => e.Name.Length > 0 && e.Value.GetArrayLength() > 0, attempt.ToString());
                }

                (await StateAsync(database, project.Id)).Should().Be((version, head), $"a refused request writes nothing: {attempt}");
            }
        }, iter: Requests, threads: 1);

        output.WriteLine($"{Requests} requests over {operations.Count} operations: " +
            string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        counts.Keys.Should().Contain(["valid", "wrong type", "null", "extreme", "over-long", "no date", "unknown enum value", "broken JSON",
            "wrong content type", "unknown field", "broken path", "broken query"]);
    }

    private static async Task<(long Version, long Head)> StateAsync(System.Data.Common.DbConnection database, Guid project) =>
        (await database.ExecuteScalarAsync<long>("SELECT version FROM projects WHERE id = @id", new { id = project.ToString() }),
         await database.ExecuteScalarAsync<long?>("SELECT sequence FROM audit_head WHERE id = 1") ?? 0);

    /// <summary>The project's id and some ids that exist in it, for path values that find something.</summary>
    private sealed record Known(Guid Project, IReadOnlyList<string> Ids);

    private sealed record OperationGen(string Id, Gen<Attempt> Gen);

    private static IEnumerable<OperationGen> Requests_(JsonNode document, Known known)
    {
        var schemas = document["components"]!["schemas"]!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "delete"))
            {
                var id = operation!["operationId"]!.GetValue<string>();
                var verb = method.ToUpperInvariant();
                var query = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>()).ToList();
                var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                var body = bodySchema is null ? Gen.Const<JsonNode?>((JsonNode?)null) : Value(bodySchema, schemas, 0);
                var paths = PathGen(path, known, broken: false);

                var valid = Gen.Select(paths, body, (p, b) => new Attempt(id, verb, p, b is null ? null : "application/json", b?.ToJsonString(), "valid"));
                var variants = new List<Gen<Attempt>> { valid };
                variants.Add(Gen.Select(PathGen(path, known, broken: true), body,
                    (p, b) => new Attempt(id, verb, p, b is null ? null : "application/json", b?.ToJsonString(), "broken path")));
                if (query.Count > 0)
                {
                    variants.Add(Gen.Select(paths, Gen.OneOf(query.ToArray()), Gen.OneOf(BadValues), body,
                        (p, name, value, b) => new Attempt(id, verb, $"{p}?{name}={Uri.EscapeDataString(value)}", b is null ? null : "application/json",
                            b?.ToJsonString(), "broken query")));
                }

                if (bodySchema is not null)
                {
                    foreach (var (broken, mutate) in Mutations)
                    {
                        variants.Add(Gen.Select(paths, body, Gen.Int[0, int.MaxValue], (p, b, seed) =>
                        {
                            var (contentType, text) = mutate(b!, new Random(seed));
                            return new Attempt(id, verb, p, contentType, text, broken);
                        }));
                    }
                }

                yield return new OperationGen(id, Gen.OneOf(variants.ToArray()));
            }
        }
    }

    private static readonly string[] BadValues =
    [
        "", "-1", "0", "99999999999999999999", "abc", "null", "true", "[]", "{}", "2027-02-30", "not-a-cursor", "%00", "' OR 1=1 --",
        new string('x', 5000), "ÆØÅ", "../../etc/passwd",
    ];

    private static Gen<string> PathGen(string template, Known known, bool broken)
    {
        var parameters = System.Text.RegularExpressions.Regex.Matches(template, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToList();
        if (parameters.Count == 0)
        {
            return Gen.Const(template);
        }

        Gen<string> ValueOf(string name)
        {
            if (broken)
            {
                return Gen.OneOf("not-a-guid", "00000000-0000-0000-0000-000000000000", "-1", "99999999999", new string('9', 400), "%2e%2e", "1.5");
            }

            return name switch
            {
                "id" when template.StartsWith("/api/v1/projects/", StringComparison.Ordinal) => Gen.Const(known.Project.ToString()),
                "stage" or "version" => Gen.Int[1, 3].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "sector" => Gen.OneOf("helse", "kultur", "default"),
                "itemId" => Gen.OneOf("bp1-need", "bp3-resources", "sb-products"),
                _ => Gen.Frequency((3, Gen.OneOf(known.Ids.ToArray())), (1, Gen.Guid.Select(g => g.ToString()))),
            };
        }

        return parameters.Select(ValueOf).Aggregate(Gen.Const(template), (acc, next) => acc.SelectMany(t => next.Select(v => ReplaceFirst(t, v))));
    }

    private static string ReplaceFirst(string template, string value)
    {
        var match = System.Text.RegularExpressions.Regex.Match(template, @"\{(\w+)\}");
        return template[..match.Index] + value + template[(match.Index + match.Length)..];
    }

    /// <summary>A valid value of a schema: required properties always, the others now and then, small arrays, dates as dates.</summary>
    private static Gen<JsonNode?> Value(JsonNode schema, JsonNode schemas, int depth)
    {
        if (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            return name == "LocalDate" ? Date : Value(schemas[name]!, schemas, depth);
        }

        if (schema["oneOf"] is JsonArray choices)
        {
            var nonNull = choices.Where(c => c!["type"]?.GetValue<string>() != "null").ToList();
            return nonNull.Count == 0 ? Gen.Const<JsonNode?>((JsonNode?)null) : Value(nonNull[0]!, schemas, depth);
        }

        if (schema["enum"] is JsonArray values)
        {
            return Gen.OneOf(values.Where(v => v is not null).Select(v => v!.GetValue<string>()).ToArray()).Select(v => (JsonNode?)JsonValue.Create(v));
        }

        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue single => single.GetValue<string>(),
            _ => null,
        };
        var format = schema["format"]?.GetValue<string>();
        return type switch
        {
            "string" when format == "uuid" => Gen.Guid.Select(g => (JsonNode?)JsonValue.Create(g.ToString())),
            "string" when format == "date-time" => Gen.Const<JsonNode?>(JsonValue.Create("2027-01-01T00:00:00Z")),
            "string" when format == "duration" => Gen.OneOf("P1M", "P3M", "P1Y").Select(p => (JsonNode?)JsonValue.Create(p)),
            "string" => Gen.String[Gen.Char.AlphaNumeric, 1, 24].Select(s => (JsonNode?)JsonValue.Create(s)),
            "integer" => Gen.Int[0, 5].Select(i => (JsonNode?)JsonValue.Create(i)),
            "number" => Gen.Int[0, 2_000_000].Select(i => (JsonNode?)JsonValue.Create(i)),
            "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            "array" when depth < 4 => Value(schema["items"] ?? new JsonObject(), schemas, depth + 1).Array[0, 3]
                .Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
            "array" => Gen.Const<JsonNode?>(new JsonArray()),
            "object" when depth < 5 => Object(schema, schemas, depth),
            "object" => Gen.Const<JsonNode?>(new JsonObject()),
            _ => Date,
        };
    }

    private static readonly Gen<JsonNode?> Date =
        Gen.Int[0, 1500].Select(days => (JsonNode?)JsonValue.Create(new DateOnly(2026, 1, 1).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static Gen<JsonNode?> Object(JsonNode schema, JsonNode schemas, int depth)
    {
        var required = (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
        var properties = (schema["properties"]?.AsObject() ?? []).Select(p => (p.Key, Gen: Value(p.Value!, schemas, depth + 1), Required: required.Contains(p.Key)))
            .ToList();
        var gen = Gen.Const(new List<(string, JsonNode?)>());
        foreach (var (name, value, isRequired) in properties)
        {
            gen = isRequired
                ? gen.SelectMany(list => value.Select(v => list.Append((name, v)).ToList()))
                : gen.SelectMany(list => Gen.Bool.SelectMany(include => include ? value.Select(v => list.Append((name, v)).ToList()) : Gen.Const(list)));
        }

        return gen.Select(list => (JsonNode?)new JsonObject(list.Select(p => KeyValuePair.Create(p.Item1, p.Item2?.DeepClone()))));
    }

    /// <summary>Each way of breaking a valid body: one property (or the whole text) changed, the rest left valid.</summary>
    private static readonly (string Name, Func<JsonNode, Random, (string ContentType, string Text)> Mutate)[] Mutations =
    [
        ("wrong type", (body, random) => Json(Replace(body, random, value => value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(42),
            JsonValue => JsonValue.Create("zweiundvierzig"),
            JsonArray => new JsonObject { ["a"] = 1 },
            _ => new JsonArray(1, 2),
        }))),
        ("null", (body, random) => Json(Replace(body, random, _ => null))),
        ("extreme", (body, random) => Json(Replace(body, random, _ =>
            random.Next(5) switch { 0 => JsonValue.Create(1e308), 1 => JsonValue.Create(-1e308), 2 => JsonValue.Create(long.MaxValue), 3 => JsonValue.Create(-1), _ => JsonValue.Create(0.000001) }))),
        ("over-long", (body, random) => Json(Replace(body, random, _ => JsonValue.Create(new string('å', random.Next(2, 4) * 10_000))))),
        ("no date", (body, random) => Json(Replace(body, random, _ =>
            JsonValue.Create(random.Next(6) switch { 0 => "2027-02-30", 1 => "31.03.2027", 2 => "", 3 => "P-3M", 4 => "2027-13-01", _ => "yesterday" })))),
        ("unknown enum value", (body, random) => Json(Replace(body, random, _ => JsonValue.Create("definitelyNotAValue")))),
        ("broken JSON", (body, random) =>
        {
            var text = body.ToJsonString();
            return ("application/json", random.Next(3) switch
            {
                0 => text[..random.Next(text.Length)],
                1 => text + "}",
                _ => text.Insert(random.Next(text.Length), "\u0000,"),
            });
        }),
        ("wrong content type", (body, random) => (random.Next(3) switch { 0 => "text/plain", 1 => "application/xml", _ => "application/x-www-form-urlencoded" },
            body.ToJsonString())),
        ("unknown field", (body, random) =>
        {
            var copy = body.DeepClone();
            if (copy is JsonObject o)
            {
                o["isAdmin"] = true;
            }

            return Json(copy);
        }),
    ];

    private static (string, string) Json(JsonNode? body) => ("application/json", body?.ToJsonString() ?? "null");

    /// <summary>A copy of the body with one property, chosen at random at any depth, replaced (the whole body if it has none).</summary>
    private static JsonNode? Replace(JsonNode body, Random random, Func<JsonNode?, JsonNode?> with)
    {
        var copy = body.DeepClone();
        var slots = new List<(JsonNode Parent, object Key)>();
        void Collect(JsonNode node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        slots.Add((o, key));
                        if (value is not null)
                        {
                            Collect(value);
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, i));
                        if (a[i] is { } item)
                        {
                            Collect(item);
                        }
                    }

                    break;
            }
        }

        Collect(copy);
        if (slots.Count == 0)
        {
            return with(copy);
        }

        var (parent, slot) = slots[random.Next(slots.Count)];
        if (parent is JsonObject obj)
        {
            obj[(string)slot] = with(obj[(string)slot]);
        }
        else
        {
            ((JsonArray)parent)[(int)slot] = with(((JsonArray)parent)[(int)slot]);
        }

        return copy;
    }
}

public sealed class GeneratedInputTestsOnSqlite(SqliteApi api, ITestOutputHelper output) : GeneratedInputTests(api, output), IClassFixture<SqliteApi>;
