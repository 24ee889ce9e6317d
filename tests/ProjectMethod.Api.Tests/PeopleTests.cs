using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>The register of people: synced from the directory, learned from sign-ins, searched, and the only source of the people a field names.</summary>
public abstract class PeopleTests(ApiFactory api)
{
    private HttpClient Directory => api.As("katalog", GlobalRoles.Integrator);

    [ProviderFact]
    public async Task The_directory_creates_and_updates_a_person_and_nobody_else_may()
    {
        var created = await Directory.Put("/api/v1/people/hanne", new { name = "Hanne Helse", email = "hanne@kommune.example", unit = "Helse og velferd", title = "Rådgiver" })
            .Expect(HttpStatusCode.Created);
        created.Str("name").Should().Be("Hanne Helse");

        var updated = await api.As("ada", GlobalRoles.Admin).Put("/api/v1/people/hanne", new { name = "Hanne Helse-Hansen", unit = "Helse og velferd" }).Expect(HttpStatusCode.OK);

        updated.Str("name").Should().Be("Hanne Helse-Hansen");
        updated.Str("email").Should().BeNull("the whole record is replaced: a field left out is cleared");
        (await api.As("nils").GetAsync("/api/v1/people/hanne").Expect(HttpStatusCode.OK)).Str("name").Should().Be("Hanne Helse-Hansen");
        await api.As("nils").Put("/api/v1/people/hanne", new { name = "Meg" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await api.As("bjorn", GlobalRoles.PortfolioBoard).Put("/api/v1/people/hanne", new { name = "Meg" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await api.As("nils").GetAsync("/api/v1/people/ingen-slik").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderTheory]
    [InlineData("""{"email": "x@kommune.example"}""", "name")]
    [InlineData("""{"name": "Ulf", "email": "ikke-en-adresse"}""", "email")]
    [InlineData("""{"name": ""}""", "name")]
    public async Task A_person_without_a_name_or_with_a_broken_email_is_refused_naming_the_field(string body, string field)
    {
        var problem = await Directory.PutRaw("/api/v1/people/ulf", body).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        await api.As("nils").GetAsync("/api/v1/people/ulf").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task Any_employee_finds_people_by_any_part_of_name_id_or_unit_in_any_order()
    {
        var employee = api.As("nils");

        var byWords = await employee.GetAsync("/api/v1/people?q=seniorbruker%20SIRI").Expect(HttpStatusCode.OK);
        var byUnit = await employee.GetAsync("/api/v1/people?q=hjemmetjenesten&limit=2").Expect(HttpStatusCode.OK);
        var byId = await employee.GetAsync("/api/v1/people?q=bjorn").Expect(HttpStatusCode.OK);

        byWords.GetProperty("items").EnumerateArray().Select(p => p.Str("id")).Should().Equal("siri");
        byUnit.GetProperty("items").EnumerateArray().Select(p => p.Str("name")).Should().Equal("Bente Bruker", "Bo Gevinstansvarlig");
        byId.GetProperty("items").EnumerateArray().Single().Str("name").Should().Be("Bjørn Virksomhetsledelsen");
        await employee.GetAsync("/api/v1/people?limit=51").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await api.CreateClient().GetAsync("/api/v1/people?q=siri").ExpectProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [ProviderFact]
    public async Task A_caller_is_recorded_from_the_sign_in_claims_and_refreshed_when_they_change()
    {
        await api.As("nora").GetAsync("/api/v1/projects").Expect(HttpStatusCode.OK);
        (await api.As("nils").GetAsync("/api/v1/people/nora").Expect(HttpStatusCode.OK)).Str("name").Should().Be("nora");

        using var renamed = api.CreateClient();
        renamed.DefaultRequestHeaders.Authorization = new("Bearer", ProjectMethod.Api.Infrastructure.Auth.CreateDevelopmentToken(ApiFactory.Auth, "nora", "Nora Nyansatt",
            [], NodaTime.SystemClock.Instance.GetCurrentInstant(), NodaTime.Duration.FromHours(1)));
        await renamed.GetAsync("/api/v1/projects").Expect(HttpStatusCode.OK);

        (await api.As("nils").GetAsync("/api/v1/people/nora").Expect(HttpStatusCode.OK)).Str("name").Should().Be("Nora Nyansatt");
        await api.As("portal", GlobalRoles.Integrator).GetAsync("/api/v1/projects").Expect(HttpStatusCode.OK);
        await api.As("nils").GetAsync("/api/v1/people/portal").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task Every_field_that_names_a_person_takes_a_known_one_and_an_unknown_one_writes_nothing()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var version = (await project.Project()).GetProperty("version").GetInt64();
        var product = project.ProductId!;
        await project.ProjectManager.Post($"{project.Url}/products/{product}/submit", new { comment = "Klar for kontroll" }).Expect(HttpStatusCode.OK);
        version += 1;

        var refusals = new (Task<HttpResponseMessage> Request, string Field)[]
        {
            (project.Executive.Post($"{project.Url}/roles", new { role = "teamManager", userId = "tomm" }), "userId"),
            (project.ProjectManager.Post($"{project.Url}/risks", new { kind = "risk", title = "Leverandørsvikt", probability = 2, consequence = 3, ownerUserId = "ukjent" }), "ownerUserId"),
            (project.SeniorSupplier.Post($"{project.Url}/products/{product}/review", new { result = "passed", method = "Test", reviewers = new[] { "sven", "spøkelse" } }), "reviewers[1]"),
            (project.SeniorSupplier.Put($"{project.Url}/products/{product}/quality-responsible", new { userId = "noen-andre" }), "userId"),
        };
        foreach (var (request, field) in refusals)
        {
            var problem = await request.ExpectProblem(HttpStatusCode.BadRequest, "validation");
            problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Contain("is known");
        }

        (await project.Project()).GetProperty("version").GetInt64().Should().Be(version);
        await project.ProjectManager.Post($"{project.Url}/risks", new { kind = "risk", title = "Leverandørsvikt", probability = 2, consequence = 3, ownerUserId = "tom" })
            .Expect(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task A_view_names_each_person_with_the_registers_name_now_while_events_keep_the_id()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await Directory.Put("/api/v1/people/hanna", new { name = "Hanna Hansen", unit = "Innkjøp" }).Expect(HttpStatusCode.Created);
        var risk = await project.ProjectManager.Post($"{project.Url}/risks",
            new { kind = "risk", title = "Leverandørsvikt", probability = 2, consequence = 3, ownerUserId = "hanna" }).Expect(HttpStatusCode.Created);

        risk.Person("owner").Should().Be(("hanna", "Hanna Hansen"));
        risk.Person("recordedBy").Should().Be(("per", TestPeople.NameOf("per")));
        var product = await project.Outsider.GetAsync($"{project.Url}/products/{project.ProductId}").Expect(HttpStatusCode.OK);
        product.Person("acceptor").Should().Be(("siri", TestPeople.NameOf("siri")));
        var decisions = (await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        decisions.Should().NotBeEmpty().And.OnlyContain(d => d.GetProperty("decidedBy").Str("name") == TestPeople.NameOf(d.Who("decidedBy")));

        await Directory.Put("/api/v1/people/hanna", new { name = "Hanna Hansen-Berg", unit = "Innkjøp" }).Expect(HttpStatusCode.OK);

        var register = await project.Outsider.GetAsync($"{project.Url}/risks").Expect(HttpStatusCode.OK);
        register.GetProperty("items").EnumerateArray().Single(r => r.Str("id") == risk.Str("id")).Person("owner")
            .Should().Be(("hanna", "Hanna Hansen-Berg"), "a name is the register's as it is now");
        var recorded = (await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Last(e => e.Str("type") == "riskRecorded");
        recorded.Person("actor").Should().Be(("per", TestPeople.NameOf("per")));
        recorded.GetProperty("payload").Str("ownerUserId").Should().Be("hanna", "an event is the fact as recorded: ids, never names that change");

        var idea = await api.As("innbyggerportal", GlobalRoles.Integrator).Post("/api/v1/ideas",
            new { title = "Benker langs elva", description = "Flere benker", origin = "citizen", sector = "samfunn" }).Expect(HttpStatusCode.Created);
        idea.Person("submittedBy").Should().Be(("innbyggerportal", "innbyggerportal"),
            "a system the register does not know is named by its id");
    }
}

public sealed class PeopleTestsOnSqlite(SqliteApi api) : PeopleTests(api), IClassFixture<SqliteApi>;

public sealed class PeopleTestsOnPostgres(PostgresApi api) : PeopleTests(api), IClassFixture<PostgresApi>;

public sealed class PeopleTestsOnSqlServer(SqlServerApi api) : PeopleTests(api), IClassFixture<SqlServerApi>;
