using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The contract check the functional suite runs on every exchange catches a drift either way.</summary>
public sealed class ContractTests
{
    private static readonly (string, string) GetProject = Contract.OperationOf("GET", "/api/v1/projects/0195e1c2-0000-7000-8000-000000000001")!.Value;
    private static readonly (string, string) Propose = Contract.OperationOf("POST", "/api/v1/projects")!.Value;

    private const string Project =
        """
        {"id":"0195e1c2-0000-7000-8000-000000000001","name":"P","sector":"helse","description":"D","phase":"proposed","stage":null,
         "closedEarly":false,"proposerId":"pia","handbook":{"sector":"standard","version":1},"mandate":null,"version":1,
         "createdAt":"2026-03-02T08:00:00Z","updatedAt":"2026-03-02T08:00:00Z","toleranceStatus":null,"ideaId":null,"programmeId":null,"participatingSectors":["oppvekst"],
         "category":{"category":"medium","confirmed":false,"proposed":null,"suggested":null,"facts":null}}
        """;

    [Fact]
    public void A_response_as_documented_keeps_the_contract() =>
        Contract.CheckResponse(GetProject, 200, "application/json", Project).Should().BeNull();

    [Fact]
    public void A_response_without_a_required_field_or_with_an_undocumented_one_breaks_it()
    {
        Contract.CheckResponse(GetProject, 200, "application/json", Project.Replace("\"name\":\"P\",", "", StringComparison.Ordinal))
            .Should().Contain("name");
        Contract.CheckResponse(GetProject, 200, "application/json", Project.Replace("\"name\":\"P\"", "\"name\":\"P\",\"budget\":5", StringComparison.Ordinal))
            .Should().Contain("budget");
        Contract.CheckResponse(GetProject, 200, "application/json", Project.Replace("\"phase\":\"proposed\"", "\"phase\":\"dreaming\"", StringComparison.Ordinal))
            .Should().Contain("phase");
    }

    [Fact]
    public void An_undocumented_status_or_media_type_breaks_it()
    {
        Contract.CheckResponse(GetProject, 418, "application/problem+json", "{}").Should().Contain("418");
        Contract.CheckResponse(GetProject, 200, "text/plain", Project).Should().Contain("text/plain");
    }

    [Fact]
    public void A_request_body_is_held_to_the_document_too()
    {
        Contract.CheckRequest(Propose, "application/json", """{"name":"x","sector":"helse","description":"d"}""").Should().BeNull();
        Contract.CheckRequest(Propose, "application/json", """{"name":"x","sector":"helse","description":"d","budget":5}""").Should().Contain("budget");
        Contract.CheckRequest(Propose, "application/json", """{"sector":"helse","description":"d"}""").Should().Contain("name");
    }

    [Fact]
    public void Problem_details_carry_their_documented_extensions_and_no_others()
    {
        Contract.CheckResponse(Propose, 400, "application/problem+json",
            """{"type":"urn:projectmethod:problem:validation","title":"Invalid request","status":400,"detail":"d","errors":{"name":["name is required."]}}""")
            .Should().BeNull();
        Contract.CheckResponse(Propose, 400, "application/problem+json",
            """{"type":"urn:projectmethod:problem:validation","title":"Invalid request","status":400,"detail":"d","stackTrace":"at ..."}""")
            .Should().Contain("stackTrace");
    }

    [Fact]
    public void A_value_matching_two_branches_of_a_oneOf_breaks_it()
    {
        var components = System.Text.Json.Nodes.JsonNode.Parse("""{"Day":{},"Level":{"type":"string","enum":["inform","consult"]}}""")!.AsObject();
        var loose = System.Text.Json.Nodes.JsonNode.Parse("""{"type":"object","properties":{"planDate":{"oneOf":[{"type":"null"},{"$ref":"#/components/schemas/Day"}]}}}""")!;
        var clean = System.Text.Json.Nodes.JsonNode.Parse("""{"type":"object","properties":{"level":{"oneOf":[{"type":"null"},{"$ref":"#/components/schemas/Level"}]}}}""")!;

        Contract.AmbiguousOneOf(loose, System.Text.Json.Nodes.JsonNode.Parse("""{"planDate":null}"""), components, "$")
            .Should().Contain("$.planDate matches 2 branches");
        Contract.AmbiguousOneOf(clean, System.Text.Json.Nodes.JsonNode.Parse("""{"level":null}"""), components, "$").Should().BeNull();
        Contract.AmbiguousOneOf(clean, System.Text.Json.Nodes.JsonNode.Parse("""{"level":"consult"}"""), components, "$").Should().BeNull();
    }

    [Fact]
    public void An_event_is_held_to_its_types_webhook_and_its_data_to_the_payload_as_stored()
    {
        var package = new ProjectMethod.Api.ManageByException.WorkPackageView(Guid.CreateVersion7(), 1, "Pilot i to soner", "tom", null, []);
        var stored = System.Text.Json.JsonSerializer.Serialize(package, ProjectMethod.Api.Infrastructure.Json.Options);
        string Event(string type, string data) => System.Text.Json.JsonSerializer.Serialize(
            ProjectMethod.Api.Events.CloudEvent.From(7, Guid.CreateVersion7(), type, "per", NodaTime.Instant.FromUtc(2026, 3, 2, 8, 0), data),
            ProjectMethod.Api.Infrastructure.Json.Options);

        Contract.CheckEvent(Event("workPackageCreated", stored)).Should().BeNull();
        Contract.CheckEventData("workPackageCreated", stored).Should().BeNull();
        // People are user ids in an event, as stored: the answers' {id, name} under another name is not what the data says.
        var shown = stored.Replace("\"teamManagerUserId\":\"tom\"", "\"teamManager\":{\"id\":\"tom\",\"name\":\"Tom Teamleder\"}", StringComparison.Ordinal);
        Contract.CheckEvent(Event("workPackageCreated", shown)).Should().Contain("teamManagerUserId");
        Contract.CheckEvent(Event("workPackageCreated", stored.Replace("\"stage\":1", "\"stage\":\"one\"", StringComparison.Ordinal))).Should().Contain("stage");
        // Another type's data is not this type's.
        Contract.CheckEvent(Event("lessonRecorded", stored)).Should().Contain("lessonId");
        Contract.CheckEvent(Event("somethingHappened", stored)).Should().Contain("not among the document's webhooks");
    }
}
