using System.Net;
using System.Text.Json;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>P7: each sector tailors the method in its own versioned handbook, and every project is pinned to one version.</summary>
public abstract class HandbooksTests(ApiFactory api)
{
    private static readonly object[] AllDimensions = ["time", "cost", "quality", "scope", "risk", "benefit"];

    /// <summary>A handbook body: a few checklist items of its own, and the switches the test asks for.</summary>
    private static object Body(
        string name, object[]? dimensions = null, decimal threshold = 0.8m, string bp3Mode = "singleDecider", string[]? extraCriteria = null,
        bool pmOnBoard = false, bool userAsSupplier = false, string bp1Item = "bp1-behov") => new
    {
        name,
        checklists = new
        {
            bp1 = new[] { new { id = bp1Item, textNb = "Behovet er beskrevet.", textEn = "The need is described.", mandatory = true } },
            bp3 = new[] { new { id = "bp3-tjenestedesign", textNb = "Brukerne er med i tjenestedesignet.", textEn = "Users take part in the service design.", mandatory = true } },
        },
        dimensions = dimensions ?? AllDimensions,
        atRiskThreshold = threshold,
        defaultTolerances = new { stage = new { cost = new { lower = 50000, upper = 50000 } } },
        approvalMode = new { bp3 = bp3Mode },
        roleWaivers = new { projectManagerMayHoldBoardRole = pmOnBoard, seniorUserMayBeSeniorSupplier = userAsSupplier },
        extraCriteria = extraCriteria ?? [],
    };

    private static async Task<JsonElement> Publish(HttpClient office, string sector, object body)
    {
        await office.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        await office.Put($"/api/v1/handbooks/{sector}/drafts/current", body).Expect(HttpStatusCode.OK);
        return await office.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);
    }

    private static JsonElement Criterion(JsonElement gate, string id) => gate.GetProperty("criteria").EnumerateArray().Single(c => c.Str("id") == id);

    private HttpClient Office => api.As("bjorn", GlobalRoles.PortfolioBoard);

    [ProviderFact]
    public async Task The_standard_handbook_holds_todays_rules_and_everyone_reads_it()
    {
        var standard = await api.As("nils").GetAsync("/api/v1/handbooks/standard/versions/1").Expect(HttpStatusCode.OK);

        standard.Str("state").Should().Be("published");
        standard.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).Should().Equal("time", "cost", "quality", "scope", "risk", "benefit");
        standard.GetProperty("atRiskThreshold").GetDecimal().Should().Be(0.8m);
        standard.GetProperty("approvalMode").EnumerateObject().Should().OnlyContain(m => m.Value.GetString() == "singleDecider");
        standard.GetProperty("roleWaivers").EnumerateObject().Should().OnlyContain(w => !w.Value.GetBoolean());
        standard.GetProperty("extraCriteria").GetArrayLength().Should().Be(0);
        standard.GetProperty("checklists").GetProperty("bp1").EnumerateArray().Select(i => i.Str("id")).Should().Equal("bp1-need", "bp1-strategy", "bp1-line-task");
        standard.GetProperty("checklists").GetProperty("bp3").EnumerateArray().Select(i => i.Str("id")).Should().Contain("bp3-product-descriptions");
        (await api.As("nils").GetAsync("/api/v1/handbooks").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Should().Contain(h => h.Str("sector") == "standard" && h.GetProperty("latestVersion").GetInt32() == 1);
    }

    [ProviderFact]
    public async Task Only_the_project_office_drafts_edits_and_publishes()
    {
        var sector = "kultur";
        foreach (var caller in new[] { api.As("nils"), api.As("ivar", GlobalRoles.Integrator) })
        {
            await caller.Post($"/api/v1/handbooks/{sector}/drafts", new { }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        }

        var admin = api.As("ada", GlobalRoles.Admin);
        var draft = await admin.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        draft.Str("state").Should().Be("draft");
        draft.GetProperty("version").GetInt32().Should().Be(1);
        draft.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).Should().Equal(AllDimensions.Cast<string>(), "a sector's first draft is a copy of the standard handbook");
        await api.As("nils").GetAsync($"/api/v1/handbooks/{sector}/drafts/current").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await api.As("nils").Put($"/api/v1/handbooks/{sector}/drafts/current", Body("Kultur")).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await api.As("nils").Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await admin.Post($"/api/v1/handbooks/{sector}/drafts", new { }).ExpectProblem(HttpStatusCode.Conflict, "draft-exists");

        await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", Body("Prosjekthåndbok kultur")).Expect(HttpStatusCode.OK);
        var published = await Office.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);
        published.Str("state").Should().Be("published");
        published.Who("publishedBy").Should().Be("bjorn");

        // Published versions never change: there is no draft to edit until a new one is made, a copy of the newest.
        await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", Body("Endret")).ExpectProblem(HttpStatusCode.NotFound, "not-found");
        var next = await Office.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        (next.GetProperty("version").GetInt32(), next.Str("name")).Should().Be((2, "Prosjekthåndbok kultur"));
        var read = await api.As("nils").GetAsync($"/api/v1/handbooks/{sector}").Expect(HttpStatusCode.OK);
        read.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.Str("state"))).Should().Equal((1, "published"), (2, "draft"));
        read.GetProperty("latest").GetProperty("version").GetInt32().Should().Be(1);
        await api.As("nils").GetAsync($"/api/v1/handbooks/{sector}/versions/2").ExpectProblem(HttpStatusCode.NotFound, "not-found");

        var history = await api.As("revisor", GlobalRoles.PortfolioBoard).GetAsync("/api/v1/events?limit=200").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray()
            .Where(e => e.Str("type").StartsWith("no.projectmethod.handbook", StringComparison.Ordinal) && e.GetProperty("data").Str("sector") == sector)
            .Select(e => e.Str("type")["no.projectmethod.".Length..]).Should().Equal("handbookDrafted", "handbookDraftEdited", "handbookPublished", "handbookDrafted");
    }

    [ProviderFact]
    public async Task A_draft_that_does_not_validate_is_not_published_and_read_only_fields_stay_read_only()
    {
        var sector = "teknisk-drift";
        await Office.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        var broken = new
        {
            name = "Teknisk drift",
            checklists = new
            {
                bp1 = new[]
                {
                    new { id = "Ugyldig ID", textNb = "A", textEn = "A", mandatory = true },
                    new { id = "uten-tekst", textNb = "", textEn = "B", mandatory = false },
                },
            },
            dimensions = new[] { "time", "quality" },
            atRiskThreshold = 1.2,
            approvalMode = new { bp1 = "boardConsensus" },
            extraCriteria = new[] { "astrology" },
        };
        await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", broken).Expect(HttpStatusCode.OK);

        var refused = await Office.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).ExpectProblem(HttpStatusCode.Conflict, "handbook-invalid");
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should()
            .BeEquivalentTo("dimensions", "atRiskThreshold", "checklists", "approvalMode", "extraCriteria");
        (await Office.GetAsync($"/api/v1/handbooks/{sector}/drafts/current").Expect(HttpStatusCode.OK)).Str("state").Should().Be("draft");

        var twice = new { name = "x", checklists = new { bp2 = new[] { new { id = "samme", textNb = "A", textEn = "A" }, new { id = "samme", textNb = "B", textEn = "B" } } } };
        (await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", twice).ExpectProblem(HttpStatusCode.BadRequest, "validation"))
            .GetProperty("errors").GetProperty("checklists")[0].GetString().Should().Contain("used twice");

        var readOnly = await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", new { sector = "standard", version = 7, name = "x" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        readOnly.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("sector", "version");
        await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", new { state = "published", name = "x" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");

        // The whole version as GET shows it is a valid PUT.
        await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", Body("Teknisk drift")).Expect(HttpStatusCode.OK);
        var shown = await Office.GetAsync($"/api/v1/handbooks/{sector}/drafts/current").Expect(HttpStatusCode.OK);
        var again = await Office.Put($"/api/v1/handbooks/{sector}/drafts/current", shown).Expect(HttpStatusCode.OK);
        again.GetProperty("checklists").ToString().Should().Be(shown.GetProperty("checklists").ToString());
        await Office.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task Two_sectors_run_side_by_side_each_on_its_own_checklists_dimensions_threshold_and_approval()
    {
        await Publish(Office, "helse-og-velferd", Body("Helse og velferd", threshold: 0.5m, bp3Mode: "boardConsensus",
            extraCriteria: ["risk-assessment-before-bp2"], bp1Item: "hv-samtykke"));
        await Publish(Office, "oppvekst", Body("Oppvekst og utdanning", dimensions: ["time", "cost", "benefit"], bp1Item: "ou-elevrad"));

        var health = await new Scenario(api, "helse-og-velferd").ProposedAsync();
        var school = await new Scenario(api, "oppvekst").ProposedAsync();
        (await health.Outsider.GetAsync($"{health.Url}/handbook").Expect(HttpStatusCode.OK)).Str("sector").Should().Be("helse-og-velferd");
        (await health.Outsider.GetAsync($"{health.Url}/checklist").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(i => i.Str("id")).Should().Equal("hv-samtykke", "bp3-tjenestedesign");
        (await school.Outsider.GetAsync($"{school.Url}/checklist").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(i => i.Str("id")).Should().Equal("ou-elevrad", "bp3-tjenestedesign");

        // Dimensions: oppvekst measures time, cost and benefit only.
        (await school.Outsider.GetAsync($"{school.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("activeDimensions").EnumerateArray()
            .Select(d => d.GetString()).Should().Equal("time", "cost", "benefit");
        await school.Board.Put($"{school.Url}/tolerances/project", Scenario.ProjectTolerances).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await school.Board.Put($"{school.Url}/tolerances/project", new
        {
            time = new { plan = "2027-06-30", lower = 30, upper = 14 }, cost = new { plan = 2000000, lower = 200000, upper = 100000 },
            benefit = new { plan = 500000, lower = 50000 },
        }).Expect(HttpStatusCode.OK);

        // Helse og velferd asks for an assessed risk before BP2.
        var ready = await new Scenario(api, "helse-og-velferd").ReadyForBp2Async();
        Criterion(await ready.Outsider.GetAsync($"{ready.Url}/gate").Expect(HttpStatusCode.OK), "risk-assessed").GetProperty("met").GetBoolean().Should().BeFalse();
        await ready.ProjectManager.Post($"{ready.Url}/risks", new { kind = "risk", title = "Lav brukeraksept", probability = 2, consequence = 3, ownerUserId = "per" })
            .Expect(HttpStatusCode.Created);
        Criterion(await ready.Outsider.GetAsync($"{ready.Url}/gate").Expect(HttpStatusCode.OK), "risk-assessed").GetProperty("met").GetBoolean().Should().BeTrue();
        (await new Scenario(api).ReadyForBp2Async().ContinueWith(t => t.Result.Outsider.GetAsync($"{t.Result.Url}/gate").Expect(HttpStatusCode.OK)).Unwrap())
            .GetProperty("criteria").EnumerateArray().Should().NotContain(c => c.Str("id") == "risk-assessed", "the standard handbook does not ask for it");

        // The threshold: 60 % of the cost band is at risk at 0.5, within tolerance at the standard 0.8.
        await ready.Decide(ready.ProjectManager, ready.Board, "Konseptet er klart");
        var healthExecuting = await ToExecutionUnderConsensus(ready);
        var standardExecuting = await new Scenario(api).InExecutionAsync();
        foreach (var (project, expected) in new[] { (healthExecuting, "atRisk"), (standardExecuting, "withinTolerance") })
        {
            var forecast = await project.Forecast(1, cost: 830000);
            forecast.GetProperty("evaluation").GetProperty("stage").EnumerateArray().Single(d => d.Str("dimension") == "cost").Str("status").Should().Be(expected);
        }
    }

    [ProviderFact]
    public async Task A_handbook_that_asks_for_a_political_decision_holds_bp3_until_a_political_body_adopted_the_project()
    {
        var sector = await api.NewSectorAsync("pol");
        await Publish(Office, sector, Body("Med politisk behandling", extraCriteria: ["political-decision-before-bp3"]));
        var project = await new Scenario(api, sector).InPlanningAsync();
        await RequestBp3(project);
        Criterion(await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK), "political-decision").GetProperty("met").GetBoolean().Should().BeFalse();
        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Ja" }).ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");

        var decided = new { body = "formannskap", meetingDate = "2026-02-20", caseNumber = "2026/12", outcome = "postponed", summary = "Saken utsettes til neste møte" };
        await project.ProjectManager.Post($"{project.Url}/political-decisions", decided).Expect(HttpStatusCode.Created);
        Criterion(await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK), "political-decision").GetProperty("met").GetBoolean()
            .Should().BeFalse("a postponed case adopts nothing");
        await project.ProjectManager.Post($"{project.Url}/political-decisions", decided with { meetingDate = "2026-03-01", caseNumber = "2026/19", outcome = "adoptedWithChanges" })
            .Expect(HttpStatusCode.Created);
        Criterion(await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK), "political-decision").GetProperty("met").GetBoolean().Should().BeTrue();
        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Formannskapet har sluttet seg til" }).Expect(HttpStatusCode.Created);
    }

    /// <summary>From planning to execution under board consensus at BP3: the Executive, the Senior User and the Senior Supplier each approve.</summary>
    private static async Task<Scenario> ToExecutionUnderConsensus(Scenario project)
    {
        await RequestBp3(project);
        await project.Executive.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);
        await project.SeniorUser.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);
        await project.SeniorSupplier.Post($"{project.Url}/gate/decisions", new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Created);
        return project;
    }

    /// <summary>Everything BP3 asks for, with siri as Senior User and sven as Senior Supplier, and the request; the product of stage 1 is returned.</summary>
    private static async Task<string> RequestBp3(Scenario project)
    {
        await project.Assign(project.Executive, "seniorUser", "siri");
        await project.Assign(project.Executive, "seniorSupplier", "sven");
        var product = (await project.DescribeProduct(1)).Str("id");
        await project.SeniorUser.Post($"{project.Url}/products/{product}/approve", new { }).Expect(HttpStatusCode.OK);
        await project.ConfirmBusinessCase();
        await project.CompleteChecklist(project.ProjectManager, "bp3");
        await project.Board.Put($"{project.Url}/tolerances/project", Scenario.ProjectTolerances).Expect(HttpStatusCode.OK);
        await project.PlanStage(1);
        await project.DefineBenefit();
        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Start" }).Expect(HttpStatusCode.Created);
        return product;
    }

    [ProviderFact]
    public async Task A_vote_awaited_from_a_replaced_board_member_waits_for_the_new_one_and_the_old_vote_no_longer_counts()
    {
        await Publish(Office, "samhandling", Body("Samhandling", bp3Mode: "boardConsensus"));
        var project = await new Scenario(api, "samhandling").InPlanningAsync();
        await RequestBp3(project);
        var decisions = $"{project.Url}/gate/decisions";
        await project.SeniorUser.Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);
        var seniorUser = (await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(r => r.Str("role") == "seniorUser").Str("id");

        await project.Executive.Post($"{project.Url}/roles/{seniorUser}/replacement", new { userId = "sofie", displayName = "Sofie Seniorbruker", rationale = "Siri har gått av" })
            .Expect(HttpStatusCode.Created);

        var consensus = (await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK)).GetProperty("consensus");
        consensus.GetProperty("approved").EnumerateArray().Should().BeEmpty();
        consensus.GetProperty("awaited").EnumerateArray().Select(u => u.GetString()).Should().Equal("eva", "sofie", "sven");
        await project.SeniorUser.Post(decisions, new { decision = "approve", rationale = "Igjen" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await api.As("sofie").Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);
        await project.Executive.Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);
        (await project.SeniorSupplier.Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Created)).GetProperty("decision").Str("toPhase").Should().Be("execution");
    }

    [ProviderFact]
    public async Task Board_consensus_takes_every_board_member_and_one_reject_rejects()
    {
        await Publish(Office, "samhandling", Body("Samhandling", bp3Mode: "boardConsensus"));
        var project = await new Scenario(api, "samhandling").InPlanningAsync();
        await project.Assign(project.Executive, "seniorUser", "sara");
        var product = await RequestBp3(project);
        var decisions = $"{project.Url}/gate/decisions";

        // One reject rejects at once.
        await api.As("sara").Post(decisions, new { decision = "reject", rationale = "Brukerne er ikke hørt" }).Expect(HttpStatusCode.Created);
        (await project.Project()).Str("phase").Should().Be("planning");

        await project.ProjectManager.Post($"{project.Url}/gate/requests", new { recommendation = "Brukerne er hørt nå" }).Expect(HttpStatusCode.Created);
        var first = await project.Executive.Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);
        first.GetProperty("consensus").GetProperty("awaited").EnumerateArray().Select(u => u.GetString()).Should().Equal("sara", "siri", "sven");
        first.GetProperty("decision").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "a vote that leaves others awaited decides nothing yet");
        first.GetProperty("vote").Who("voter").Should().Be("eva");
        await project.Executive.Post(decisions, new { decision = "approve", rationale = "Igjen" }).ExpectProblem(HttpStatusCode.Conflict, "already-voted");
        await project.ProjectManager.Post(decisions, new { decision = "approve" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.SeniorUser.Post(decisions, new { decision = "stop", rationale = "Stopp" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await project.SeniorUser.Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);

        var gate = await project.Outsider.GetAsync($"{project.Url}/gate").Expect(HttpStatusCode.OK);
        gate.Str("approvalMode").Should().Be("boardConsensus");
        gate.GetProperty("consensus").GetProperty("approved").EnumerateArray().Select(u => u.GetString()).Should().Equal("eva", "siri");
        gate.GetProperty("consensus").GetProperty("awaited").EnumerateArray().Select(u => u.GetString()).Should().Equal("sara", "sven");

        // The criteria are judged again at the last approval: the board takes the only described product out of scope.
        await api.As("sara").Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Accepted);
        await project.Board.Post($"{project.Url}/products/{product}/remove", new { rationale = "Kjøpes inn" }).Expect(HttpStatusCode.OK);
        await project.SeniorSupplier.Post(decisions, new { decision = "approve", rationale = "Ja" }).ExpectProblem(HttpStatusCode.Conflict, "criteria-unmet");
        var replacement = (await project.DescribeProduct(1, "Innkjøpt løsning")).Str("id");
        await project.SeniorUser.Post($"{project.Url}/products/{replacement}/approve", new { }).Expect(HttpStatusCode.OK);
        var decided = (await project.SeniorSupplier.Post(decisions, new { decision = "approve", rationale = "Ja" }).Expect(HttpStatusCode.Created)).GetProperty("decision");
        decided.Str("toPhase").Should().Be("execution");

        var log = await project.Outsider.GetAsync($"{project.Url}/decisions").Expect(HttpStatusCode.OK);
        var bp3 = log.GetProperty("items").EnumerateArray().Where(d => d.Str("decisionPoint") == "bp3").ToList();
        bp3.Select(d => d.Str("decision")).Should().Equal("reject", "approve");
        bp3[0].GetProperty("votes").EnumerateArray().Select(v => (v.Who("voter"), v.Str("decision"))).Should().Equal(("sara", "reject"));
        bp3[1].GetProperty("votes").EnumerateArray().Select(v => v.Who("voter")).Should().Equal("eva", "siri", "sara", "sven");
    }

    [ProviderFact]
    public async Task A_sectors_first_draft_copies_the_standard_handbook_so_tailoring_one_thing_keeps_the_rest()
    {
        using var fresh = api.Another();
        var office = fresh.As("bjorn", GlobalRoles.PortfolioBoard);
        var sector = await fresh.NewSectorAsync("helse-og-omsorg");
        var standard = await fresh.As("nils").GetAsync("/api/v1/handbooks/standard/versions/1").Expect(HttpStatusCode.OK);

        var draft = await office.Post($"/api/v1/handbooks/{sector}/drafts", new { }).Expect(HttpStatusCode.Created);
        draft.GetProperty("version").GetInt32().Should().Be(1);
        draft.Str("name").Should().StartWith("Prosjekthåndbok for ");
        foreach (var field in new[] { "dimensions", "atRiskThreshold", "checklists", "defaultTolerances", "approvalMode", "roleWaivers", "journalTypes", "reminderDaysAhead" })
        {
            draft.GetProperty(field).GetRawText().Should().Be(standard.GetProperty(field).GetRawText(), $"the draft's {field} is the standard handbook's");
        }

        // The project office adds one checklist item and board consensus at BP3, and touches nothing else.
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(draft.GetRawText())!;
        var checklists = JsonSerializer.Deserialize<Dictionary<string, List<object>>>(draft.GetProperty("checklists").GetRawText())!;
        checklists["bp3"].Add(new { id = "bp3-brukerraad", textNb = "Brukerrådet er hørt.", textEn = "The users' council is heard.", mandatory = true });
        body["checklists"] = checklists;
        body["approvalMode"] = new { bp3 = "boardConsensus" };
        await office.Put($"/api/v1/handbooks/{sector}/drafts/current", body).Expect(HttpStatusCode.OK);
        var published = await office.Post($"/api/v1/handbooks/{sector}/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);
        published.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).Should().Equal(AllDimensions.Cast<string>(), "tailoring one thing switches nothing else off");
        published.GetProperty("checklists").GetProperty("bp1").EnumerateArray().Select(i => i.Str("id")).Should().Equal("bp1-need", "bp1-strategy", "bp1-line-task");

        // A project in the sector takes the method's six-dimension tolerances.
        var project = await new Scenario(fresh, sector).InPlanningAsync();
        (await project.Outsider.GetAsync($"{project.Url}/handbook").Expect(HttpStatusCode.OK)).Str("sector").Should().Be(sector);
        await project.Board.Put($"{project.Url}/tolerances/project", Scenario.ProjectTolerances).Expect(HttpStatusCode.OK);
        var drafted = (await office.GetAsync("/api/v1/events?type=handbookDrafted").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("data").Str("sector") == sector).GetProperty("data");
        (drafted.Str("copiedFromSector"), drafted.GetProperty("copiedFrom").GetInt32()).Should().Be(("standard", 1));
    }

    [ProviderFact]
    public async Task A_handbook_change_reaches_a_running_project_only_when_its_executive_moves_it()
    {
        using var fresh = api.Another();
        var office = fresh.As("bjorn", GlobalRoles.PortfolioBoard);
        var project = await new Scenario(fresh).InExecutionAsync();
        await project.FailReview(project.ProductId!, defects: 3);

        // Version 2 of the standard handbook drops quality and adds a mandatory BP4 item.
        var draft = await office.Post("/api/v1/handbooks/standard/drafts", new { }).Expect(HttpStatusCode.Created);
        var v2 = JsonSerializer.Deserialize<Dictionary<string, object>>(draft.GetRawText())!;
        v2["dimensions"] = new[] { "time", "cost", "scope", "risk", "benefit" };
        var checklists = JsonSerializer.Deserialize<Dictionary<string, List<object>>>(draft.GetProperty("checklists").GetRawText())!;
        checklists["bp4"].Add(new { id = "bp4-drift", textNb = "Driftsavtale er inngått.", textEn = "An operations agreement is in place.", mandatory = true });
        v2["checklists"] = checklists;
        await office.Put("/api/v1/handbooks/standard/drafts/current", v2).Expect(HttpStatusCode.OK);
        await office.Post("/api/v1/handbooks/standard/drafts/current/publish", new { }).Expect(HttpStatusCode.OK);

        (await project.Outsider.GetAsync($"{project.Url}/handbook").Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32().Should().Be(1);
        (await project.Outsider.GetAsync($"{project.Url}/checklist").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Should().NotContain(i => i.Str("id") == "bp4-drift");
        var newcomer = await new Scenario(fresh).ProposedAsync();
        (await newcomer.Outsider.GetAsync($"{newcomer.Url}/handbook").Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32().Should().Be(2);

        // Only the Executive moves it, only forward, and not while quality, which version 2 drops, has an undecided exception.
        await project.ProjectManager.Post($"{project.Url}/handbook", new { version = 2, rationale = "Ny versjon" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var breaks = await project.Executive.Post($"{project.Url}/handbook", new { version = 2, rationale = "Ny versjon" })
            .ExpectProblem(HttpStatusCode.Conflict, "handbook-move-breaks");
        breaks.Str("detail").Should().Contain("quality");
        await project.Executive.Post($"{project.Url}/handbook", new { version = 1, rationale = "Samme" }).ExpectProblem(HttpStatusCode.Conflict, "handbook-not-newer");

        var exception = (await project.OpenExceptions()).Single();
        await project.ProjectManager.Post($"{project.Url}/exceptions/{exception.Str("id")}/report", new
        {
            cause = "Feil i sensorene", consequences = "Forsinkelse", options = new[] { new { title = "Utbedre", effect = "Ingen" } }, recommendation = "Juster",
        }).Expect(HttpStatusCode.OK);
        await project.Executive.Post($"{project.Url}/exceptions/{exception.Str("id")}/decision", new
        {
            decision = "adjustTolerances", rationale = "Innenfor rammen",
            tolerances = new
            {
                time = new { plan = "2027-03-31", lower = 7, upper = 7 }, cost = new { plan = 800000, lower = 50000, upper = 50000 }, quality = new { plan = 0, upper = 3 },
                scope = new { plan = 0, upper = 1 }, risk = new { plan = 0, upper = 30 }, benefit = new { plan = 500000, lower = 20000 },
            },
        }).Expect(HttpStatusCode.OK);

        var moved = await project.Executive.Post($"{project.Url}/handbook", new { version = 2, rationale = "Driftsavtaler kreves nå" }).Expect(HttpStatusCode.OK);
        moved.GetProperty("version").GetInt32().Should().Be(2);
        (await project.Outsider.GetAsync($"{project.Url}/checklist").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Should().Contain(i => i.Str("id") == "bp4-drift");
        (await project.Outsider.GetAsync($"{project.Url}/tolerances").Expect(HttpStatusCode.OK)).GetProperty("activeDimensions").EnumerateArray()
            .Select(d => d.GetString()).Should().NotContain("quality");
        var history = await project.Outsider.GetAsync($"{project.Url}/history?limit=200").Expect(HttpStatusCode.OK);
        var entry = history.GetProperty("items").EnumerateArray().Single(e => e.Str("type") == "handbookMoved");
        (entry.Who("actor"), entry.GetProperty("payload").GetProperty("to").GetInt32()).Should().Be(("eva", 2));
    }

    [ProviderFact]
    public async Task The_waivers_are_off_by_default_and_each_relaxes_only_its_own_rule()
    {
        var standard = await new Scenario(api).ProposedAsync();
        await standard.Assign(standard.Board, "executive", "eva");
        await standard.Assign(standard.Executive, "seniorUser", "siri");
        var refused = await standard.Executive.Post($"{standard.Url}/roles", new { role = "seniorSupplier", userId = "siri", displayName = "Siri" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken");
        refused.Str("rule").Should().Be("user-and-supplier-apart");
        refused.Str("detail").Should().Contain("seniorUserMayBeSeniorSupplier");

        await Publish(Office, "egen-drift", Body("Egen drift", userAsSupplier: true));
        var inHouse = await new Scenario(api, "egen-drift").ProposedAsync();
        await inHouse.Assign(inHouse.Board, "executive", "eva");
        await inHouse.Assign(inHouse.Executive, "seniorUser", "siri");
        await inHouse.Assign(inHouse.Executive, "seniorSupplier", "siri");
        await inHouse.Assign(inHouse.Executive, "projectManager", "per");
        (await inHouse.Executive.Post($"{inHouse.Url}/roles", new { role = "seniorUser", userId = "per", displayName = "Per" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken")).Str("detail").Should().Contain("projectManagerMayHoldBoardRole");

        await Publish(Office, "smaa-prosjekter", Body("Små prosjekter", pmOnBoard: true));
        var small = await new Scenario(api, "smaa-prosjekter").ProposedAsync();
        await small.Assign(small.Board, "executive", "eva");
        await small.Assign(small.Executive, "projectManager", "per");
        await small.Assign(small.Executive, "seniorUser", "per");
        await small.Executive.Post($"{small.Url}/roles", new { role = "seniorSupplier", userId = "eva", displayName = "Eva" })
            .ExpectProblem(HttpStatusCode.Conflict, "role-rule-broken");
    }
}

public sealed class HandbooksTestsOnSqlite(SqliteApi api) : HandbooksTests(api), IClassFixture<SqliteApi>;

public sealed class HandbooksTestsOnPostgres(PostgresApi api) : HandbooksTests(api), IClassFixture<PostgresApi>;

public sealed class HandbooksTestsOnSqlServer(SqlServerApi api) : HandbooksTests(api), IClassFixture<SqlServerApi>;
