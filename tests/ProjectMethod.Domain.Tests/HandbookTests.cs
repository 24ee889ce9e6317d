using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public class HandbookTests
{
    private static readonly HandbookVersion Valid = HandbookVersion.Standard with
    {
        Checklist = [new ChecklistItem("bp1-need", DecisionPoint.Bp1, "Behov", "Need", true)],
        ApprovalModes = new Dictionary<DecisionPoint, ApprovalMode> { [DecisionPoint.Bp3] = ApprovalMode.BoardConsensus },
        ExtraCriteria = new HashSet<string> { ExtraCriteria.RiskAssessmentBeforeBp2 },
    };

    [Fact]
    public void The_standard_version_validates_and_waives_nothing()
    {
        HandbookRules.Validate(Valid).Should().BeEmpty();
        HandbookVersion.Standard.RoleWaivers.Should().Be(new RoleWaivers(false, false));
        Enum.GetValues<DecisionPoint>().Should().OnlyContain(p => HandbookVersion.Standard.ApprovalModeAt(p) == ApprovalMode.SingleDecider);
    }

    [Theory]
    [InlineData("dimensions")]
    [InlineData("atRiskThreshold")]
    [InlineData("approvalMode")]
    [InlineData("extraCriteria")]
    [InlineData("checklists")]
    [InlineData("defaultTolerances")]
    [InlineData("name")]
    public void Each_fault_is_named_by_its_field(string field)
    {
        var broken = field switch
        {
            "dimensions" => Valid with { Dimensions = [Dimension.Time, Dimension.Quality] },
            "atRiskThreshold" => Valid with { AtRiskThreshold = 1 },
            "approvalMode" => Valid with { ApprovalModes = new Dictionary<DecisionPoint, ApprovalMode> { [DecisionPoint.Bp6] = ApprovalMode.BoardConsensus } },
            "extraCriteria" => Valid with { ExtraCriteria = new HashSet<string> { "astrology" } },
            "checklists" => Valid with { Checklist = [new ChecklistItem("Ugyldig ID", DecisionPoint.Bp1, "A", "A", true)] },
            "defaultTolerances" => Valid with
            {
                Dimensions = [Dimension.Time, Dimension.Cost],
                DefaultTolerances = new Dictionary<ToleranceLevel, IReadOnlyDictionary<Dimension, ToleranceBand>>
                {
                    [ToleranceLevel.Stage] = new Dictionary<Dimension, ToleranceBand> { [Dimension.Quality] = new(0, 2) },
                },
            },
            _ => Valid with { Name = " " },
        };

        HandbookRules.Validate(broken).Keys.Should().Equal(field);
    }

    [Fact]
    public void A_draft_is_published_only_once_valid_and_a_published_version_never_changes()
    {
        var faults = HandbookRules.Validate(Valid with { AtRiskThreshold = 0 });
        var refused = HandbookDraftMachine.Check(new DraftConditions(HandbookState.Draft, faults), HandbookDraftMachine.Trigger.Publish);
        refused!.Code.Should().Be("handbook-invalid");
        refused.Extensions["errors"].Should().BeSameAs(faults);

        HandbookDraftMachine.Check(new DraftConditions(HandbookState.Draft, HandbookRules.Validate(Valid)), HandbookDraftMachine.Trigger.Publish).Should().BeNull();
        HandbookDraftMachine.Check(new DraftConditions(HandbookState.Draft, faults), HandbookDraftMachine.Trigger.Edit).Should().BeNull();
        foreach (var trigger in Enum.GetValues<HandbookDraftMachine.Trigger>())
        {
            HandbookDraftMachine.Check(new DraftConditions(HandbookState.Published, new Dictionary<string, string[]>()), trigger)!.Code.Should().Be("handbook-published");
        }
    }

    [Fact]
    public void A_draft_keeps_only_what_can_be_stored()
    {
        var twice = Valid with { Checklist = [new("a", DecisionPoint.Bp1, "A", "A", true), new("a", DecisionPoint.Bp2, "B", "B", false)] };
        HandbookRules.CheckStorable(twice)["checklists"].Should().ContainSingle().Which.Should().Contain("used twice");
        HandbookRules.CheckStorable(Valid with { Checklist = [new(new string('x', 65), DecisionPoint.Bp1, "A", "A", true)] }).Should().ContainKey("checklists");
        HandbookRules.CheckStorable(Valid with { Checklist = [new("Ugyldig ID", DecisionPoint.Bp1, "A", "A", true)] }).Should().BeEmpty("the format is judged at publishing");
    }

    [Fact]
    public void A_project_moves_only_to_a_newer_published_version_that_breaks_nothing_in_force()
    {
        var v2 = Valid with { Version = 2, Dimensions = [Dimension.Time, Dimension.Cost, Dimension.Risk] };
        HandbookRules.CheckMove(Valid, v2, [], Facts.Ready(Phase.Execution).Roles).Should().BeNull();
        HandbookRules.CheckMove(Valid, Valid, [], [])!.Code.Should().Be("handbook-not-newer");
        HandbookRules.CheckMove(Valid, v2 with { State = HandbookState.Draft }, [], [])!.Code.Should().Be("handbook-not-newer");
        HandbookRules.CheckMove(Valid, v2 with { Sector = "kultur" }, [], [])!.Code.Should().Be("handbook-not-newer");

        var dropped = HandbookRules.CheckMove(Valid, v2, [Dimension.Quality], []);
        dropped!.Code.Should().Be("handbook-move-breaks");
        dropped.Detail.Should().Contain("quality");
        HandbookRules.CheckMove(Valid, v2, [Dimension.Risk], []).Should().BeNull();

        var waived = Valid with { RoleWaivers = new RoleWaivers(SeniorUserMayBeSeniorSupplier: true) };
        IReadOnlyCollection<RoleAssignment> inHouse = [Facts.Executive, Facts.Role(ProjectRole.SeniorUser, "siri"), Facts.Role(ProjectRole.SeniorSupplier, "siri")];
        HandbookRules.CheckMove(waived, v2, [], inHouse)!.Detail.Should().Contain("seniorUserMayBeSeniorSupplier");
        HandbookRules.CheckMove(waived, v2 with { RoleWaivers = waived.RoleWaivers }, [], inHouse).Should().BeNull();
    }

    [Fact]
    public void Each_waiver_relaxes_only_the_rule_that_names_it()
    {
        IReadOnlyCollection<RoleAssignment> both = [Facts.Role(ProjectRole.SeniorUser, "siri"), Facts.Role(ProjectRole.SeniorSupplier, "siri")];
        RoleRules.Violations(both, RoleWaivers.None).Select(v => v.Rule).Should().Equal("user-and-supplier-apart");
        RoleRules.Violations(both, new RoleWaivers(SeniorUserMayBeSeniorSupplier: true)).Should().BeEmpty();
        RoleRules.Violations(both, new RoleWaivers(ProjectManagerMayHoldBoardRole: true)).Should().NotBeEmpty();

        IReadOnlyCollection<RoleAssignment> pmOnBoard = [Facts.Role(ProjectRole.ProjectManager, "per"), Facts.Role(ProjectRole.SeniorUser, "per")];
        RoleRules.Violations(pmOnBoard, new RoleWaivers(SeniorUserMayBeSeniorSupplier: true)).Select(v => v.Rule).Should().Equal("project-manager-not-on-board");
        RoleRules.Violations(pmOnBoard, new RoleWaivers(ProjectManagerMayHoldBoardRole: true)).Should().BeEmpty();
    }

    [Fact]
    public void An_extra_criterion_is_judged_only_where_the_handbook_switches_it_on()
    {
        var standard = Facts.Ready(Phase.Concept);
        Gatekeeper.Default.Judge(standard, DecisionPoint.Bp2).Should().NotContain(c => c.Id == "risk-assessed");

        var asks = standard with { Handbook = Valid };
        var unmet = Gatekeeper.Default.Judge(asks, DecisionPoint.Bp2).Single(c => c.Id == "risk-assessed");
        (unmet.Met, unmet.Principle).Should().Be((false, Principle.P7));
        Gatekeeper.Default.Judge(asks with { AssessedRisks = 1 }, DecisionPoint.Bp2).Single(c => c.Id == "risk-assessed").Met.Should().BeTrue();
    }

    [Fact]
    public void A_handbook_may_ask_for_a_political_decision_adopting_the_project_before_bp3()
    {
        var ready = Facts.Ready(Phase.Planning);
        Gatekeeper.Default.Judge(ready, DecisionPoint.Bp3).Should().NotContain(c => c.Id == "political-decision");

        var asks = ready with { Handbook = HandbookVersion.Standard with { ExtraCriteria = new HashSet<string> { ExtraCriteria.PoliticalDecisionBeforeBp3 } } };
        var unmet = Gatekeeper.Default.Judge(asks, DecisionPoint.Bp3).Single(c => c.Id == "political-decision");
        (unmet.Met, unmet.Principle).Should().Be((false, Principle.P7));
        Gatekeeper.Default.Judge(asks with { AdoptedPoliticalDecisions = 1 }, DecisionPoint.Bp3).Single(c => c.Id == "political-decision").Met.Should().BeTrue();
        Gatekeeper.Default.Judge(asks, DecisionPoint.Bp2).Should().NotContain(c => c.Id == "political-decision");
    }

    [Fact]
    public void A_handbook_maps_each_kind_of_record_to_n_or_x_and_a_kind_it_leaves_out_keeps_the_methods_default()
    {
        var mapping = new Dictionary<string, char> { ["gateDecision"] = 'X', ["statusReport"] = 'N' };
        Domain.Archive.JournalTypes.Of(mapping, "gateDecision").Should().Be('X');
        Domain.Archive.JournalTypes.Of(mapping, "statusReport").Should().Be('N');
        Domain.Archive.JournalTypes.Of(mapping, "exceptionDecision").Should().Be('N', "a decision is followed up by default");
        Domain.Archive.JournalTypes.Of(mapping, "endReport").Should().Be('X', "a report is not");
        HandbookRules.Validate(HandbookVersion.Standard with { JournalTypes = mapping }).Should().NotContainKey("journalTypes");

        var broken = HandbookVersion.Standard with { JournalTypes = new Dictionary<string, char> { ["gateDecision"] = 'Q', ["minutes"] = 'N' } };
        HandbookRules.Validate(broken)["journalTypes"].Should().HaveCount(2).And.Contain(m => m.Contains("'minutes'")).And.Contain(m => m.Contains("'Q'"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(60, true)]
    [InlineData(0, false)]
    [InlineData(61, false)]
    [InlineData(-3, false)]
    public void A_handbook_reminds_of_what_falls_due_1_to_60_days_ahead_and_a_week_unless_it_says_otherwise(int days, bool valid)
    {
        HandbookVersion.Standard.ReminderDaysAhead.Should().Be(7);
        HandbookRules.Validate(HandbookVersion.Standard with { ReminderDaysAhead = days }).ContainsKey("reminderDaysAhead").Should().Be(!valid);
    }
}

public class BoardConsensusTests
{
    private static readonly HandbookVersion Consensus = HandbookVersion.Standard with
    {
        ApprovalModes = new Dictionary<DecisionPoint, ApprovalMode> { [DecisionPoint.Bp3] = ApprovalMode.BoardConsensus },
    };

    private static readonly OpenGateRequest Request = new(Guid.NewGuid(), DecisionPoint.Bp3, "per");

    private static GateFacts Ready(params GateVote[] votes) => Facts.Ready(Phase.Planning) with { Handbook = Consensus, Votes = votes };

    private static Outcome<GateDecisionOutcome> Vote(GateFacts facts, string who, Decision decision = Decision.Approve, string? rationale = "Ja") =>
        Gatekeeper.Default.Decide(facts, Facts.Standing(who), DecisionPoint.Bp3, Request, decision, rationale);

    [Fact]
    public void Every_board_member_approves_and_the_last_decides()
    {
        var first = Vote(Ready(), "eva").Value!;
        (first.Concluded, first.To).Should().Be((false, Phase.Planning));
        Vote(Ready(new GateVote("eva", Decision.Approve)), "siri").Value!.Concluded.Should().BeFalse();
        var last = Vote(Ready(new GateVote("eva", Decision.Approve), new GateVote("siri", Decision.Approve)), "sven").Value!;
        (last.Concluded, last.To, last.ToStage).Should().Be((true, Phase.Execution, 1));
        Gatekeeper.Consensus(Ready(new GateVote("eva", Decision.Approve)), Request).Awaited.Should().Equal("siri", "sven");
    }

    [Fact]
    public void One_reject_rejects_and_stop_stays_the_executives()
    {
        var rejected = Vote(Ready(new GateVote("eva", Decision.Approve)), "siri", Decision.Reject, "Nei").Value!;
        (rejected.Concluded, rejected.Decision, rejected.To).Should().Be((true, Decision.Reject, Phase.Planning));
        Vote(Ready(), "sven", Decision.Stop, "Stopp").Error!.Kind.Should().Be(ErrorKind.Forbidden);
        Vote(Ready(), "eva", Decision.Stop, "Stopp").Value!.Decision.Should().Be(Decision.Stop);
    }

    [Fact]
    public void Nobody_votes_twice_outside_the_board_or_on_their_own_request()
    {
        Vote(Ready(new GateVote("eva", Decision.Approve)), "eva").Error!.Code.Should().Be("already-voted");
        Vote(Ready(), "bo").Error!.Kind.Should().Be(ErrorKind.Forbidden);
        var ownRequest = Gatekeeper.Default.Decide(Ready(), Facts.Standing("siri"), DecisionPoint.Bp3, Request with { RequestedBy = "siri" }, Decision.Approve, "Ja");
        ownRequest.Error!.Code.Should().Be("four-eyes");
        Gatekeeper.Consensus(Ready(), Request with { RequestedBy = "siri" }).Required.Should().Equal("eva", "sven");
    }

    [Fact]
    public void The_criteria_are_judged_at_every_approval_and_a_single_decider_point_is_unchanged()
    {
        var unmet = Ready(new GateVote("eva", Decision.Approve), new GateVote("siri", Decision.Approve)) with { Products = [] };
        Vote(unmet, "sven").Error!.Code.Should().Be("criteria-unmet");

        Gatekeeper.Default.Decide(Facts.Ready(Phase.Planning), Facts.Standing("siri"), DecisionPoint.Bp3, Request, Decision.Approve, "Ja")
            .Error!.Kind.Should().Be(ErrorKind.Forbidden);
        Gatekeeper.Default.Decide(Facts.Ready(Phase.Planning), Facts.Exec, DecisionPoint.Bp3, Request, Decision.Approve, "Ja").Value!.Concluded.Should().BeTrue();
    }
}
