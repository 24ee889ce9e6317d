using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// The OWASP API Security Top 10 (2023), one group of attacks each. API2 (broken authentication) is <see cref="AuthTests"/>,
/// API5 (broken function level authorisation) is <see cref="AccessMatrixTests"/>; the rest are here.
/// </summary>
public abstract class ApiSecurityTests(ApiFactory api)
{
    // API1 — broken object level authorisation.
    [ProviderFact]
    public async Task Api1_an_object_of_one_project_is_not_found_through_another_projects_path()
    {
        var a = await new Scenario(api).InExecutionAsync();
        var b = await new Scenario(api).InExecutionAsync();
        var risk = (await a.ProjectManager.Post($"{a.Url}/risks",
            new { kind = "risk", title = "Hemmelig risiko i A", probability = 2, consequence = 2, proximity = "Q2", strategy = "reduce", ownerUserId = "per" })
            .Expect(HttpStatusCode.Created)).Str("id");
        await a.Forecast(1, cost: 900000);
        var exception = (await a.OpenExceptions()).Single().Str("id");
        var lesson = (await a.ProjectManager.Post($"{a.Url}/lessons", new { title = "Hemmelig lærdom i A", description = "D", recommendation = "R" })
            .Expect(HttpStatusCode.Created)).Str("id");
        var role = (await a.Outsider.GetAsync($"{a.Url}/roles").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .First(r => r.Str("role") == "seniorSupplier").Str("id");
        var (product, benefit) = (a.ProductId!, a.BenefitId!);

        (HttpClient Who, HttpMethod Method, string Path, object? Body)[] attempts =
        [
            (b.Outsider, HttpMethod.Get, $"products/{product}", null),
            (b.SeniorUser, HttpMethod.Post, $"products/{product}/accept", new { comment = "Ja" }),
            (b.ProjectManager, HttpMethod.Put, $"products/{product}/receiving-line-unit", new { receivingLineUnit = "Hjemmetjenesten" }),
            (b.Outsider, HttpMethod.Get, $"risks/{risk}", null),
            (b.ProjectManager, HttpMethod.Post, $"risks/{risk}",
                new { kind = "risk", title = "Endret", probability = 1, consequence = 1, proximity = "Q2", strategy = "reduce", ownerUserId = "per" }),
            (b.Outsider, HttpMethod.Get, $"exceptions/{exception}", null),
            (b.ProjectManager, HttpMethod.Post, $"exceptions/{exception}/report", new { cause = "C", consequences = "K", options = new[] { new { title = "O", effect = "E" } }, recommendation = "R" }),
            (b.Outsider, HttpMethod.Get, $"benefits/{benefit}", null),
            (b.BenefitOwner, HttpMethod.Post, $"benefits/{benefit}/measurements", new { value = 100, date = "2026-03-01" }),
            (b.ProjectManager, HttpMethod.Post, $"lessons/{lesson}/publish", new { }),
            (b.Executive, HttpMethod.Post, $"roles/{role}/removal", new { rationale = "Slutter" }),
            (b.Executive, HttpMethod.Post, $"roles/{role}/replacement", new { userId = "x", displayName = "X", rationale = "Byttes" }),
        ];
        foreach (var (who, method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, $"{b.Url}/{path}");
            if (body is not null)
            {
                request.Content = JsonContent(body);
            }

            using var response = await who.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {path} of project A through project B");
            text.Should().NotContain("Hemmelig").And.NotContain(a.Id.ToString());
        }

        var roles = await a.Outsider.GetAsync($"{a.Url}/roles").Expect(HttpStatusCode.OK);
        roles.GetProperty("items").EnumerateArray().Should().Contain(r => r.Str("id") == role, "nothing of A was changed through B");
        (await a.Outsider.GetAsync($"{a.Url}/products/{product}").Expect(HttpStatusCode.OK)).Str("state").Should().NotBe("accepted");
    }

    // API3 — broken object property level authorisation.
    [ProviderTheory]
    [InlineData("/api/v1/projects", "phase", "execution")]
    [InlineData("/api/v1/projects", "version", 7)]
    [InlineData("/api/v1/projects", "proposerId", "eva")]
    [InlineData("/api/v1/projects", "id", "01a2b3c4-0000-7000-8000-000000000000")]
    public async Task Api3_a_read_only_property_cannot_be_written(string path, string property, object value)
    {
        var before = await Count("projects");
        var body = new Dictionary<string, object> { ["name"] = "Forsøk", ["sector"] = "helse", ["description"] = "D", [property] = value };

        var problem = await api.SendingInvalidBodiesAs("pia").PostAsync(path, JsonContent(body)).ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        problem.Str("detail").Should().Contain($"'{property}'");
        (await Count("projects")).Should().Be(before);
    }

    [ProviderFact]
    public async Task Api3_who_decided_and_what_a_gate_led_to_are_never_taken_from_the_body()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);

        await api.SendingInvalidBodiesAs("bjorn", GlobalRoles.PortfolioBoard).PostAsync($"{project.Url}/gate/decisions",
            JsonContent(new { decision = "approve", decidedBy = "eva", toPhase = "execution" })).ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        (await project.Project()).Str("phase").Should().Be("proposed");
        (await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    // API4 — unrestricted resource consumption.
    [ProviderFact]
    public async Task Api4_deep_nesting_huge_arrays_and_huge_pages_are_refused_before_any_work()
    {
        var pia = api.SendingInvalidBodiesAs("pia");
        var before = await Count("projects");
        var deep = "{\"name\":\"N\",\"sector\":\"helse\",\"description\":" + new string('[', 5000) + new string(']', 5000) + "}";
        await pia.PostAsync("/api/v1/projects", new StringContent(deep, Encoding.UTF8, "application/json")).ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");
        var products = await Count("products");
        var criteria = Enumerable.Range(0, 20_000).Select(i => $"kriterium {i}").ToArray();
        var problem = await api.SendingInvalidBodiesAs("per").PostAsync($"{project.Url}/products", JsonContent(new
        {
            title = "Stor", purpose = "P", qualityCriteria = new[] { new { criterion = "K", method = "M" } }, acceptanceCriteria = criteria, stage = 1,
        })).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("acceptanceCriteria");

        await pia.GetAsync("/api/v1/projects?limit=100000").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await pia.GetAsync($"{project.Url}/history?limit=100000").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        (await Count("projects")).Should().Be(before + 1);
        (await Count("products")).Should().Be(products);
    }

    // API6 — unrestricted access to sensitive business flows.
    [ProviderFact]
    public async Task Api6_a_decision_cannot_be_replayed_to_decide_twice()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);
        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Created);

        await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Ja" }).ExpectProblem(HttpStatusCode.Conflict, "no-open-request");

        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        log.GetProperty("items").GetArrayLength().Should().Be(1);
        (await project.Project()).Str("phase").Should().Be("concept");
    }

    [ProviderFact]
    public async Task Api6_four_eyes_hold_when_the_roles_are_reassigned_between_the_request_and_the_decision()
    {
        var project = await new Scenario(api).ReadyForBp3Async();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);

        // The one who asked is made Executive: pål replaces per as Project Manager, then per replaces eva as Executive.
        var roles = (await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        await project.Board.Post($"{project.Url}/roles/{roles.Single(r => r.Str("role") == "projectManager").Str("id")}/replacement",
            new { userId = "pål", displayName = "Pål", rationale = "Per blir prosjekteier" }).Expect(HttpStatusCode.Created);
        await project.Board.Post($"{project.Url}/roles/{roles.Single(r => r.Str("role") == "executive").Str("id")}/replacement",
            new { userId = "per", displayName = "Per", rationale = "Eva slutter" }).Expect(HttpStatusCode.Created);

        var problem = await project.ProjectManager.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Meg selv" })
            .ExpectProblem(HttpStatusCode.Forbidden, "four-eyes");
        problem.Str("detail").Should().NotBeNullOrEmpty();
        (await project.Project()).Str("phase").Should().Be("planning");
    }

    // API7 — server side request forgery.
    [ProviderFact]
    public async Task Api7_a_webhook_never_reaches_an_internal_address_outside_development_not_even_through_an_allowed_name()
    {
        await using var listener = await WebhookListener.StartAsync();
        using var production = api.Another().With("Webhooks:AllowPrivateNetworks", "false").With("Webhooks:AllowedHosts:1", "localhost");
        var admin = production.As("anne", GlobalRoles.Admin);

        var refused = await admin.Post("/api/v1/webhooks", new { url = listener.Url.ToString(), eventTypes = new[] { "*" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        refused.GetProperty("errors").TryGetProperty("url", out _).Should().BeTrue();

        // An allowed name that resolves to the loopback address, as a rebound name would.
        var byName = new UriBuilder(listener.Url) { Host = "localhost" }.Uri;
        await admin.Post("/api/v1/webhooks", new { url = byName.ToString(), eventTypes = new[] { "*" } }).Expect(HttpStatusCode.Created);
        await production.As("pia").Post("/api/v1/projects", new { name = "Utløser", sector = "helse", description = "D" }).Expect(HttpStatusCode.Created);

        var error = await EventuallyAsync(() => Scalar<string?>(production, "SELECT last_error FROM webhook_deliveries WHERE attempts > 0"));
        error.Should().Contain("private networks");
        listener.Received.Should().BeEmpty();
        listener.Elsewhere.Should().BeEmpty();
    }

    // API8 — security misconfiguration: no Server header, security headers and no internals are HardeningTests; here the
    // Swagger UI and the OpenAPI document's servers.
    [ProviderFact]
    public async Task Api8_swagger_ui_is_off_unless_configured_and_errors_name_no_internals()
    {
        using var response = await api.As("pia").GetAsync("/swagger/index.html");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Headers.Contains("Server").Should().BeFalse();

        var malformed = await api.SendingInvalidBodiesAs("pia").PostAsync("/api/v1/projects", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"))
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");
        malformed.GetRawText().Should().NotContain("System.").And.NotContain("   at ").And.NotContain("Exception");
    }

    // API9 — improper inventory management.
    [ProviderFact]
    public void Api9_no_route_answers_that_the_openapi_document_does_not_list()
    {
        api.CreateClient().Dispose();
        var document = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("openapi/ProjectMethod.v1.json"))).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {Template(e.RoutePattern.RawText!).TrimEnd('/')}"))
            .ToList();

        routes.Should().NotBeEmpty();
        routes.Where(r => !documented.Contains(r)).Should().BeEmpty("every route under /api is in the committed OpenAPI document");
    }

    // API10 — unsafe consumption of APIs: a webhook receiver's answer is never followed, trusted or reflected.
    [ProviderFact]
    public async Task Api10_a_receivers_redirect_is_not_followed_and_its_answer_is_neither_kept_nor_shown()
    {
        const string Payload = "<script>alert('mottaker')</script>";
        await using var listener = await WebhookListener.StartAsync(hook =>
            new Redirecting(new Uri(hook, "/elsewhere"), Results.Text(Payload + new string('x', 2_000_000), "text/html", statusCode: 307)));
        using var host = api.Another();
        var admin = host.As("anne", GlobalRoles.Admin);
        await admin.Post("/api/v1/webhooks", new { url = listener.Url.ToString(), eventTypes = new[] { "*" } }).Expect(HttpStatusCode.Created);
        await host.As("pia").Post("/api/v1/projects", new { name = "Utløser", sector = "helse", description = "D" }).Expect(HttpStatusCode.Created);

        var error = await EventuallyAsync(() => Scalar<string?>(host, "SELECT last_error FROM webhook_deliveries WHERE attempts > 0"));

        error.Should().Be("The receiver answered 307.");
        listener.Received.Should().NotBeEmpty();
        listener.Elsewhere.Should().BeEmpty("a redirect is never followed");
        var shown = await (await admin.GetAsync("/api/v1/webhooks")).Content.ReadAsStringAsync();
        shown.Should().NotContain("script").And.NotContain("mottaker");
    }

    private sealed class Redirecting(Uri location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location.ToString();
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static string Template(string raw) =>
        System.Text.RegularExpressions.Regex.Replace(raw, @"\{(\w+)(:[^}]*)?\}", "{$1}");

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private async Task<long> Count(string table)
    {
        using var connection = api.OpenDatabase();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    private static async Task<T?> Scalar<T>(ApiFactory host, string sql)
    {
        using var connection = host.OpenDatabase();
        return await connection.ExecuteScalarAsync<T>(sql);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Nothing came within a minute.");
    }
}

public sealed class ApiSecurityTestsOnSqlite(SqliteApi api) : ApiSecurityTests(api), IClassFixture<SqliteApi>;
