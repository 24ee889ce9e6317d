using System.Net;
using System.Text.Json;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tests;

/// <summary>P6: products described, reviewed by the supplier side, accepted by the user side, removed only by a decision.</summary>
public abstract class ProductsTests(ApiFactory api)
{
    private static string Step(Scenario project, string productId, string step) => $"{project.Url}/products/{productId}/{step}";

    private static Task<JsonElement> Product(Scenario project, string productId) =>
        project.Outsider.GetAsync($"{project.Url}/products/{productId}").Expect(HttpStatusCode.OK);

    private static JsonElement Criterion(JsonElement gate, string id) =>
        gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == id);

    private static Task<JsonElement> Gate(Scenario project) => project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);

    private static readonly object Passed = new { result = "passed", method = "Pilot i to soner", reviewers = new[] { "sven", "kari" } };

    [ProviderFact]
    public async Task A_product_fails_review_is_reworked_passes_and_is_accepted_and_every_step_is_audited()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var id = (await project.DescribeProduct(1, "Opplæringsopplegg")).Str("id");
        (await Product(project, id)).Str("state").Should().Be("draft");
        var changed = await project.ProjectManager.Put($"{project.Url}/products/{id}", new
        {
            title = "Opplæringsopplegg for ansatte", purpose = "Ansatte kan bruke sensorene",
            qualityCriteria = new[] { new { criterion = "Alle ansatte har fullført", method = "Oppmøteliste" } },
            acceptanceCriteria = new[] { "Avdelingslederne godtar opplegget" }, stage = 1, qualityResponsibleUserId = "sven", acceptorUserId = "siri",
        }).Expect(HttpStatusCode.OK);
        changed.Str("title").Should().Be("Opplæringsopplegg for ansatte");
        changed.GetProperty("qualityCriteria")[0].Str("tolerance").Should().Be("");

        (await project.SeniorUser.Post(Step(project, id, "approve"), new { comment = "Riktig innhold" }).Expect(HttpStatusCode.OK)).Str("state").Should().Be("approved");
        await project.ProjectManager.Put($"{project.Url}/products/{id}", new
        {
            title = "Endret", purpose = "x", qualityCriteria = new[] { new { criterion = "c", method = "m" } }, acceptanceCriteria = new[] { "a" }, stage = 1,
        }).ExpectProblem(HttpStatusCode.Conflict, "product-not-draft");

        (await project.ProjectManager.Post(Step(project, id, "submit"), new { }).Expect(HttpStatusCode.OK)).Str("state").Should().Be("inReview");
        var failed = await project.SeniorSupplier.Post(Step(project, id, "review"), new
        {
            result = "failed", method = "Gjennomgang", reviewers = new[] { "sven" }, defects = new[] { "Mangler nattevakt", "Feil i brukerveiledning" }, notes = "To avvik",
        }).Expect(HttpStatusCode.OK);
        failed.Str("state").Should().Be("failed");
        failed.GetProperty("openDefects").GetInt32().Should().Be(2);

        (await project.ProjectManager.Post(Step(project, id, "submit"), new { comment = "Rettet" }).Expect(HttpStatusCode.OK)).Str("state").Should().Be("inReview");
        (await Product(project, id)).GetProperty("openDefects").GetInt32().Should().Be(2, "the defects stay open until a review passes the product");
        var passed = await project.SeniorSupplier.Post(Step(project, id, "review"), Passed).Expect(HttpStatusCode.OK);
        passed.Str("state").Should().Be("passed");
        passed.GetProperty("openDefects").GetInt32().Should().Be(0);

        (await project.SeniorUser.Post(Step(project, id, "reject"), new { reason = "Nattevakten er ikke med" }).Expect(HttpStatusCode.OK))
            .Str("state").Should().Be("inReview");
        await project.SeniorSupplier.Post(Step(project, id, "review"), Passed).Expect(HttpStatusCode.OK);
        var accepted = await project.SeniorUser.Post(Step(project, id, "accept"), new { comment = "Godkjent", receivingLineUnit = "Hjemmetjenesten Nord" })
            .Expect(HttpStatusCode.OK);
        accepted.Str("state").Should().Be("accepted");
        accepted.Str("receivingLineUnit").Should().Be("Hjemmetjenesten Nord");
        accepted.Str("lastComment").Should().Be("Godkjent");

        // Accepted is final: no step moves it again, not even removal from scope.
        await project.SeniorUser.Post(Step(project, id, "accept"), new { comment = "Igjen" }).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");
        await project.Executive.Post(Step(project, id, "remove"), new { rationale = "Likevel ikke" }).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");

        var register = await project.Outsider.GetAsync($"{project.Url}/quality-register?productId={id}").Expect(HttpStatusCode.OK);
        register.GetProperty("items").EnumerateArray().Select(r => r.Str("result")).Should().Equal("failed", "passed", "passed");
        var first = register.GetProperty("items")[0];
        first.GetProperty("defects").EnumerateArray().Select(d => d.GetString()).Should().Equal("Mangler nattevakt", "Feil i brukerveiledning");
        first.Who("submittedBy").Should().Be("per");
        first.Who("reviewedBy").Should().Be("sven");
        first.Str("productTitle").Should().Be("Opplæringsopplegg for ansatte");

        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        var steps = history.GetProperty("items").EnumerateArray()
            .Where(e => e.Str("type").StartsWith("product", StringComparison.Ordinal) && e.GetProperty("payload").TryGetProperty("product", out var p) && p.Str("id") == id)
            .Select(e => (e.Str("type"), e.Who("actor"))).ToList();
        steps.Should().Equal(
            ("productApproved", "siri"), ("productSubmitted", "per"), ("productReviewed", "sven"), ("productSubmitted", "per"), ("productReviewed", "sven"),
            ("productRejected", "siri"), ("productReviewed", "sven"), ("productAccepted", "siri"));
    }

    [ProviderFact]
    public async Task A_step_its_state_does_not_allow_is_a_conflict()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var id = (await project.DescribeProduct(1, "Rutinebeskrivelse")).Str("id");

        var problem = await project.ProjectManager.Post(Step(project, id, "submit"), new { }).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");
        problem.Str("detail").Should().Be("A product that is draft cannot be submitted for review.");
        await project.SeniorSupplier.Post(Step(project, id, "review"), Passed).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");
        await project.SeniorUser.Post(Step(project, id, "accept"), new { comment = "Ok" }).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");
        await project.SeniorUser.Post(Step(project, id, "approve"), new { }).Expect(HttpStatusCode.OK);
        await project.SeniorUser.Post(Step(project, id, "approve"), new { }).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");
        await project.SeniorUser.Post(Step(project, id, "reject"), new { reason = "Nei" }).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");
        (await Product(project, id)).Str("state").Should().Be("approved");
    }

    [ProviderFact]
    public async Task Whoever_submitted_a_product_never_records_its_review_and_a_named_reviewer_needs_no_role()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var id = project.ProductId!;
        await project.ProjectManager.Put($"{project.Url}/products/{id}/quality-responsible", new { userId = "kari" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var named = await project.SeniorSupplier.Put($"{project.Url}/products/{id}/quality-responsible", new { userId = "per" }).Expect(HttpStatusCode.OK);
        named.Who("qualityResponsible").Should().Be("per");
        named.Who("qualityResponsibleNamedBy").Should().Be("sven");
        await project.ProjectManager.Post(Step(project, id, "submit"), new { }).Expect(HttpStatusCode.OK);

        var refused = await project.ProjectManager.Post(Step(project, id, "review"), Passed).ExpectProblem(HttpStatusCode.Forbidden, "four-eyes");
        refused.Str("detail").Should().Contain("never records its review");
        await project.SeniorSupplier.Post(Step(project, id, "review"), Passed).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");

        await project.SeniorSupplier.Put($"{project.Url}/products/{id}/quality-responsible", new { userId = "kari" }).Expect(HttpStatusCode.OK);
        (await api.As("kari").Post(Step(project, id, "review"), Passed).Expect(HttpStatusCode.OK)).Str("state").Should().Be("passed");
        (await project.Outsider.GetAsync($"{project.Url}/quality-register").Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Single().Who("reviewedBy").Should().Be("kari");
    }

    [ProviderFact]
    public async Task Each_step_is_taken_only_by_whom_the_access_table_names()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Assign(project.Executive, "seniorUser", "sara");
        var sara = api.As("sara");
        var product = new
        {
            title = "Kart over sensorer", purpose = "Oversikt", qualityCriteria = new[] { new { criterion = "Komplett", method = "Stikkprøve" } },
            acceptanceCriteria = new[] { "Brukbart" }, stage = 1, qualityResponsibleUserId = "sven", acceptorUserId = "siri",
        };

        // Describe: the Project Manager alone.
        await project.SeniorUser.Post($"{project.Url}/products", product).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var id = (await project.ProjectManager.Post($"{project.Url}/products", product).Expect(HttpStatusCode.Created)).Str("id");
        // Approve: the Executive or the acceptor; not another Senior User, not the supplier side.
        await project.SeniorSupplier.Post(Step(project, id, "approve"), new { }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Post(Step(project, id, "approve"), new { }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await sara.Post(Step(project, id, "approve"), new { }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Post(Step(project, id, "approve"), new { }).Expect(HttpStatusCode.OK);
        // Submit: the Project Manager.
        await project.SeniorUser.Post(Step(project, id, "submit"), new { }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.ProjectManager.Post(Step(project, id, "submit"), new { }).Expect(HttpStatusCode.OK);
        // Review: the quality responsible only.
        await project.Outsider.Post(Step(project, id, "review"), Passed).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.Executive.Post(Step(project, id, "review"), Passed).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.SeniorSupplier.Post(Step(project, id, "review"), Passed).Expect(HttpStatusCode.OK);
        // Accept and reject: the acceptor only, never the Executive nor another Senior User.
        await project.Executive.Post(Step(project, id, "accept"), new { comment = "Ok" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await sara.Post(Step(project, id, "accept"), new { comment = "Ok" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await sara.Post(Step(project, id, "reject"), new { reason = "Nei" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        // Remove from scope: the Executive or the board; never the Project Manager or the user side.
        await project.ProjectManager.Post(Step(project, id, "remove"), new { rationale = "Ut" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.SeniorUser.Post(Step(project, id, "remove"), new { rationale = "Ut" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        // The receiving line unit: the Project Manager.
        await project.SeniorUser.Put($"{project.Url}/products/{id}/receiving-line-unit", new { receivingLineUnit = "Rus og psykiatri" })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        (await project.ProjectManager.Put($"{project.Url}/products/{id}/receiving-line-unit", new { receivingLineUnit = "Rus og psykiatri" }).Expect(HttpStatusCode.OK))
            .Str("receivingLineUnit").Should().Be("Rus og psykiatri");
        (await project.Executive.Post(Step(project, id, "remove"), new { rationale = "Dekkes av kommunens kartløsning" }).Expect(HttpStatusCode.OK))
            .Str("state").Should().Be("removedFromScope");

        // Everyone employed may read the products and the quality register.
        (await project.Outsider.GetAsync($"{project.Url}/products").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(2);
        (await project.Outsider.GetAsync($"{project.Url}/products?receivingLineUnit=rus%20og%20psykiatri").Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(p => p.Str("id")).Should().Equal(id);
    }

    [ProviderFact]
    public async Task Outside_a_stage_only_the_portfolio_board_removes_scope_and_bp3_needs_an_approved_description_for_stage_1()
    {
        var project = await new Scenario(api).ReadyForBp3Async();
        Criterion(await Gate(project), "products-described").GetProperty("met").GetBoolean().Should().BeTrue();

        await project.Executive.Post(Step(project, project.ProductId!, "remove"), new { rationale = "Ut" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var removed = await project.Board.Post(Step(project, project.ProductId!, "remove"), new { rationale = "Erstattes av innkjøpt løsning" }).Expect(HttpStatusCode.OK);
        removed.GetProperty("removedInStage").ValueKind.Should().Be(JsonValueKind.Null);
        var draft = (await project.DescribeProduct(1, "Innkjøpt løsning")).Str("id");

        var unmet = Criterion(await Gate(project), "products-described");
        unmet.GetProperty("met").GetBoolean().Should().BeFalse();
        unmet.Str("principle").Should().Be("p6");
        unmet.Str("detail").Should().Be("No product of stage 1 has an approved description. Still drafts: Innkjøpt løsning.");
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);
        (await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet"))
            .GetProperty("unmetCriteria").EnumerateArray().Select(c => c.Str("id")).Should().Equal("products-described");

        await project.SeniorUser.Post(Step(project, draft, "approve"), new { }).Expect(HttpStatusCode.OK);
        (await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve" }).Expect(HttpStatusCode.Created)).GetProperty("decision").Str("toPhase").Should().Be("execution");
    }

    [ProviderFact]
    public async Task A_stage_ends_with_its_products_settled_or_carried_on_by_the_next_stage_plan()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.PlanStage(2);
        await project.ProjectManager.Post(Step(project, project.ProductId!, "submit"), new { }).Expect(HttpStatusCode.OK);

        var unsettled = Criterion(await Gate(project), "stage-products-planned");
        unsettled.GetProperty("met").GetBoolean().Should().BeFalse();
        unsettled.Str("detail").Should().Be("Not settled in stage 1: Sensorpakke for hjemmeboende (inReview).");

        // Carried on by stage 2's plan, the product is stage 2's: stage 1 is settled and stage 2 has a described product.
        var plan = new { plannedEnd = "2027-03-31", budget = 800000, productsInScope = 4, carriedProductIds = new[] { project.ProductId } };
        (await project.ProjectManager.Put($"{project.Url}/stages/2/plan", plan).Expect(HttpStatusCode.OK))
            .GetProperty("carriedProductIds").EnumerateArray().Select(p => p.GetString()).Should().Equal(project.ProductId);
        (await Product(project, project.ProductId!)).GetProperty("deliveringStage").GetInt32().Should().Be(2);
        Criterion(await Gate(project), "stage-products-planned").GetProperty("met").GetBoolean().Should().BeTrue();

        // Only unfinished products of earlier stages are carried on.
        var later = (await project.DescribeProduct(2, "Nattevaktrutiner")).Str("id");
        await project.ProjectManager.Put($"{project.Url}/stages/2/plan", new { plannedEnd = "2027-03-31", budget = 800000, carriedProductIds = new[] { later } })
            .ExpectProblem(HttpStatusCode.Conflict, "product-not-carriable");
        await project.ProjectManager.Put($"{project.Url}/stages/2/plan", new { plannedEnd = "2027-03-31", budget = 800000, carriedProductIds = new[] { Guid.NewGuid() } })
            .ExpectProblem(HttpStatusCode.Conflict, "product-not-carriable");

        // Without the carry, stage 2 must have its own described product.
        await project.SeniorSupplier.Post(Step(project, project.ProductId!, "review"), Passed).Expect(HttpStatusCode.OK);
        await project.ProjectManager.Put($"{project.Url}/stages/2/plan", new { plannedEnd = "2027-03-31", budget = 800000 }).Expect(HttpStatusCode.OK);
        Criterion(await Gate(project), "stage-products-planned").Str("detail").Should().Be("No product of stage 2 has an approved description. Still drafts: Nattevaktrutiner.");
        await project.SeniorUser.Post(Step(project, later, "approve"), new { }).Expect(HttpStatusCode.OK);
        Criterion(await Gate(project), "stage-products-planned").GetProperty("met").GetBoolean().Should().BeTrue();
    }

    [ProviderFact]
    public async Task Bp4_needs_every_product_accepted_or_removed_and_bp5_a_line_unit_for_every_accepted_one()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var manual = (await project.ProjectManager.Post($"{project.Url}/products", new
        {
            title = "Brukerveiledning", purpose = "Hjelp til brukerne", qualityCriteria = new[] { new { criterion = "Lesbar", method = "Klarspråkstest" } },
            acceptanceCriteria = new[] { "Forstått av fem brukere" }, stage = 1, qualityResponsibleUserId = "sven", acceptorUserId = "siri",
        }).Expect(HttpStatusCode.Created)).Str("id");
        await project.Executive.Post(Step(project, manual, "approve"), new { }).Expect(HttpStatusCode.OK);
        await project.DeliverProduct(project.ProductId!);

        var open = Criterion(await Gate(project), "products-accepted");
        open.GetProperty("met").GetBoolean().Should().BeFalse();
        open.Str("detail").Should().Be("Not accepted: Brukerveiledning (approved).");
        await project.DeliverProduct(manual);
        Criterion(await Gate(project), "products-accepted").GetProperty("met").GetBoolean().Should().BeTrue();

        await project.ConfirmBusinessCase();
        await project.ConfirmBenefitsRealistic();
        await project.CompleteChecklist(project.ProjectManager, "bp4");
        await project.Decide(project.ProjectManager, project.Executive, "Alt er levert");

        var orphan = Criterion(await Gate(project), "products-handed-over");
        orphan.GetProperty("met").GetBoolean().Should().BeFalse();
        orphan.Str("detail").Should().Be("No receiving line unit: Brukerveiledning.");
        await project.ProjectManager.Put($"{project.Url}/products/{manual}/receiving-line-unit", new { receivingLineUnit = "Tildelingskontoret" }).Expect(HttpStatusCode.OK);
        Criterion(await Gate(project), "products-handed-over").GetProperty("met").GetBoolean().Should().BeTrue();
    }

    [ProviderFact]
    public async Task A_composite_product_waits_for_its_parts_and_the_breakdown_has_no_cycles()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var whole = project.ProductId!;
        var part = (await project.DescribeProduct(1, "Basestasjon", parentId: whole)).Str("id");
        var grandPart = (await project.DescribeProduct(1, "Strømforsyning", parentId: part)).Str("id");
        await project.ProjectManager.Put($"{project.Url}/products/{part}", new
        {
            title = "Basestasjon", purpose = "p", qualityCriteria = new[] { new { criterion = "c", method = "m" } }, acceptanceCriteria = new[] { "a" }, stage = 1,
            qualityResponsibleUserId = "sven", acceptorUserId = "siri", parentId = grandPart,
        }).ExpectProblem(HttpStatusCode.Conflict, "product-parent-invalid");

        await project.ProjectManager.Post(Step(project, whole, "submit"), new { }).Expect(HttpStatusCode.OK);
        await project.SeniorSupplier.Post(Step(project, whole, "review"), Passed).Expect(HttpStatusCode.OK);
        var waiting = await project.SeniorUser.Post(Step(project, whole, "accept"), new { comment = "Ok" }).ExpectProblem(HttpStatusCode.Conflict, "product-step-not-allowed");
        waiting.Str("detail").Should().Contain("every part of it is accepted or removed");

        await project.Executive.Post(Step(project, grandPart, "remove"), new { rationale = "Inngår i basestasjonen" }).Expect(HttpStatusCode.OK);
        await project.Executive.Post(Step(project, part, "remove"), new { rationale = "Leveres av leverandøren" }).Expect(HttpStatusCode.OK);
        (await project.SeniorUser.Post(Step(project, whole, "accept"), new { comment = "Ok" }).Expect(HttpStatusCode.OK)).Str("state").Should().Be("accepted");
    }

    [ProviderFact]
    public async Task Quality_is_the_open_defects_and_scope_the_products_removed_whatever_the_forecast_says()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.FailReview(project.ProductId!, defects: 1);

        var forecast = await project.Forecast(1, quality: 0, scope: 0);
        var quality = forecast.GetProperty("measured").EnumerateArray().Single(m => m.Str("dimension") == "quality");
        (quality.GetProperty("stage").GetDecimal(), quality.GetProperty("project").GetDecimal(), quality.GetProperty("given").GetDecimal(), quality.Str("source"))
            .Should().Be((1m, 1m, 0m, "qualityRegister"));
        forecast.GetProperty("evaluation").GetProperty("stage").EnumerateArray().Single(d => d.Str("dimension") == "quality")
            .GetProperty("forecast").GetDecimal().Should().Be(1);

        // Scope: one product removed in stage 1 is inside the stage's one; the second breaches it at once; a third the project's two.
        var extra = await Task.WhenAll(Enumerable.Range(1, 3).Select(n => project.DescribeProduct(1, $"Tillegg {n}")));
        await project.Executive.Post(Step(project, extra[0].Str("id"), "remove"), new { rationale = "Ikke nødvendig" }).Expect(HttpStatusCode.OK);
        (await project.OpenExceptions()).Should().BeEmpty();
        await project.Executive.Post(Step(project, extra[1].Str("id"), "remove"), new { rationale = "Ikke nødvendig" }).Expect(HttpStatusCode.OK);
        (await project.OpenExceptions()).Select(e => (e.Str("level"), e.Str("dimension"))).Should().Equal(("stage", "scope"));
        (await project.Executive.Post(Step(project, extra[2].Str("id"), "remove"), new { rationale = "Ikke nødvendig" }).Expect(HttpStatusCode.OK))
            .GetProperty("removedInStage").GetInt32().Should().Be(1);
        var exceptions = await project.OpenExceptions();
        exceptions.Select(e => (e.Str("level"), e.Str("dimension"))).Should().Equal(("stage", "scope"), ("project", "scope"));
        exceptions[1].Str("owner").Should().Be("portfolioBoard");

        var scope = (await project.Forecast(1, scope: 0)).GetProperty("measured").EnumerateArray().Single(m => m.Str("dimension") == "scope");
        (scope.GetProperty("stage").GetDecimal(), scope.GetProperty("project").GetDecimal(), scope.Str("source")).Should().Be((3m, 3m, "productScope"));
    }

    [ProviderFact]
    public async Task A_work_packages_forecast_reaches_only_its_own_products()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.Assign(project.Executive, "teamManager", "tom");
        var package = await project.ProjectManager.Post($"{project.Url}/work-packages", new
        {
            title = "Montering", stage = 1, teamManagerUserId = "tom",
            tolerances = new { time = new { plan = "2027-02-28", lower = 5, upper = 5 }, cost = new { plan = 300000, lower = 10000, upper = 20000 }, quality = new { plan = 0, upper = 1 } },
        }).Expect(HttpStatusCode.Created);
        var own = (await project.DescribeProduct(1, "Monterte sensorer", workPackageId: package.Str("id"))).Str("id");
        await project.ProjectManager.Post($"{project.Url}/products", new
        {
            title = "Feil fase", purpose = "p", qualityCriteria = new[] { new { criterion = "c", method = "m" } }, acceptanceCriteria = new[] { "a" }, stage = 2,
            workPackageId = package.Str("id"),
        }).ExpectProblem(HttpStatusCode.Conflict, "work-package-invalid");
        (await project.Outsider.GetAsync($"{project.Url}/work-packages").Expect(HttpStatusCode.OK)).GetProperty("items")[0]
            .GetProperty("productIds").EnumerateArray().Select(p => p.GetString()).Should().Equal(own);

        // Two defects in a product outside the work package do not reach it.
        await project.FailReview(project.ProductId!, defects: 2);
        var url = $"{project.Url}/work-packages/{package.Str("id")}/forecasts";
        var values = new { time = "2027-02-28", cost = 300000, quality = 5, benefit = 500000 };
        var clean = await api.As("tom").Post(url, new { values }).Expect(HttpStatusCode.Created);
        clean.GetProperty("measured").EnumerateArray().Single(m => m.Str("dimension") == "quality").GetProperty("stage").GetDecimal().Should().Be(0);
        clean.GetProperty("raisedIssues").GetArrayLength().Should().Be(0);

        await project.SeniorUser.Post(Step(project, own, "approve"), new { }).Expect(HttpStatusCode.OK);
        await project.FailReview(own, defects: 2);
        var breached = await api.As("tom").Post(url, new { values }).Expect(HttpStatusCode.Created);
        breached.GetProperty("raisedIssues").EnumerateArray().Should().ContainSingle().Which.Str("dimension").Should().Be("quality");
    }

    [ProviderFact]
    public async Task A_description_names_a_senior_user_as_acceptor_a_senior_supplier_for_quality_and_at_least_one_criterion()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var invalid = await api.SendingInvalidBodiesAs("per").Post($"{project.Url}/products", new { title = "", qualityCriteria = Array.Empty<object>(), stage = 0 })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should()
            .BeEquivalentTo("title", "purpose", "stage", "qualityCriteria", "acceptanceCriteria");

        object Described(string acceptor, string reviewer) => new
        {
            title = "T", purpose = "P", qualityCriteria = new[] { new { criterion = "c", method = "m" } }, acceptanceCriteria = new[] { "a" }, stage = 1,
            acceptorUserId = acceptor, qualityResponsibleUserId = reviewer,
        };
        await project.ProjectManager.Post($"{project.Url}/products", Described("sven", "sven")).ExpectProblem(HttpStatusCode.Conflict, "acceptor-not-senior-user");
        await project.ProjectManager.Post($"{project.Url}/products", Described("siri", "siri")).ExpectProblem(HttpStatusCode.Conflict, "quality-responsible-not-senior-supplier");

        // A draft may leave its people open, but is approved only once it names them.
        var open = (await project.ProjectManager.Post($"{project.Url}/products", new
        {
            title = "T", purpose = "P", qualityCriteria = new[] { new { criterion = "c", method = "m" } }, acceptanceCriteria = new[] { "a" }, stage = 1,
        }).Expect(HttpStatusCode.Created)).Str("id");
        await project.Executive.Post(Step(project, open, "approve"), new { }).ExpectProblem(HttpStatusCode.Conflict, "product-description-incomplete");

        var review = await project.FailReview(project.ProductId!, 1);
        await project.ProjectManager.Post(Step(project, project.ProductId!, "submit"), new { }).Expect(HttpStatusCode.OK);
        (await project.SeniorSupplier.Post(Step(project, project.ProductId!, "review"), new { result = "failed", method = "m", reviewers = new[] { "sven" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation")).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("defects");
        review.Str("state").Should().Be("failed");
    }

    [ProviderFact]
    public async Task The_portfolio_shows_products_accepted_of_the_total()
    {
        var project = await new Scenario(api).InExecutionAsync();
        await project.DescribeProduct(1, "Nummer to");
        await project.DeliverProduct(project.ProductId!);

        var portfolio = await project.Board.GetAsync("/api/v1/portfolio").Expect(HttpStatusCode.OK);
        var products = portfolio.GetProperty("projects").EnumerateArray().Single(p => p.Str("id") == project.Id.ToString()).GetProperty("products");
        (products.GetProperty("accepted").GetInt32(), products.GetProperty("total").GetInt32(), products.GetProperty("removedFromScope").GetInt32())
            .Should().Be((1, 2, 0));
    }

    [ProviderFact]
    public async Task Products_are_described_from_concept_and_frozen_once_the_project_is_in_realisation()
    {
        var project = await new Scenario(api).ReadyForBp1Async();
        await project.Decide(project.Proposer, project.Board, "Behovet er godt beskrevet");
        await project.Assign(project.Executive, "projectManager", "per");
        (await project.ProjectManager.Post($"{project.Url}/products", new
        {
            title = "Behovsanalyse", purpose = "P", qualityCriteria = new[] { new { criterion = "c", method = "m" } }, acceptanceCriteria = new[] { "a" }, stage = 1,
        }).Expect(HttpStatusCode.Created)).Str("state").Should().Be("draft");

        var done = await new Scenario(api).InRealisationAsync();
        await done.ProjectManager.Post($"{done.Url}/products", new
        {
            title = "For sent", purpose = "P", qualityCriteria = new[] { new { criterion = "c", method = "m" } }, acceptanceCriteria = new[] { "a" }, stage = 1,
        }).ExpectProblem(HttpStatusCode.Conflict, "products-closed");
        await done.ProjectManager.Put($"{done.Url}/products/{done.ProductId}/receiving-line-unit", new { receivingLineUnit = "Annen enhet" })
            .ExpectProblem(HttpStatusCode.Conflict, "products-closed");
    }
}

public sealed class ProductsTestsOnSqlite(SqliteApi api) : ProductsTests(api), IClassFixture<SqliteApi>;

public sealed class ProductsTestsOnPostgres(PostgresApi api) : ProductsTests(api), IClassFixture<PostgresApi>;

public sealed class ProductsTestsOnSqlServer(SqlServerApi api) : ProductsTests(api), IClassFixture<SqlServerApi>;

/// <summary>Before a project has products (one in execution from before products existed), quality and scope are forecast by hand.</summary>
public sealed class MeasuredDimensionsTests
{
    private static readonly ToleranceSettings Settings = new();

    [Fact]
    public void Without_products_quality_and_scope_must_be_forecast_and_with_them_they_may_be_left_out()
    {
        var risk = new MeasuredValue(Dimension.Risk, 0, 0, null, MeasuredFrom.UncertaintyRegister);
        var given = new Dictionary<Dimension, decimal> { [Dimension.Scope] = 1 };

        Forecasting.MissingByHand([risk], Settings, ("values", given), ("projectValues", null)).Keys.Should().Equal("values.quality");

        var quality = new MeasuredValue(Dimension.Quality, 2, 3, null, MeasuredFrom.QualityRegister);
        Forecasting.MissingByHand([risk, quality], Settings, ("values", given)).Should().BeEmpty();
    }

    [Fact]
    public void A_measured_value_overrules_the_forecast_and_keeps_what_was_given()
    {
        var values = new Dictionary<Dimension, decimal> { [Dimension.Quality] = 0, [Dimension.Cost] = 5 };
        var project = new Dictionary<Dimension, decimal> { [Dimension.Quality] = 0 };
        var measured = Forecasting.Apply(
            [new MeasuredValue(Dimension.Quality, 2, 3, null, MeasuredFrom.QualityRegister)], values, project);

        measured.Single().Given.Should().Be(0);
        values[Dimension.Quality].Should().Be(2);
        project[Dimension.Quality].Should().Be(3);
        values[Dimension.Cost].Should().Be(5);
    }
}
