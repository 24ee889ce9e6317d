using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;

namespace ProjectMethod.Api.Tests;

/// <summary>The committed OpenAPI document and the README's phase diagram are what the code generates.</summary>
public sealed partial class DocumentationTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string OpenApiFile = "openapi/ProjectMethod.v1.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_committed_openapi_document_is_the_generated_one()
    {
        var generated = Normalise(await api.CreateClient().GetStringAsync("/openapi/v1.json"));
        var path = Repository.PathOf(OpenApiFile);

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
        }

        var committed = Normalise(await File.ReadAllTextAsync(path));
        committed.Should().Be(generated, $"{OpenApiFile} must match the service; regenerate it with UPDATE_OPENAPI=1 dotnet test --filter DocumentationTests");
    }

    [Fact]
    public async Task Every_view_names_a_person_with_their_id_and_name()
    {
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var views = schemas.EnumerateObject().Where(s => s.Name.EndsWith("View", StringComparison.Ordinal) || s.Name is "HistoryEntry" or "ForecastEntry");

        var bare = (from view in views
                    from property in view.Value.GetProperty("properties").EnumerateObject()
                    where PersonProperty().IsMatch(property.Name) && $"{view.Name}.{property.Name}" is not ("RoleView.userId" or "ExceptionView.owner" or "InputView.answerBy")
                    where !property.Value.GetRawText().Contains("#/components/schemas/PersonRef", StringComparison.Ordinal)
                    select $"{view.Name}.{property.Name}").ToList();

        bare.Should().BeEmpty("a view shows a person as {id, name} (a role shows its holder's userId beside the displayName; an exception's owner is the level that decides it; an input's answerBy a date)");
        schemas.GetProperty("PersonRef").GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo("id", "name");
    }

    [Fact]
    public async Task The_headers_answers_carry_are_declared_where_they_are_sent()
    {
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        IEnumerable<string> HeadersOf(string path, string method, string status) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status).TryGetProperty("headers", out var headers)
                ? headers.EnumerateObject().Select(h => h.Name) : [];

        HeadersOf("/api/v1/projects", "post", "201").Should().BeEquivalentTo("ETag", "Location", "Idempotent-Replayed");
        HeadersOf("/api/v1/projects/{id}", "get", "200").Should().BeEquivalentTo("ETag");
        HeadersOf("/api/v1/projects/{id}/mandate", "put", "200").Should().BeEquivalentTo("ETag");
        HeadersOf("/api/v1/projects/{id}/gate/decisions", "post", "201").Should().BeEquivalentTo("ETag", "Location", "Idempotent-Replayed");
        HeadersOf("/api/v1/projects", "get", "200").Should().BeEquivalentTo(["ETag"], "every read is tagged for If-None-Match");
        paths.GetProperty("/api/v1/projects/{id}/decisions/{decisionId}").GetProperty("get").GetProperty("responses").TryGetProperty("304", out _)
            .Should().BeTrue("a read whose If-None-Match names its ETag is 304");
        paths.GetProperty("/api/v1/projects/{id}/decisions/{decisionId}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).Should().Contain("If-None-Match");
        HeadersOf("/api/v1/projects", "get", "429").Should().BeEquivalentTo("Retry-After");
        HeadersOf("/api/v1/projects", "get", "503").Should().BeEquivalentTo("Retry-After");
    }

    [Fact]
    public async Task Every_event_type_is_a_webhook_of_the_document_with_its_signature_headers()
    {
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"));
        var webhooks = document.RootElement.GetProperty("webhooks");

        webhooks.EnumerateObject().Select(w => w.Name).Should().BeEquivalentTo(ProjectMethod.Api.Events.EventTypes.Known);
        var decided = webhooks.GetProperty("decisionMade").GetProperty("post");
        decided.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().Equal("X-ProjectMethod-Delivery", "X-ProjectMethod-Timestamp", "X-ProjectMethod-Signature");
        decided.GetProperty("requestBody").GetProperty("content").GetProperty("application/cloudevents+json").GetProperty("schema")
            .GetProperty("allOf")[1].GetProperty("properties").GetProperty("type").GetProperty("const").GetString().Should().Be("no.projectmethod.decisionMade");
    }

    [GeneratedRegex("(By|UserId|^actor|^voter|^owner|^acceptor|^qualityResponsible|^teamManager|^reviewers)$")]
    private static partial Regex PersonProperty();

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_tag_and_its_error_responses()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!)))
            .ToList();

        operations.Should().HaveCountGreaterThan(15);
        foreach (var (name, operation) in operations)
        {
            operation["operationId"]?.GetValue<string>().Should().NotBeNullOrEmpty(name);
            operation["summary"]?.GetValue<string>().Should().NotBeNullOrEmpty(name);
            operation["tags"]!.AsArray().Should().NotBeEmpty(name);
            var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            responses.Should().Contain("401", name);
            responses.Should().Contain(code => code.StartsWith('2'), name);
        }

        document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
    }

    [Fact]
    public async Task Swagger_ui_is_served_only_where_configured()
    {
        using (var response = await api.As("pia").GetAsync("/swagger/index.html"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "Swagger UI is off unless SwaggerUi:Enabled turns it on (Development does)");
        }

        using var configured = new SqliteApi().With("SwaggerUi:Enabled", "true");
        using var served = await configured.CreateClient().GetAsync("/swagger/index.html");
        served.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("phase-machine")]
    [InlineData("product-machine")]
    public async Task The_readme_shows_each_machine_as_the_machine_exports_it(string name)
    {
        var readme = await File.ReadAllTextAsync(Repository.PathOf("README.md"));
        var match = new Regex($"<!-- {name}:start -->\\s*```mermaid\\n(.*?)```\\s*<!-- {name}:end -->", RegexOptions.Singleline).Match(readme);

        match.Success.Should().BeTrue($"README.md has a ```mermaid block between the {name} markers");
        var exported = name == "phase-machine" ? PhaseMachine.Mermaid(CriteriaCatalogue.Default) : ProductMachine.Mermaid();
        match.Groups[1].Value.ReplaceLineEndings("\n").Should().Be(exported + "\n");
    }

    private static string Normalise(string json) => JsonSerializer.Serialize(JsonNode.Parse(json), Indented).ReplaceLineEndings("\n") + "\n";
}
