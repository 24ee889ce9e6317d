using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>A decision and a request for one read alone, where the answers that made them point, with what the archive files.</summary>
public abstract class DecisionRecordTests(ApiFactory api)
{
    [ProviderFact]
    public async Task A_decision_reads_alone_where_its_answer_points_with_title_decider_role_recommendation_and_criteria()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        using var asked = await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Behovet er godt beskrevet" });
        asked.StatusCode.Should().Be(HttpStatusCode.Created);
        var request = await asked.Json();
        asked.Headers.Location!.ToString().Should().Be($"{project.Url}/gate/requests/{request.Str("id")}");

        using var decided = await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Kriteriene er oppfylt" });
        decided.StatusCode.Should().Be(HttpStatusCode.Created);
        var made = (await decided.Json()).GetProperty("decision");
        decided.Headers.Location!.ToString().Should().Be($"{project.Url}/decisions/{made.Str("id")}");

        var decision = await project.Outsider.GetAsync(decided.Headers.Location).Expect(HttpStatusCode.OK);
        decision.Str("title").Should().Be("Digital hjemmetjeneste: BP1 godkjent (Forslag → Konsept)");
        decision.Person("decidedBy").Should().Be(("bjorn", TestPeople.NameOf("bjorn")));
        decision.Str("decidedAs").Should().Be("portfolioBoard");
        decision.Str("recommendation").Should().Be("Behovet er godt beskrevet");
        decision.Person("requestedBy").Should().Be(("pia", TestPeople.NameOf("pia")));
        decision.Str("rationale").Should().Be("Kriteriene er oppfylt");
        decision.Str("projectName").Should().Be("Digital hjemmetjeneste");
        var criteria = decision.GetProperty("criteria").EnumerateArray().ToList();
        criteria.Should().NotBeEmpty().And.OnlyContain(c => c.GetProperty("met").GetBoolean());
        criteria.Select(c => c.Str("id")).Should().Equal(
            (await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK))
            .GetProperty("items")[0].GetProperty("criteria").EnumerateArray().Select(c => c.Str("id")));

        var answered = await project.Outsider.GetAsync(asked.Headers.Location).Expect(HttpStatusCode.OK);
        answered.Str("recommendation").Should().Be("Behovet er godt beskrevet");
        answered.Who("requestedBy").Should().Be("pia");
    }

    [ProviderFact]
    public async Task A_decision_record_is_printed_in_bokmal_with_the_deciders_name_the_recommendation_and_the_criteria()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        (await project.Proposer.Post($"{project.Url}/gate/requests", new { recommendation = "Behovet er godt beskrevet" })).StatusCode.Should().Be(HttpStatusCode.Created);
        using var decided = await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Kriteriene er oppfylt, og brukerne er med fra start" });

        using var printed = new HttpRequestMessage(HttpMethod.Get, decided.Headers.Location);
        printed.Headers.Accept.ParseAdd("application/pdf");
        using var answer = await project.Outsider.SendAsync(printed);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        using var pdf = new Poppler.Pdf(await answer.Content.ReadAsByteArrayAsync());

        pdf.Info.Should().Contain("Digital hjemmetjeneste: BP1 godkjent (Forslag → Konsept)").And.MatchRegex(@"Tagged:\s+yes");
        var text = pdf.Text();
        text.Should().Contain("Besluttet av").And.Contain($"{TestPeople.NameOf("bjorn")}, virksomhetsledelsen")
            .And.Contain("Behovet er godt beskrevet").And.Contain(TestPeople.NameOf("pia"))
            .And.Contain("brukerne er med fra start").And.Contain("Oppfylt").And.Contain("P3 Definerte roller og")
            .And.NotContain("bjorn,").And.NotContain("portfolioBoard");
        pdf.Picture("beslutning");

        using var none = new HttpRequestMessage(HttpMethod.Get, $"{project.Url}/decisions/{Guid.NewGuid()}");
        none.Headers.Accept.ParseAdd("application/pdf");
        (await project.Outsider.SendAsync(none)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task A_decision_of_another_project_or_none_at_all_is_not_found()
    {
        var first = await new Scenario(api).InConceptAsync();
        var other = await new Scenario(api).ProposedAsync();
        var decisionId = (await first.Outsider.GetAsync($"{first.Url}/decisions").Expect(HttpStatusCode.OK)).GetProperty("items")[0].Str("id");

        await other.Outsider.GetAsync($"{other.Url}/decisions/{decisionId}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
        await first.Outsider.GetAsync($"{first.Url}/decisions/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
        await first.Outsider.GetAsync($"{first.Url}/gate/requests/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task A_stop_answers_no_request_and_is_titled_with_where_the_project_went()
    {
        var project = await new Scenario(api).InConceptAsync();

        var stop = (await project.Board.Post($"{project.Url}/gate/decisions", new { decision = "stop", rationale = "Løses bedre i linjen" })
            .Expect(HttpStatusCode.Created)).GetProperty("decision");

        stop.Str("title").Should().Be("Digital hjemmetjeneste: BP2 stoppet (Konsept → Avslutning)");
        stop.GetProperty("recommendation").ValueKind.Should().Be(JsonValueKind.Null);
        stop.GetProperty("requestedBy").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [ProviderFact]
    public async Task A_read_whose_If_None_Match_names_its_ETag_is_304_until_it_changes()
    {
        var project = await new Scenario(api).InConceptAsync();
        var reader = api.As("nils");
        var decisionUrl = $"{project.Url}/decisions/{(await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK)).GetProperty("items")[0].Str("id")}";

        using var decision = await reader.GetAsync(decisionUrl);
        var decisionTag = decision.Headers.ETag!.Tag;
        using var projectRead = await reader.GetAsync(project.Url);
        var projectTag = projectRead.Headers.ETag!.Tag;
        using var roles = await reader.GetAsync($"{project.Url}/roles");
        var rolesTag = roles.Headers.ETag!.Tag;

        (await Conditional(decisionUrl, decisionTag)).Should().Be((HttpStatusCode.NotModified, 0));
        (await Conditional(project.Url, projectTag)).Should().Be((HttpStatusCode.NotModified, 0));
        (await Conditional(project.Url, $"W/{projectTag}")).Status.Should().Be(HttpStatusCode.NotModified, "If-None-Match compares weakly");
        (await Conditional($"{project.Url}/roles", rolesTag)).Status.Should().Be(HttpStatusCode.NotModified);
        await project.Assign(project.Executive, "projectManager", "per");
        (await Conditional(project.Url, projectTag)).Status.Should().Be(HttpStatusCode.OK, "the project changed");
        var changed = await Conditional($"{project.Url}/roles", rolesTag);
        changed.Status.Should().Be(HttpStatusCode.OK, "the roles changed");
        changed.Length.Should().BeGreaterThan(0);

        async Task<(HttpStatusCode Status, int Length)> Conditional(string url, string etag)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var response = await reader.SendAsync(request);
            return (response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).Length);
        }
    }
}

public sealed class DecisionRecordTestsOnSqlite(SqliteApi api) : DecisionRecordTests(api), IClassFixture<SqliteApi>;

public sealed class DecisionRecordTestsOnPostgres(PostgresApi api) : DecisionRecordTests(api), IClassFixture<PostgresApi>;

public sealed class DecisionRecordTestsOnSqlServer(SqlServerApi api) : DecisionRecordTests(api), IClassFixture<SqlServerApi>;
