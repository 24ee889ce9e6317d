using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

public sealed class GateCriteriaTests
{
    private static readonly Gatekeeper Gates = Gatekeeper.Default;

    private static IReadOnlyList<string> Unmet(GateFacts facts, DecisionPoint point)
    {
        var decider = DecisionPoints.DeciderOf(point) == Decider.PortfolioBoard ? Facts.Board : Facts.Exec;
        var outcome = Gates.Decide(facts, decider, point, new OpenGateRequest(Guid.NewGuid(), point, "per"), Decision.Approve, null);
        outcome.Error.Should().NotBeNull();
        outcome.Error!.Code.Should().Be("criteria-unmet");
        return ((IEnumerable<CriterionResult>)outcome.Error.Extensions["unmetCriteria"]!).Select(c => c.Id).ToList();
    }

    private static IReadOnlyList<RoleAssignment> Without(ProjectRole role) =>
        Facts.Ready(Phase.Proposed).Roles.Where(r => r.Role != role).ToList();

    [Fact]
    public void Bp1_needs_a_written_mandate() =>
        Unmet(Facts.Ready(Phase.Proposed) with { Mandate = new Mandate("Formål", " ") }, DecisionPoint.Bp1).Should().Equal("mandate-written");

    [Fact]
    public void Bp1_needs_a_named_executive() =>
        Unmet(Facts.Ready(Phase.Proposed) with { Roles = Without(ProjectRole.Executive) }, DecisionPoint.Bp1).Should().Equal("executive-named");

    [Theory]
    [InlineData(Phase.Concept, DecisionPoint.Bp2)]
    [InlineData(Phase.Planning, DecisionPoint.Bp3)]
    [InlineData(Phase.Execution, DecisionPoint.StageBoundary)]
    [InlineData(Phase.Execution, DecisionPoint.Bp4)]
    public void The_business_case_must_be_confirmed_in_this_phase(Phase phase, DecisionPoint point)
    {
        var ready = Facts.Ready(phase);

        Unmet(ready with { BusinessCaseVersion = null }, point).Should().Equal("business-case-confirmed");
        Unmet(ready with { LatestBusinessCaseReview = null }, point).Should().Equal("business-case-confirmed");
        Unmet(ready with { LatestBusinessCaseReview = ready.LatestBusinessCaseReview! with { Phase = Phase.Proposed, Stage = null } }, point)
            .Should().Equal("business-case-confirmed");
        Unmet(ready with { BusinessCaseVersion = 3 }, point).Should().Equal("business-case-confirmed");
    }

    [Fact]
    public void A_confirmation_in_an_earlier_stage_does_not_count_at_the_stage_boundary()
    {
        var facts = Facts.Ready(Phase.Execution, stage: 2) with { LatestBusinessCaseReview = new BusinessCaseReview(2, Phase.Execution, 1, true) };

        Unmet(facts, DecisionPoint.StageBoundary).Should().Equal("business-case-confirmed");
    }

    [Fact]
    public void Bp2_needs_a_lessons_review() =>
        Unmet(Facts.Ready(Phase.Concept) with { LessonsReviewed = false }, DecisionPoint.Bp2).Should().Equal("lessons-reviewed");

    [Theory]
    [InlineData(ProjectRole.ProjectManager)]
    [InlineData(ProjectRole.BenefitOwner)]
    public void Bp2_needs_the_core_roles(ProjectRole missing) =>
        Unmet(Facts.Ready(Phase.Concept) with { Roles = Without(missing) }, DecisionPoint.Bp2).Should().Equal("core-roles-assigned");

    [Fact]
    public void Bp2_refuses_an_executive_who_is_also_project_manager()
    {
        var roles = new[] { Facts.Executive, Facts.Role(ProjectRole.ProjectManager, "eva"), Facts.BenefitOwner };

        Unmet(Facts.Ready(Phase.Concept) with { Roles = roles }, DecisionPoint.Bp2).Should().Equal("role-rules-hold");
    }

    [Theory]
    [InlineData(ProjectRole.SeniorUser)]
    [InlineData(ProjectRole.SeniorSupplier)]
    public void Bp3_needs_a_complete_board(ProjectRole missing) =>
        Unmet(Facts.Ready(Phase.Planning) with { Roles = Without(missing) }, DecisionPoint.Bp3).Should().Equal("board-complete");

    [Fact]
    public void Bp3_refuses_a_project_manager_on_the_board_unless_the_handbook_allows_it()
    {
        var roles = Facts.Ready(Phase.Planning).Roles.Append(Facts.Role(ProjectRole.SeniorUser, "per")).ToList();

        Unmet(Facts.Ready(Phase.Planning) with { Roles = roles }, DecisionPoint.Bp3).Should().Equal("role-rules-hold");
        Gates.Decide(Facts.Ready(Phase.Planning) with { Roles = roles, Handbook = Handbooks.HandbookVersion.Standard with { RoleWaivers = new Handbooks.RoleWaivers(ProjectManagerMayHoldBoardRole: true) } }, Facts.Exec, DecisionPoint.Bp3,
            new OpenGateRequest(Guid.NewGuid(), DecisionPoint.Bp3, "per"), Decision.Approve, null).Error.Should().BeNull();
    }

    [Fact]
    public void Bp5_needs_the_end_report_and_the_lessons_report()
    {
        Unmet(Facts.Ready(Phase.Closure) with { EndReportWritten = false }, DecisionPoint.Bp5).Should().Equal("end-report-written");
        Unmet(Facts.Ready(Phase.Closure) with { LessonsReportWritten = false }, DecisionPoint.Bp5).Should().Equal("lessons-report-written");
    }

    [Theory]
    [InlineData(ChecklistStatus.Open)]
    [InlineData(ChecklistStatus.StillOpen)]
    public void A_mandatory_checklist_item_that_is_not_done_blocks_approval(ChecklistStatus status)
    {
        var item = new ChecklistItem("bp2-risk", DecisionPoint.Bp2, "Risiko", "Risks", Mandatory: true);
        var facts = Facts.Ready(Phase.Concept) with { Checklist = [new ChecklistEntry(item, status, "Vi tar det senere")] };

        Unmet(facts, DecisionPoint.Bp2).Should().Equal("checklist-complete");
    }

    [Fact]
    public void Optional_items_and_items_of_other_decision_points_do_not_block()
    {
        var optional = new ChecklistItem("bp2-opt", DecisionPoint.Bp2, "Valgfritt", "Optional", Mandatory: false);
        var other = new ChecklistItem("bp3-x", DecisionPoint.Bp3, "Senere", "Later", Mandatory: true);
        var facts = Facts.Ready(Phase.Concept) with
        {
            Checklist = [new(optional, ChecklistStatus.Open, null), new(other, ChecklistStatus.Open, null)],
        };

        Gates.Evaluate(facts, DecisionPoint.Bp2, null).Criteria.Should().OnlyContain(c => c.Met);
    }

    [Fact]
    public void Every_decision_point_has_criteria_named_by_principle()
    {
        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            CriteriaCatalogue.Default.For(point).Should().NotBeEmpty().And.Contain(c => c.Id == "checklist-complete");
        }
    }

    [Fact]
    public void The_evaluation_reports_met_and_unmet_criteria_with_detail()
    {
        var evaluation = Gates.Evaluate(Facts.Ready(Phase.Concept) with { LessonsReviewed = false }, DecisionPoint.Bp2, null);

        evaluation.Decider.Should().Be(Decider.PortfolioBoard);
        evaluation.To.Should().Be(Phase.Planning);
        evaluation.Criteria.Should().ContainSingle(c => !c.Met).Which.Should().Match<CriterionResult>(c =>
            c.Id == "lessons-reviewed" && c.Principle == Principle.P2 && c.Detail == "No lessons review is recorded.");
    }
}
