using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Client;
using GlobalRoles = ProjectMethod.Domain.Roles.GlobalRoles;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// The clients an integrator generates from the committed document (NSwag and Kiota, ordinary options, built with the
/// suite: see ProjectMethod.Client and ProjectMethod.KiotaClient) walk a project through the decision points, answer a
/// co-creation input and an idea and read what a BI tool reads — with no line of hand-written fix-up.
/// </summary>
public sealed class ClientTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private ProjectMethodClient As(string userId, params string[] globalRoles)
    {
        var http = api.As(userId, globalRoles);
        return new ProjectMethodClient(http) { BaseUrl = http.BaseAddress!.ToString() };
    }

    /// <summary>A date as the generated client takes one (NSwag maps format: date to DateTimeOffset).</summary>
    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_generated_client_walks_a_project_from_proposal_through_BP3()
    {
        var (pia, board, eva, per, siri) = (As("pia"), As("bjorn", GlobalRoles.PortfolioBoard), As("eva"), As("per"), As("siri"));

        var project = await pia.ProposeProjectAsync(null, new ProposeProject { Name = "Digital hjemmetjeneste", Sector = "helse-og-velferd", Description = "Velferdsteknologi" });
        project.Phase.Should().Be(Phase.Proposed);
        var id = project.Id;
        await pia.WriteMandateAsync(id, null, new MandateRequest { Purpose = "Bedre oppfølging av brukere", Background = "Mange manuelle rutiner" });
        await board.AssignRoleAsync(id, null, null, new AssignRole { Role = ProjectRole.Executive, UserId = "eva" });
        await Tick(pia, id, DecisionPoint.Bp1);
        await Decide(pia, board, id, "Behovet er godt beskrevet");
        (await pia.GetProjectAsync(id, null)).Phase.Should().Be(Phase.Concept);

        await eva.AssignRoleAsync(id, null, null, new AssignRole { Role = ProjectRole.ProjectManager, UserId = "per" });
        await eva.AssignRoleAsync(id, null, null, new AssignRole { Role = ProjectRole.BenefitOwner, UserId = "bo" });
        await per.WriteBusinessCaseAsync(id, null, new WriteBusinessCase
        {
            Reasons = "Tettere oppfølging", Options = "Null, sensorer", ExpectedBenefits = "Færre innleggelser", ExpectedCosts = "2 MNOK",
            Timescale = "18 måneder", MajorRisks = "Personvern",
        });
        await eva.ReviewBusinessCaseAsync(id, null, null, new ReviewBusinessCase { Justified = true, Comment = "Forsvarlig" });
        await per.ReviewLessonsAsync(id, null, null, new ReviewLessons { LessonIds = [], NoneRelevantReason = "Ingen tidligere prosjekter på velferdsteknologi" });
        await Tick(per, id, DecisionPoint.Bp2);
        await Decide(per, board, id, "Konseptet er klart");
        (await pia.GetProjectAsync(id, null)).Phase.Should().Be(Phase.Planning);

        await eva.AssignRoleAsync(id, null, null, new AssignRole { Role = ProjectRole.SeniorUser, UserId = "siri" });
        await eva.AssignRoleAsync(id, null, null, new AssignRole { Role = ProjectRole.SeniorSupplier, UserId = "sven" });
        var product = await per.DefineProductAsync(id, null, null, new ProductRequest
        {
            Title = "Sensorpakke", Purpose = "Varsle hjemmetjenesten", Composition = "Sensorer", Derivation = "Kravspesifikasjon",
            QualityCriteria = [new QualityCriterion { Criterion = "Falsk alarm under 5 %", Method = "Pilot" }], AcceptanceCriteria = ["Brukerne beholder sensorene"],
            QualityResponsibleUserId = "sven", AcceptorUserId = "siri", ReceivingLineUnit = "Hjemmetjenesten", Stage = 1,
        });
        product.Acceptor.Name.Should().Be(TestPeople.NameOf("siri"), "a view names the person");
        await siri.ApproveProductAsync(id, product.Id, null, null, new ProductComment { Comment = "Dette trenger vi" });
        await eva.ReviewBusinessCaseAsync(id, null, null, new ReviewBusinessCase { Justified = true, Comment = "Fortsatt forsvarlig" });
        await Tick(per, id, DecisionPoint.Bp3);
        await board.SetProjectTolerancesAsync(id, null, new ToleranceSetRequest
        {
            Time = new DateBand { Plan = Day(2027, 6, 30), Lower = 30, Upper = 14 },
            Cost = new AmountBand { Plan = 2_000_000, Lower = 200_000, Upper = 100_000 },
            Quality = new AmountBand { Plan = 0, Upper = 3 },
            Scope = new AmountBand { Plan = 0, Upper = 2 },
            Risk = new AmountBand { Plan = 0, Upper = 40 },
            Benefit = new AmountBand { Plan = 500_000, Lower = 50_000 },
        });
        var stage = await per.PlanStageAsync(id, 1, null, new StagePlanRequest { PlannedEnd = Day(2027, 3, 31), Budget = 800_000, ProductsInScope = 1 });
        await eva.SetStageTolerancesAsync(id, 1, null, new ToleranceSetRequest
        {
            Time = new DateBand { Plan = Day(2027, 3, 31), Lower = 7, Upper = 7 },
            Cost = new AmountBand { Plan = 800_000, Lower = 50_000, Upper = 50_000 },
            Quality = new AmountBand { Plan = 0, Upper = 2 },
            Scope = new AmountBand { Plan = 0, Upper = 1 },
            Risk = new AmountBand { Plan = 0, Upper = 30 },
            Benefit = new AmountBand { Plan = 500_000, Lower = 20_000 },
        });
        await per.DefineBenefitAsync(id, null, null, new BenefitRequest
        {
            Title = "Færre timer", Type = BenefitType.Direct, OwnerUnit = "Hjemmetjenesten", OwnerUserId = "bo", Indicator = "Timer per uke", Unit = "timer",
            Baseline = new PointRequest { Value = 120, Date = Day(2026, 1, 1) },
            Target = new PointRequest { Value = 80, Date = Day(2028, 1, 1) },
            AllowedShortfall = 5, MeasurementInterval = "P3M",
        });
        // The people it concerns are heard, and their input is answered: you said, we did.
        var users = await per.AddStakeholderGroupAsync(id, null, null, new StakeholderGroupRequest { Name = "Brukere hjemme", Kind = GroupKind.ServiceUsers, HardToReach = true });
        var workshop = await per.RecordCoCreationActivityAsync(id, null, null, new ActivityRequest
        {
            Date = Day(2026, 3, 1), Kind = ActivityKind.Workshop, Phase = Phase.Planning, Level = InvolvementLevel.Consult, Summary = "Verksted om sensorene",
            Groups = [new ParticipationRequest { GroupId = users.Id, Participants = 8 }],
        });
        var said = await per.RecordCoCreationInputAsync(id, workshop.Id, null, null, new InputRequest { Text = "Alarmen må kunne skrus av om natten", GroupId = users.Id });
        var answered = await per.AnswerCoCreationInputAsync(id, said.Id, null, null, new InputResponseRequest { Outcome = InputOutcome.Adopted, Explanation = "Nattmodus er med" });
        answered.Response.Outcome.Should().Be(InputOutcome.Adopted);
        var gate = await eva.GetGateAsync(id, null, null);
        gate.AllowedDecisions.Should().Contain("stop").And.OnlyContain(d => d == "approve" || d == "reject" || d == "stop");
        (await pia.GetTolerancesAsync(id, null)).ActiveDimensions.Should().Contain("cost");
        await Decide(per, eva, id, "Planen er godkjent");

        var benefits = await pia.ListBenefitsAsync(id, null);
        benefits.Items.Select(b => (b.Title, b.Owner.Name, b.MeasurementInterval)).Should().Equal(("Færre timer", TestPeople.NameOf("bo"), "P3M"));
        var now = await pia.GetProjectAsync(id, null);
        now.Phase.Should().Be(Phase.Execution);
        now.Stage.Should().Be(1);
        stage.Should().NotBeNull();
        var decisions = await pia.ListDecisionsAsync(id, null, null, null);
        decisions.Items.Select(d => d.DecisionPoint).Should().Equal(DecisionPoint.Bp1, DecisionPoint.Bp2, DecisionPoint.Bp3);
        decisions.Items.Last().DecidedBy.Name.Should().Be(TestPeople.NameOf("eva"));
        var bp3 = await pia.GetDecisionAsync(id, decisions.Items.Last().Id, null);
        bp3.DecidedAs.Should().Be(Decider.Executive);
        bp3.Recommendation.Should().Be("Planen er godkjent");
        bp3.Criteria.Should().NotBeEmpty().And.OnlyContain(c => c.Met);

        // The change feed's decisions carry what the decisionMade webhook's data says, read with the class generated for it:
        // the decider as the id recorded.
        var feed = await board.GetEventsAsync(null, 100, id, ["decisionMade"], null);
        var recorded = feed.Items.Select(e => System.Text.Json.JsonSerializer.Deserialize<DecisionViewAsRecorded>(System.Text.Json.JsonSerializer.Serialize(e.Data))!).ToList();
        recorded.Select(d => (d.DecisionPoint, d.DecidedBy, d.DecidedAs)).Should().Equal(
            (DecisionPoint.Bp1, "bjorn", Decider.PortfolioBoard), (DecisionPoint.Bp2, "bjorn", Decider.PortfolioBoard), (DecisionPoint.Bp3, "eva", Decider.Executive));

        // A stale version comes back as the typed problem it is.
        var stale = await FluentActions.Awaiting(() => pia.WriteMandateAsync(id, $"\"{now.Version - 1}\"", new MandateRequest { Purpose = "x", Background = "y" }))
            .Should().ThrowAsync<ApiException<ProblemDetails>>();
        stale.Which.StatusCode.Should().Be(412);
        stale.Which.Result.Type.Should().Be("urn:projectmethod:problem:precondition-failed");
    }

    [Fact]
    public async Task A_generated_client_answers_an_idea_and_reads_the_portfolio_and_the_change_feed()
    {
        var (portal, board) = (As("innbyggerportal", GlobalRoles.Integrator), As("bjorn", GlobalRoles.PortfolioBoard));

        var idea = await portal.SubmitIdeaAsync(null, new SubmitIdea { Title = "Benker langs elva", Description = "Flere benker", Origin = IdeaOrigin.Citizen, Sector = "samfunn" });
        var answered = await board.TriageIdeaAsync(idea.Id, null, new TriageIdea { Decision = TriageDecision.Park, Rationale = "Tas opp i budsjettet neste år" });

        answered.Status.Should().Be(IdeaStatus.Parked);
        answered.TriagedBy.Name.Should().Be(TestPeople.NameOf("bjorn"));
        var portfolio = await board.GetPortfolioAsync(null, null, null, null, null, null, null, null);
        portfolio.Should().NotBeNull();
        var events = new List<CloudEvent>();
        string? cursor = null;
        do
        {
            var page = await portal.GetEventsAsync(cursor, 100, null, null, null);
            events.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        events.Should().Contain(e => e.Type == "no.projectmethod.ideaTriaged" && e.Actor == "bjorn", "the feed keeps the id the event was recorded with");
        events.Where(e => e.Type == "no.projectmethod.ideaTriaged")
            .Select(e => System.Text.Json.JsonSerializer.Deserialize<IdeaTriagedData>(System.Text.Json.JsonSerializer.Serialize(e.Data))!)
            .Should().Contain(d => d.IdeaId == idea.Id && d.Decision == TriageDecision.Park && d.Rationale == "Tas opp i budsjettet neste år" && d.ProjectId == null);
    }

    [Fact]
    public async Task A_client_Kiota_generated_reads_a_project_its_decisions_and_one_decision()
    {
        var project = await new Scenario(api).InConceptAsync();
        var http = api.As("nils");
        var kiota = new ProjectMethod.KiotaClient.ProjectMethodKiotaClient(
            new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(), httpClient: http)
            {
                BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
            });

        var read = await kiota.Api.V1.Projects[project.Id].GetAsync();
        var log = await kiota.Api.V1.Projects[project.Id].Decisions.GetAsync();
        var bp1 = await kiota.Api.V1.Projects[project.Id].Decisions[log!.Items![0].Id!.Value].GetAsync();

        read!.Phase.Should().Be(ProjectMethod.KiotaClient.Models.Phase.Concept);
        log.NextCursor.Should().BeNull();
        bp1!.DecidedBy!.Name.Should().Be(TestPeople.NameOf("bjorn"));
        bp1.DecidedAs.Should().Be(ProjectMethod.KiotaClient.Models.Decider.PortfolioBoard);
        bp1.Title.Should().Be("Digital hjemmetjeneste: BP1 godkjent (Forslag → Konsept)");
    }

    private static async Task Tick(ProjectMethodClient who, Guid id, DecisionPoint decisionPoint)
    {
        var checklist = await who.GetChecklistAsync(id, null);
        foreach (var item in checklist.Items.Where(i => i.DecisionPoint == decisionPoint))
        {
            await who.UpdateChecklistItemAsync(id, item.Id, null, new UpdateChecklistItem { Status = ChecklistStatus.Done });
        }
    }

    private static async Task Decide(ProjectMethodClient requester, ProjectMethodClient decider, Guid id, string recommendation)
    {
        await requester.RequestDecisionAsync(id, null, null, new RequestDecision { Recommendation = recommendation });
        await decider.DecideAsync(id, null, null, new MakeDecision { Decision = Decision.Approve, Rationale = "Kriteriene er oppfylt" });
    }
}
