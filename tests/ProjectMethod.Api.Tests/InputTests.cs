using Microsoft.Extensions.DependencyInjection;
using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

public abstract class InputTests(ApiFactory api)
{
    [ProviderFact]
    public async Task Malformed_json_is_400_problem()
    {
        var problem = await api.As("pia").PostRaw("/api/v1/projects", """{"name": "x", """).ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        problem.Str("detail").Should().Contain("not valid JSON");
    }

    [ProviderFact]
    public async Task A_malformed_body_is_the_clients_fault_logged_as_one_line_without_a_stack_trace()
    {
        var logs = new LogRecorder();
        using var own = api.Another().WithServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));

        var unreadable = await own.As("pia").PostRaw("/api/v1/projects", """{"name": "x", """).ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");
        var unknown = await own.As("pia").PostRaw("/api/v1/projects", """{"name": "x", "budget": 5}""").ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning || e.Exception is not null).Should().BeEmpty();
        logs.Entries.Where(e => e.Category == ProjectMethod.Api.Infrastructure.ErrorHandling.ClientFaults).Select(e => (e.Level, e.Message)).Should().Equal(
            (Microsoft.Extensions.Logging.LogLevel.Information, $"POST /api/v1/projects refused with 400: {unreadable.Str("detail")}"),
            (Microsoft.Extensions.Logging.LogLevel.Information, $"POST /api/v1/projects refused with 400: {unknown.Str("detail")}"));
        unknown.Str("detail").Should().Contain("'budget'");
    }

    [ProviderFact]
    public async Task An_unknown_enum_value_is_400_naming_the_field()
    {
        var project = await new Scenario(api).ReadyForBp1Async();

        var problem = await project.Board.PostRaw($"{project.Url}/roles", """{"role": "king", "userId": "ola", "displayName": "Ola"}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        problem.Str("detail").Should().Contain("$.role").And.NotContain("ProjectMethod.");
    }

    [ProviderFact]
    public async Task A_date_that_is_no_date_is_400_naming_the_field()
    {
        var project = await new Scenario(api).InPlanningAsync();

        var problem = await project.ProjectManager.PutRaw($"{project.Url}/stages/1/plan", """{"plannedEnd": "2027-02-30", "budget": 1}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        problem.Str("detail").Should().Contain("$.plannedEnd").And.Contain("ISO-8601").And.NotContain("NodaTime");
    }

    [ProviderFact]
    public async Task An_unknown_field_is_400_naming_it()
    {
        var problem = await api.As("pia").PostRaw("/api/v1/projects", """{"name": "x", "sector": "helse", "description": "d", "budget": 5}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        problem.Str("detail").Should().Contain("'budget'");
    }

    [ProviderFact]
    public async Task A_null_in_a_list_is_400_naming_the_list_and_writes_nothing()
    {
        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");
        var client = api.SendingInvalidBodiesAs("per");

        var problem = await client.PostRaw($"{project.Url}/products",
            """{"title": "T", "purpose": "P", "qualityCriteria": [null], "acceptanceCriteria": ["A", null], "stage": 1}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "malformed-request");

        problem.Str("detail").Should().Contain("Criteria'").And.Contain("null");
        (await project.Outsider.GetAsync($"{project.Url}/products").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [ProviderFact]
    public async Task Missing_and_over_long_fields_are_400_with_field_errors()
    {
        var problem = await api.As("pia").Post("/api/v1/projects", new { name = new string('x', 201), sector = "Helse og omsorg" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("name", out _).Should().BeTrue();
        errors.TryGetProperty("sector", out _).Should().BeTrue();
        errors.TryGetProperty("description", out _).Should().BeTrue();
    }

    [ProviderFact]
    public async Task A_refused_write_changes_nothing()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        var before = await project.Project();
        var history = await project.Outsider.GetAsync($"{project.Url}/history").Expect(HttpStatusCode.OK);

        await project.Board.Post($"{project.Url}/roles", new { role = "executive", userId = "erik", displayName = "Erik" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken");

        (await project.Project()).GetProperty("version").GetInt64().Should().Be(before.GetProperty("version").GetInt64());
        var after = await project.Outsider.GetAsync($"{project.Url}/history").Expect(HttpStatusCode.OK);
        after.GetProperty("items").GetArrayLength().Should().Be(history.GetProperty("items").GetArrayLength());
    }

    [ProviderTheory]
    [InlineData("/api/v1/projects/not-a-guid")]
    [InlineData("/api/v1/projects/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/v1/projects/00000000-0000-0000-0000-000000000001/gate")]
    [InlineData("/api/v1/projects/00000000-0000-0000-0000-000000000001/business-case")]
    public async Task Unknown_ids_are_404_problem(string url) =>
        await api.As("ola").GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not-found");

    [ProviderFact]
    public async Task A_write_to_an_unknown_project_is_404() =>
        await api.As("ola").Put("/api/v1/projects/00000000-0000-0000-0000-000000000001/mandate", new { purpose = "p", background = "b" })
            .ExpectProblem(HttpStatusCode.NotFound, "not-found");

    [ProviderTheory]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    [InlineData("?cursor=%%%")]
    [InlineData("?phase=dreaming")]
    public async Task Bad_query_parameters_are_400(string query)
    {
        using var response = await api.As("ola").GetAsync("/api/v1/projects" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [ProviderTheory]
    [InlineData("/api/v1/projects?phase=concept&fase=konsept", "fase", "it takes cursor, limit, phase, sector, updatedSince.")]
    [InlineData("/api/v1/sectors?limit=5", "limit", "takes no query parameters")]
    [InlineData("/api/v1/ideas?Status=new&sort=title", "sort", "it takes cursor, externalReference, limit, status")]
    public async Task A_query_parameter_the_operation_does_not_take_is_400_naming_it_and_what_it_takes(string url, string unknown, string says)
    {
        var problem = await api.As("bjorn", GlobalRoles.PortfolioBoard).GetAsync(url).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(unknown);
        problem.GetProperty("errors").GetProperty(unknown)[0].GetString().Should().Contain(says);
    }

    [ProviderFact]
    public async Task An_unknown_query_parameter_is_named_in_norwegian_for_a_norwegian_caller()
    {
        var client = api.As("ola");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nb");

        var problem = await client.GetAsync("/api/v1/projects?fase=konsept").ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").GetProperty("fase")[0].GetString().Should().Be("Operasjonen tar ingen spørreparameter med det navnet; den tar cursor, limit, phase, sector, updatedSince.");
    }

    [ProviderFact]
    public async Task A_checklist_item_marked_not_relevant_needs_a_justification()
    {
        var project = await new Scenario(api).ReadyForBp1Async();

        var problem = await project.Proposer.Put($"{project.Url}/checklist/bp1-line-task", new { status = "notRelevant", comment = "nei" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").GetProperty("comment")[0].GetString().Should().Contain("10 characters");
        await project.Proposer.Put($"{project.Url}/checklist/bp1-line-task", new { status = "notRelevant", comment = "Oppgaven krever tverrfaglig organisering" })
            .Expect(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task Checklist_items_are_answered_by_whoever_prepares_their_decision_point_and_only_while_it_is_ahead()
    {
        var project = await new Scenario(api).InConceptAsync();
        await project.Assign(project.Executive, "projectManager", "per");

        await project.Proposer.Put($"{project.Url}/checklist/bp2-stakeholders", new { status = "done" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Put($"{project.Url}/checklist/bp1-need", new { status = "open" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Put($"{project.Url}/checklist/bp1-need", new { status = "open" }).ExpectProblem(HttpStatusCode.Conflict, "checklist-closed");
        await project.ProjectManager.Put($"{project.Url}/checklist/no-such-item", new { status = "done" }).ExpectProblem(HttpStatusCode.NotFound, "not-found");
        await project.ProjectManager.Put($"{project.Url}/checklist/bp2-stakeholders", new { status = "done" }).Expect(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task If_match_with_a_stale_version_is_412_and_with_the_current_one_succeeds()
    {
        var project = await new Scenario(api).ProposedAsync();
        using var read = await project.Proposer.GetAsync(project.Url);
        var etag = read.Headers.ETag!.Tag;
        etag.Should().Be("\"1\"");

        var stale = new HttpRequestMessage(HttpMethod.Put, $"{project.Url}/mandate") { Content = JsonContent(new { purpose = "Formål", background = "Bakgrunn" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await project.Proposer.SendAsync(stale).ExpectProblem(HttpStatusCode.PreconditionFailed, "precondition-failed");

        // A bare version is no entity tag: a 400 that shows how one looks, not a 412 that says the project moved on.
        foreach (var malformed in new[] { "1", "\"1", "W/1" })
        {
            var bare = new HttpRequestMessage(HttpMethod.Put, $"{project.Url}/mandate") { Content = JsonContent(new { purpose = "Formål", background = "Bakgrunn" }) };
            bare.Headers.TryAddWithoutValidation("If-Match", malformed);
            var problem = await project.Proposer.SendAsync(bare).ExpectProblem(HttpStatusCode.BadRequest, "validation");
            problem.GetProperty("errors").GetProperty("If-Match")[0].GetString().Should().Contain("\"2\"");
        }

        (await project.Project()).GetProperty("version").GetInt64().Should().Be(1, "nothing was written");

        var current = new HttpRequestMessage(HttpMethod.Put, $"{project.Url}/mandate") { Content = JsonContent(new { purpose = "Formål", background = "Bakgrunn" }) };
        current.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await project.Proposer.SendAsync(current);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"2\"");
    }

    [ProviderFact]
    public async Task Projects_page_through_with_a_cursor_in_a_stable_order_and_filter_by_sector_and_phase()
    {
        var client = api.As("pia");
        var sector = await api.NewSectorAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.Post("/api/v1/projects", new { name = $"P{i}", sector, description = "d" }).Expect(HttpStatusCode.Created)).Str("id"));
        }

        var seen = (await client.AllPagesAsync($"/api/v1/projects?sector={sector}&phase=proposed&limit=2",
            page => page.GetProperty("items").GetArrayLength().Should().BeLessThanOrEqualTo(2))).Select(p => p.Str("id")).ToList();

        seen.Should().Equal(created);
        var none = await client.GetAsync($"/api/v1/projects?sector={sector}&phase=concept").Expect(HttpStatusCode.OK);
        none.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class InputTestsOnSqlite(SqliteApi api) : InputTests(api), IClassFixture<SqliteApi>;

public sealed class InputTestsOnPostgres(PostgresApi api) : InputTests(api), IClassFixture<PostgresApi>;

public sealed class InputTestsOnSqlServer(SqlServerApi api) : InputTests(api), IClassFixture<SqlServerApi>;
