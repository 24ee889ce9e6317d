using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>Change control: the issue register, the change authority and an approved change as one baseline change judged against the tolerances.</summary>
public abstract class ChangeControlTests(ApiFactory api)
{
    private static object Request(decimal cost = 30000, int days = 3, object[]? add = null, string[]? remove = null, string kind = "requestForChange") => new
    {
        kind,
        title = "Sensorer også i omsorgsboligene",
        description = "Brukerrådet ber om at omsorgsboligene tas med i utrullingen.",
        impact = new { days, cost, scope = "Ett produkt til", benefit = "Flere brukere får tryggere hverdag", risk = "Leverandøren må levere flere sensorer" },
        addProducts = add ?? new object[] { new { title = "Sensorpakke for omsorgsboliger", purpose = "Trygghet i omsorgsboligene" } },
        removeProductIds = remove ?? [],
    };

    private static async Task<JsonElement> StagePlan(Scenario project, int stage = 1) =>
        (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("stages").EnumerateArray()
            .Single(s => s.GetProperty("stage").GetInt32() == stage);

    private static JsonElement Band(JsonElement stage, string dimension) =>
        stage.GetProperty("tolerances").GetProperty("tolerances").EnumerateArray().Single(t => t.Str("dimension") == dimension);

    [ProviderFact]
    public async Task A_request_for_change_runs_from_raise_to_one_approved_baseline_change_that_uses_up_tolerance()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Outsider.Post($"{project.Url}/changes", Request()).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.SeniorUser.Post($"{project.Url}/changes", Request()).Expect(HttpStatusCode.Created);
        await project.SeniorUser.Post($"{project.Url}/changes", Request(kind: "problem")).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.SeniorUser.Post($"{project.Url}/changes", Request(remove: [Guid.NewGuid().ToString()])).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        var register = await project.Outsider.GetAsync($"{project.Url}/changes").Expect(HttpStatusCode.OK);
        var raised = register.GetProperty("items").EnumerateArray().Single();
        (raised.GetProperty("number").GetInt32(), raised.Str("kind"), raised.Str("state"), register.GetProperty("undecided").GetInt32())
            .Should().Be((1, "requestForChange", "open", 1));
        raised.Person("raisedBy").Should().Be(("siri", TestPeople.NameOf("siri")));
        var decision = $"{project.Url}/changes/{raised.Str("id")}/decision";

        var approve = new { outcome = "approve", rationale = "Innenfor rammen" };
        await project.SeniorUser.Post(decision, approve).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Post(decision, approve).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Put($"{project.Url}/change-authority", new { userId = "sven", costLimit = 20000, daysLimit = 5 })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var authority = await project.Executive.Put($"{project.Url}/change-authority", new { userId = "sven", costLimit = 20000, daysLimit = 5 }).Expect(HttpStatusCode.OK);
        authority.Person("person").Should().Be(("sven", TestPeople.NameOf("sven")));
        await project.SeniorSupplier.Post(decision, approve).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Post(decision, new { outcome = "approve" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        var approved = await project.Executive.Post(decision, approve).Expect(HttpStatusCode.OK);
        (approved.Str("state"), approved.Str("outcome")).Should().Be(("approved", "approve"));
        approved.Person("decidedBy").Should().Be(("eva", TestPeople.NameOf("eva")));
        var added = approved.GetProperty("addProducts")[0].Str("productId");
        var product = await project.Outsider.GetAsync($"{project.Url}/products/{added}").Expect(HttpStatusCode.OK);
        (product.Str("title"), product.Str("state"), product.GetProperty("stage").GetInt32()).Should().Be(("Sensorpakke for omsorgsboliger", "draft", 1));

        var stage = await StagePlan(project);
        var plan = stage.GetProperty("plan");
        (plan.Str("plannedEnd"), plan.GetProperty("budget").GetDecimal(), plan.GetProperty("productsInScope").GetInt32()).Should().Be(("2027-04-03", 830000m, 5));
        var cost = Band(stage, "cost");
        (cost.GetProperty("plan").GetDecimal(), cost.GetProperty("lower").GetDecimal(), cost.GetProperty("upper").GetDecimal())
            .Should().Be((830000m, 80000m, 20000m), "the limits stay at 750 000 and 850 000: the change used up 30 000 of the tolerance");
        var time = Band(stage, "time");
        (time.Str("planDate"), time.GetProperty("lower").GetDecimal(), time.GetProperty("upper").GetDecimal()).Should().Be(("2027-04-03", 10m, 4m));

        await project.Executive.Post(decision, approve).ExpectProblem(HttpStatusCode.Conflict, "change-decided");
        var events = await project.Board.GetAsync($"/api/v1/events?projectId={project.Id}&type=changeRaised&type=changeDecided&type=changeAuthoritySet&type=stagePlanned")
            .Expect(HttpStatusCode.OK);
        events.GetProperty("items").EnumerateArray().Select(e => e.Str("type")).Should().EndWith(
            ["no.projectmethod.changeRaised", "no.projectmethod.changeAuthoritySet", "no.projectmethod.stagePlanned", "no.projectmethod.changeDecided"]);
    }

    [ProviderFact]
    public async Task A_change_the_stage_cannot_carry_is_escalated_as_an_exception_and_the_baseline_stays()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Forecast(1, cost: 840000);
        var raised = await project.SeniorSupplier.Post($"{project.Url}/changes", Request(cost: 20000, days: 0, add: [])).Expect(HttpStatusCode.Created);

        var escalated = await project.Executive.Post($"{project.Url}/changes/{raised.Str("id")}/decision", new { outcome = "approve", rationale = "Nødvendig" })
            .Expect(HttpStatusCode.OK);
        escalated.Str("state").Should().Be("escalated", "840 000 forecast and 20 000 more pass the stage's 850 000");
        var exception = escalated.GetProperty("exceptionIds").EnumerateArray().Should().ContainSingle().Subject.GetString();
        var raisedException = await project.Outsider.GetAsync($"{project.Url}/exceptions/{exception}").Expect(HttpStatusCode.OK);
        (raisedException.Str("level"), raisedException.Str("dimension"), raisedException.GetProperty("forecastValue").GetDecimal()).Should().Be(("stage", "cost", 860000m));
        (await StagePlan(project)).GetProperty("plan").GetProperty("budget").GetDecimal().Should().Be(800000m, "the baseline waits for an exception plan");
    }

    [ProviderFact]
    public async Task The_named_authority_decides_within_its_limits_the_raiser_never_and_a_deferred_issue_comes_back()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Executive.Put($"{project.Url}/change-authority", new { userId = "siri", costLimit = 50000, daysLimit = 10 }).Expect(HttpStatusCode.OK);
        var small = await project.ProjectManager.Post($"{project.Url}/changes", Request(cost: -10000, days: 0, add: [], kind: "offSpecification")).Expect(HttpStatusCode.Created);
        var url = $"{project.Url}/changes/{small.Str("id")}/decision";
        (await project.SeniorUser.Post(url, new { outcome = "defer", rationale = "Tas opp etter pilot" }).Expect(HttpStatusCode.OK)).Str("state").Should().Be("deferred");
        (await project.SeniorUser.Post(url, new { outcome = "approve", rationale = "Piloten viste at det holder" }).Expect(HttpStatusCode.OK)).Str("state").Should().Be("approved");
        (await StagePlan(project)).GetProperty("plan").GetProperty("budget").GetDecimal().Should().Be(790000m);

        var own = await project.Executive.Post($"{project.Url}/changes", Request(kind: "problem", cost: 0, days: 0, add: [])).Expect(HttpStatusCode.Created);
        await project.Executive.Post($"{project.Url}/changes/{own.Str("id")}/decision", new { outcome = "reject", rationale = "Egen sak" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await project.Board.Post($"{project.Url}/changes/{own.Str("id")}/decision", new { outcome = "reject", rationale = "Ikke et problem for prosjektet" })
            .Expect(HttpStatusCode.OK)).Str("state").Should().Be("rejected");
        await project.Board.Post($"{project.Url}/changes/{Guid.NewGuid()}/decision", new { outcome = "reject", rationale = "?" }).ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task A_baseline_change_waits_for_a_planned_stage_and_nothing_is_written_when_it_is_refused()
    {
        var project = await new Scenario(api).InPlanningAsync();
        var raised = await project.ProjectManager.Post($"{project.Url}/changes", Request()).Expect(HttpStatusCode.Created);
        var before = await project.Outsider.GetAsync($"{project.Url}/products").Expect(HttpStatusCode.OK);
        await project.Executive.Post($"{project.Url}/changes/{raised.Str("id")}/decision", new { outcome = "approve", rationale = "Ja" })
            .ExpectProblem(HttpStatusCode.Conflict, "change-needs-stage");
        (await project.Outsider.GetAsync($"{project.Url}/products").Expect(HttpStatusCode.OK)).GetRawText().Should().Be(before.GetRawText());
        (await project.Outsider.GetAsync($"{project.Url}/changes").Expect(HttpStatusCode.OK)).GetProperty("items")[0].Str("state").Should().Be("open");
        (await project.Executive.Post($"{project.Url}/changes/{raised.Str("id")}/decision", new { outcome = "reject", rationale = "Ikke nå" }).Expect(HttpStatusCode.OK))
            .Str("state").Should().Be("rejected");
    }
}

public sealed class ChangeControlTestsOnSqlite(SqliteApi api) : ChangeControlTests(api), IClassFixture<SqliteApi>;

public sealed class ChangeControlTestsOnPostgres(PostgresApi api) : ChangeControlTests(api), IClassFixture<PostgresApi>;
