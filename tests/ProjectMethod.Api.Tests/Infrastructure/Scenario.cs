using System.Net;
using System.Text.Json;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// One project and its people, walked through the method the way a project office would:
/// pia proposes, bjørn sits on the portfolio board, eva is Executive, per Project Manager, bo Benefit Owner,
/// siri Senior User, sven Senior Supplier; nils has no role at all.
/// </summary>
public sealed class Scenario(Func<string, string[], HttpClient> signIn, string sector = "helse")
{
    public Scenario(ApiFactory api, string sector = "helse")
        : this(api.As, sector)
    {
    }

    /// <summary>The same story told to a service running in a process of its own (the pages' tests drive it in a browser).</summary>
    public Scenario(ServiceProcess service, string sector = "helse")
        : this(service.As, sector)
    {
    }

    public HttpClient Proposer { get; } = signIn("pia", []);
    public HttpClient Board { get; } = signIn("bjorn", [GlobalRoles.PortfolioBoard]);
    public HttpClient Executive { get; } = signIn("eva", []);
    public HttpClient ProjectManager { get; } = signIn("per", []);
    public HttpClient BenefitOwner { get; } = signIn("bo", []);
    public HttpClient SeniorUser { get; } = signIn("siri", []);
    public HttpClient SeniorSupplier { get; } = signIn("sven", []);
    public HttpClient Outsider { get; } = signIn("nils", []);

    public Guid Id { get; private set; }

    public string Url => $"/api/v1/projects/{Id}";

    /// <summary>What a handbook's own criteria need before BP2 is asked for, when the test's sector switches them on.</summary>
    public Func<Scenario, Task>? BeforeBp2 { get; init; }

    /// <summary>What a handbook's own criteria need before BP4 is asked for.</summary>
    public Func<Scenario, Task>? BeforeBp4 { get; init; }

    /// <summary>Takes on a project proposed elsewhere (from an idea, say), to walk it on with the scenario's people.</summary>
    /// <summary>The category the mandate proposes, with its facts (an object as the API takes it); null proposes none.</summary>
    public object? MandateCategory { get; init; }

    /// <summary>Whether the board gets a Senior Supplier before BP3 (a small project may do without).</summary>
    public bool WithSeniorSupplier { get; init; } = true;

    /// <summary>Tolerances and forecasts on time and cost only: the dimensions of a small project.</summary>
    public bool TimeAndCostOnly { get; init; }

    private object Only(object tolerances) => TimeAndCostOnly ? TimeAndCost(tolerances) : tolerances;

    private static object TimeAndCost(object tolerances)
    {
        var all = JsonSerializer.SerializeToElement(tolerances);
        return new { time = all.GetProperty("time"), cost = all.GetProperty("cost") };
    }

    public Scenario Of(Guid projectId)
    {
        Id = projectId;
        return this;
    }

    public async Task<Scenario> ProposedAsync()
    {
        var project = await Proposer.Post("/api/v1/projects",
            new { name = "Digital hjemmetjeneste", sector, description = "Velferdsteknologi i hjemmetjenesten" }).Expect(HttpStatusCode.Created);
        Id = project.GetProperty("id").GetGuid();
        return this;
    }

    /// <summary>Everything BP1 asks for, but not the request nor the decision.</summary>
    public async Task<Scenario> ReadyForBp1Async()
    {
        await ProposedAsync();
        await Proposer.Put($"{Url}/mandate", new { purpose = "Bedre oppfølging av brukere", background = "Mange manuelle rutiner", category = MandateCategory })
            .Expect(HttpStatusCode.OK);
        await Assign(Board, "executive", "eva");
        await CompleteChecklist(Proposer, "bp1");
        return this;
    }

    public async Task<Scenario> InConceptAsync()
    {
        await ReadyForBp1Async();
        await Decide(Proposer, Board, "Behovet er godt beskrevet");
        return this;
    }

    public async Task<Scenario> ReadyForBp2Async()
    {
        await InConceptAsync();
        await Assign(Executive, "projectManager", "per");
        await Assign(Executive, "benefitOwner", "bo");
        await WriteBusinessCase();
        await ConfirmBusinessCase();
        await ProjectManager.Post($"{Url}/lessons/reviews", new { noneRelevantReason = "Ingen tidligere prosjekter på velferdsteknologi" })
            .Expect(HttpStatusCode.Created);
        await CompleteChecklist(ProjectManager, "bp2");
        await (BeforeBp2?.Invoke(this) ?? Task.CompletedTask);
        return this;
    }

    public async Task<Scenario> InPlanningAsync()
    {
        await ReadyForBp2Async();
        await Decide(ProjectManager, Board, "Konseptet er klart");
        return this;
    }

    public async Task<Scenario> ReadyForBp3Async()
    {
        await InPlanningAsync();
        await Assign(Executive, "seniorUser", "siri");
        if (WithSeniorSupplier)
        {
            await Assign(Executive, "seniorSupplier", "sven");
        }

        ProductId = (await DescribeProduct(1)).Str("id");
        await SeniorUser.Post($"{Url}/products/{ProductId}/approve", new { comment = "Dette er det vi trenger" }).Expect(HttpStatusCode.OK);
        await ConfirmBusinessCase();
        await CompleteChecklist(ProjectManager, "bp3");
        await Board.Put($"{Url}/tolerances/project", Only(ProjectTolerances)).Expect(HttpStatusCode.OK);
        await PlanStage(1);
        BenefitId = (await DefineBenefit()).Str("id");
        return this;
    }

    /// <summary>The product of stage 1 described and approved before BP3, once there is one.</summary>
    public string? ProductId { get; private set; }

    /// <summary>Per describes a product for the stage: siri (Senior User) accepts it, sven (Senior Supplier) answers for its quality.</summary>
    public Task<JsonElement> DescribeProduct(int stage, string title = "Sensorpakke for hjemmeboende", string? parentId = null, string? workPackageId = null) =>
        ProjectManager.Post($"{Url}/products", new
        {
            title,
            purpose = "Varsle hjemmetjenesten når noe er galt",
            composition = "Sensorer, basestasjon, varslingsregler",
            derivation = "Kravspesifikasjon fra hjemmetjenesten",
            qualityCriteria = new[] { new { criterion = "Falsk alarm under 5 %", method = "Pilot i to soner", tolerance = "±1 prosentpoeng" } },
            acceptanceCriteria = new[] { "Brukerne i piloten vil beholde sensorene" },
            qualityResponsibleUserId = "sven",
            acceptorUserId = "siri",
            receivingLineUnit = "Hjemmetjenesten",
            stage,
            parentId,
            workPackageId,
        }).Expect(HttpStatusCode.Created);

    /// <summary>The product goes through review and acceptance: per submits it, sven passes it, siri accepts it.</summary>
    public async Task<JsonElement> DeliverProduct(string productId)
    {
        await ProjectManager.Post($"{Url}/products/{productId}/submit", new { comment = "Klar for kontroll" }).Expect(HttpStatusCode.OK);
        await SeniorSupplier.Post($"{Url}/products/{productId}/review", new { result = "passed", method = "Pilot i to soner", reviewers = new[] { "sven" } })
            .Expect(HttpStatusCode.OK);
        return await SeniorUser.Post($"{Url}/products/{productId}/accept", new { comment = "Godkjent" }).Expect(HttpStatusCode.OK);
    }

    /// <summary>Per submits the product and sven finds this many defects in it.</summary>
    public async Task<JsonElement> FailReview(string productId, int defects)
    {
        await ProjectManager.Post($"{Url}/products/{productId}/submit", new { comment = "Klar for kontroll" }).Expect(HttpStatusCode.OK);
        return await SeniorSupplier.Post($"{Url}/products/{productId}/review", new
        {
            result = "failed",
            method = "Pilot i to soner",
            reviewers = new[] { "sven" },
            defects = Enumerable.Range(1, defects).Select(n => $"Avvik {n}").ToArray(),
        }).Expect(HttpStatusCode.OK);
    }

    /// <summary>The exceptions not yet decided, oldest first.</summary>
    public async Task<List<JsonElement>> OpenExceptions() =>
        (await Outsider.GetAsync($"{Url}/exceptions").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(e => e.Str("state") is "raised" or "reported" or "escalated").ToList();

    /// <summary>The benefit defined before BP3, once there is one.</summary>
    public string? BenefitId { get; private set; }

    /// <summary>Hours of manual follow-up a week, 120 falling to 80 by 2028-01-01, owned by Bo in Hjemmetjenesten, measured quarterly.</summary>
    public Task<JsonElement> DefineBenefit(string ownerUserId = "bo") =>
        ProjectManager.Post($"{Url}/benefits", new
        {
            title = "Færre timer til manuell oppfølging",
            type = "direct",
            ownerUnit = "Hjemmetjenesten",
            ownerUserId,
            indicator = "Timer per uke",
            unit = "hours",
            baseline = new { value = 120, date = "2026-01-01" },
            target = new { value = 80, date = "2028-01-01" },
            allowedShortfall = 5,
            measurementInterval = "P3M",
        }).Expect(HttpStatusCode.Created);

    public Task<JsonElement> ConfirmBenefitsRealistic() =>
        BenefitOwner.Post($"{Url}/benefits/reviews", new { realistic = true, comment = "Fortsatt realistisk" }).Expect(HttpStatusCode.Created);

    /// <summary>Project tolerances: end 2027-06-30 (30 days early, 14 late), 2 MNOK (−200 000/+100 000), 3 defects, 2 scope changes, exposure 40, benefit 500 000 − 50 000.</summary>
    public static readonly object ProjectTolerances = new
    {
        time = new { plan = "2027-06-30", lower = 30, upper = 14 },
        cost = new { plan = 2000000, lower = 200000, upper = 100000 },
        quality = new { plan = 0, upper = 3 },
        scope = new { plan = 0, upper = 2 },
        risk = new { plan = 0, upper = 40 },
        benefit = new { plan = 500000, lower = 50000 },
    };

    /// <summary>Stage tolerances inside the project's: end 2027-03-31 ± 7 days, 800 000 ± 50 000, 2 defects, 1 scope change, exposure 30, benefit 500 000 − 20 000.</summary>
    public static readonly object StageTolerances = new
    {
        time = new { plan = "2027-03-31", lower = 7, upper = 7 },
        cost = new { plan = 800000, lower = 50000, upper = 50000 },
        quality = new { plan = 0, upper = 2 },
        scope = new { plan = 0, upper = 1 },
        risk = new { plan = 0, upper = 30 },
        benefit = new { plan = 500000, lower = 20000 },
    };

    /// <summary>The Project Manager plans the stage and the Executive sets its tolerances.</summary>
    public async Task PlanStage(int stage)
    {
        await ProjectManager.Put($"{Url}/stages/{stage}/plan", new { plannedEnd = "2027-03-31", budget = 800000, productsInScope = 4, description = $"Fase {stage}" })
            .Expect(HttpStatusCode.OK);
        await Executive.Put($"{Url}/stages/{stage}/tolerances", Only(StageTolerances)).Expect(HttpStatusCode.OK);
    }

    /// <summary>A forecast for the current stage with these values (defaults on plan); the answer is the judged forecast.</summary>
    public Task<JsonElement> Forecast(int stage, string time = "2027-03-31", decimal cost = 800000, decimal quality = 0, decimal scope = 0,
        decimal benefit = 500000, object? projectValues = null) =>
        ProjectManager.Post($"{Url}/forecasts", new
        {
            stage,
            values = TimeAndCostOnly ? new { time, cost } : (object)new { time, cost, quality, scope, benefit },
            projectValues,
            comment = "Statusrapport",
        }).Expect(HttpStatusCode.Created);

    public async Task<Scenario> InExecutionAsync()
    {
        await ReadyForBp3Async();
        await Decide(ProjectManager, Executive, "Planen er godkjent");
        return this;
    }

    public async Task<Scenario> InClosureAsync()
    {
        await InExecutionAsync();
        await DeliverProduct(ProductId!);
        await ConfirmBusinessCase();
        await ConfirmBenefitsRealistic();
        await CompleteChecklist(ProjectManager, "bp4");
        await (BeforeBp4?.Invoke(this) ?? Task.CompletedTask);
        await Decide(ProjectManager, Executive, "Alt er levert");
        return this;
    }

    public async Task<Scenario> InRealisationAsync()
    {
        await InClosureAsync();
        await ProjectManager.Post($"{Url}/end-report", new { summary = "Levert innenfor rammene" }).Expect(HttpStatusCode.Created);
        await ProjectManager.Post($"{Url}/lessons-report", new { summary = "Involver brukerne tidligere" }).Expect(HttpStatusCode.Created);
        await CompleteChecklist(ProjectManager, "bp5");
        await Decide(ProjectManager, Executive, "Klar for gevinstrealisering");
        return this;
    }

    public Task<JsonElement> Measure(HttpClient who, string date, decimal value, HttpStatusCode expected = HttpStatusCode.Created) =>
        who.Post($"{Url}/benefits/{BenefitId}/measurements", new { date, value, comment = "Kvartalsmåling" }).Expect(expected);

    public Task<JsonElement> Assign(HttpClient who, string role, string userId) =>
        who.Post($"{Url}/roles", new { role, userId, displayName = userId }).Expect(HttpStatusCode.Created);

    public Task<JsonElement> WriteBusinessCase() =>
        ProjectManager.Put($"{Url}/business-case", new
        {
            reasons = "Brukerne trenger tettere oppfølging",
            options = "Gjøre ingenting; sensorer; digitalt tilsyn",
            expectedBenefits = "Færre akuttinnleggelser, spart reisetid",
            expectedCosts = "2 MNOK",
            timescale = "18 måneder",
            majorRisks = "Personvern, brukeraksept",
        }).Expect(HttpStatusCode.OK);

    public Task<JsonElement> ConfirmBusinessCase(bool justified = true) =>
        Executive.Post($"{Url}/business-case/reviews", new { justified, comment = justified ? "Fortsatt forsvarlig" : "Ikke lenger forsvarlig" })
            .Expect(HttpStatusCode.Created);

    public async Task CompleteChecklist(HttpClient who, string decisionPoint)
    {
        var checklist = await who.GetAsync($"{Url}/checklist").Expect(HttpStatusCode.OK);
        foreach (var item in checklist.GetProperty("items").EnumerateArray().Where(i => i.Str("decisionPoint") == decisionPoint))
        {
            await who.Put($"{Url}/checklist/{item.Str("id")}", new { status = "done" }).Expect(HttpStatusCode.OK);
        }
    }

    /// <summary>Asks for the decision and approves it: the decision made.</summary>
    public async Task<JsonElement> Decide(HttpClient requester, HttpClient decider, string recommendation)
    {
        await requester.Post($"{Url}/gate/requests", new { recommendation }).Expect(HttpStatusCode.Created);
        var made = await decider.Post($"{Url}/gate/decisions", new { decision = "approve", rationale = "Kriteriene er oppfylt" }).Expect(HttpStatusCode.Created);
        return made.GetProperty("decision");
    }

    public Task<JsonElement> Project() => Outsider.GetAsync(Url).Expect(HttpStatusCode.OK);
}
