using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public class CategoryTests
{
    private static readonly CategoryThresholds Thresholds = CategoryThresholds.Standard;

    [Theory]
    [InlineData(200_000, 4, 1, Scale.Low, Scale.High, ProjectCategory.Small)]
    [InlineData(5_000_000, 12, 1, Scale.Medium, Scale.Medium, ProjectCategory.Medium)]
    [InlineData(60_000_000, 36, 4, Scale.Medium, Scale.High, ProjectCategory.Large)]
    [InlineData(60_000_000, 3, 1, Scale.Low, Scale.High, ProjectCategory.Small)]
    [InlineData(1_000_000, 6, 2, Scale.Low, Scale.Low, ProjectCategory.Medium)]
    [InlineData(999_999, 5, 1, Scale.Medium, Scale.Medium, ProjectCategory.Small)]
    public void The_thresholds_suggest_what_most_of_the_five_facts_point_at(
        double cost, int months, int sectors, Scale uncertainty, Scale importance, ProjectCategory expected)
    {
        var facts = new CategoryFacts((decimal)cost, months, sectors, uncertainty, importance);
        Thresholds.Suggest(facts).Should().Be(expected);
        Thresholds.PerFact(facts).Should().HaveCount(5);
    }

    [Fact]
    public void A_version_not_tailored_reads_as_medium_and_tailoring_applies_the_profiles_dimensions_and_checklist()
    {
        var handbook = HandbookVersion.Standard with
        {
            Checklist = [new ChecklistItem("bp3-procurement", DecisionPoint.Bp3, "Anskaffelse", "Procurement", true), new ChecklistItem("bp3-risk", DecisionPoint.Bp3, "Risiko", "Risk", true)],
            Profiles = CategoryProfiles.Standard with { Small = CategoryProfile.Small with { OmittedChecklistItems = new HashSet<string> { "bp3-procurement" } } },
        };

        handbook.Category.Should().Be(ProjectCategory.Medium);
        var small = handbook.For(ProjectCategory.Small);
        small.Dimensions.Should().Equal(Dimension.Time, Dimension.Cost);
        small.Checklist.Select(i => i.Id).Should().Equal("bp3-risk");
        var medium = handbook.For(ProjectCategory.Medium);
        medium.Dimensions.Should().Equal(handbook.Dimensions);
        medium.Checklist.Should().HaveCount(2);
    }

    [Fact]
    public void A_large_project_needs_a_political_decision_and_independent_assurance_before_bp3_and_assurance_again_before_bp4()
    {
        var large = Facts.Ready(Phase.Planning) with { Handbook = HandbookVersion.Standard.For(ProjectCategory.Large) };
        var unmet = Gatekeeper.Default.Judge(large, DecisionPoint.Bp3).Where(c => !c.Met).ToList();
        unmet.Select(c => c.Id).Should().BeEquivalentTo("political-decision", "independent-assurance");
        unmet.Should().OnlyContain(c => c.Source == CriterionSource.Profile, "the category's profile asks for them, not the handbook");

        var met = large with { AdoptedPoliticalDecisions = 1, IndependentAssurances = new HashSet<DecisionPoint> { DecisionPoint.Bp3 } };
        Gatekeeper.Default.Judge(met, DecisionPoint.Bp3).Should().OnlyContain(c => c.Met);

        var closing = Facts.Ready(Phase.Execution, 1) with { Handbook = large.Handbook, IndependentAssurances = met.IndependentAssurances };
        Gatekeeper.Default.Judge(closing, DecisionPoint.Bp4).Single(c => c.Id == "independent-assurance").Met
            .Should().BeFalse("the assurance before BP3 does not assure the closure");

        var medium = Facts.Ready(Phase.Planning) with { Handbook = HandbookVersion.Standard.For(ProjectCategory.Medium) };
        Gatekeeper.Default.Judge(medium, DecisionPoint.Bp3).Should().OnlyContain(c => c.Met, "a medium project is the method untailored");
    }

    [Fact]
    public void A_criterion_the_handbook_switches_on_for_everyone_is_the_handbooks_whatever_the_category()
    {
        var handbook = HandbookVersion.Standard with { ExtraCriteria = new HashSet<string> { ExtraCriteria.PoliticalDecisionBeforeBp3 } };
        var small = Facts.Ready(Phase.Planning) with { Handbook = handbook.For(ProjectCategory.Small) };
        var criterion = Gatekeeper.Default.Judge(small, DecisionPoint.Bp3).Single(c => c.Id == "political-decision");
        (criterion.Met, criterion.Source).Should().Be((false, CriterionSource.Handbook));
    }

    [Fact]
    public void A_small_project_reaches_execution_without_a_senior_supplier_but_never_without_a_senior_user()
    {
        var withoutSupplier = Facts.Ready(Phase.Planning) with { Roles = [Facts.Executive, Facts.ProjectManager, Facts.BenefitOwner, Facts.SeniorUser] };
        Gatekeeper.Default.Judge(withoutSupplier, DecisionPoint.Bp3).Single(c => c.Id == "board-complete").Met.Should().BeFalse("medium needs a supplier");

        var small = withoutSupplier with { Handbook = HandbookVersion.Standard.For(ProjectCategory.Small) };
        var board = Gatekeeper.Default.Judge(small, DecisionPoint.Bp3).Single(c => c.Id == "board-complete");
        (board.Met, board.Source).Should().Be((true, CriterionSource.Profile));
        Gatekeeper.Default.Decide(small, Facts.Exec, DecisionPoint.Bp3, new OpenGateRequest(Guid.NewGuid(), DecisionPoint.Bp3, "per"), Decision.Approve, null)
            .Value!.To.Should().Be(Phase.Execution);

        var noUser = small with { Roles = [Facts.Executive, Facts.ProjectManager, Facts.BenefitOwner] };
        Gatekeeper.Default.Judge(noUser, DecisionPoint.Bp3).Single(c => c.Id == "board-complete").Met.Should().BeFalse("the users' voice never falls away");
    }

    [Fact]
    public void The_core_never_falls_away_a_profile_keeps_time_and_cost_and_names_only_known_criteria_and_items()
    {
        HandbookRules.Validate(HandbookVersion.Standard).Should().BeEmpty();
        var broken = HandbookVersion.Standard with
        {
            Profiles = new CategoryProfiles(
                CategoryProfile.Small with { Dimensions = [Dimension.Time] },
                CategoryProfile.Medium with { HighlightReportDays = 3, OmittedChecklistItems = new HashSet<string> { "no-such-item" } },
                CategoryProfile.Large with { ExtraCriteria = new HashSet<string> { "astrology" } }),
            CategoryThresholds = Thresholds with { LargeFromCost = 10 },
        };

        var faults = HandbookRules.Validate(broken);
        faults.Keys.Should().BeEquivalentTo("categories.small", "categories.medium", "categories.large", "categories.thresholds");
        faults["categories.medium"].Should().HaveCount(2);
    }

    [Theory]
    [InlineData(ProjectCategory.Medium, ProjectCategory.Large, true, false, true)]
    [InlineData(ProjectCategory.Large, ProjectCategory.Medium, true, false, true)]
    [InlineData(ProjectCategory.Medium, ProjectCategory.Small, true, false, false)]
    [InlineData(ProjectCategory.Small, ProjectCategory.Large, true, false, false)]
    [InlineData(ProjectCategory.Small, ProjectCategory.Large, false, true, true)]
    [InlineData(ProjectCategory.Large, ProjectCategory.Small, false, true, true)]
    [InlineData(ProjectCategory.Medium, ProjectCategory.Large, false, false, false)]
    public void The_executive_moves_a_project_between_medium_and_large_and_the_portfolio_board_makes_any_change(
        ProjectCategory from, ProjectCategory to, bool executive, bool board, bool allowed)
    {
        var error = CategoryRules.CheckChange(from, to, executive, board);
        (error is null).Should().Be(allowed);
        if (error is not null)
        {
            error.Kind.Should().Be(ErrorKind.Forbidden);
        }

        CategoryRules.CheckChange(to, to, true, true)!.Code.Should().Be("category-unchanged");
    }

    [Fact]
    public void A_category_is_named_only_by_approving_bp1_and_changed_only_once_confirmed()
    {
        CategoryRules.CheckConfirmation(ProjectCategory.Small, DecisionPoint.Bp1, Decision.Approve).Should().BeNull();
        CategoryRules.CheckConfirmation(null, DecisionPoint.Bp3, Decision.Approve).Should().BeNull();
        CategoryRules.CheckConfirmation(ProjectCategory.Small, DecisionPoint.Bp1, Decision.Reject)!.Code.Should().Be("category-at-bp1");
        CategoryRules.CheckConfirmation(ProjectCategory.Large, DecisionPoint.Bp2, Decision.Approve)!.Code.Should().Be("category-at-bp1");
        CategoryRules.CheckConfirmed(null)!.Code.Should().Be("category-not-confirmed");
        CategoryRules.CheckConfirmed(ProjectCategory.Small).Should().BeNull();
    }

    [Fact]
    public void Independent_assurance_is_recorded_while_the_project_heads_for_the_point_it_informs()
    {
        IndependentAssurance.CheckRecordable(DecisionPoint.Bp3, Phase.Planning).Should().BeNull();
        IndependentAssurance.CheckRecordable(DecisionPoint.Bp4, Phase.Execution).Should().BeNull();
        IndependentAssurance.CheckRecordable(DecisionPoint.Bp4, Phase.Planning)!.Code.Should().Be("decision-point-not-ahead");
        IndependentAssurance.CheckRecordable(DecisionPoint.Bp3, Phase.Closure)!.Code.Should().Be("decision-point-not-ahead");
    }

    [Fact]
    public void Without_a_senior_supplier_anyone_but_the_acceptor_answers_for_quality_and_the_executive_names_them()
    {
        IReadOnlyList<RoleAssignment> roles = [Facts.Executive, Facts.ProjectManager, Facts.BenefitOwner, Facts.SeniorUser];
        Products.ProductRules.CheckPeople(roles, "kari", "siri", seniorSupplierRequired: false).Should().BeNull();
        Products.ProductRules.CheckPeople(roles, "siri", "siri", seniorSupplierRequired: false)!.Code.Should().Be("quality-responsible-is-acceptor");
        Products.ProductRules.CheckPeople(roles, "kari", "siri")!.Code.Should().Be("quality-responsible-not-senior-supplier", "medium needs a supplier");
        Products.ProductRules.CheckPeople(Facts.Ready(Phase.Planning).Roles, "kari", "siri", seniorSupplierRequired: false)!.Code
            .Should().Be("quality-responsible-not-senior-supplier", "a project that has a Senior Supplier lets them answer for quality");
        Products.ProductRules.CheckNaming(Facts.Exec, Products.ProductState.Approved, executiveNames: true).Should().BeNull();
        Products.ProductRules.CheckNaming(Facts.Exec, Products.ProductState.Approved)!.Kind.Should().Be(ErrorKind.Forbidden);
        Products.ProductRules.CheckNaming(Facts.Pm, Products.ProductState.Approved, executiveNames: true)!.Kind.Should().Be(ErrorKind.Forbidden);
    }

    [Fact]
    public void An_open_action_past_its_day_is_overdue_and_only_its_owner_marks_it_done_once()
    {
        var today = new NodaTime.LocalDate(2026, 3, 10);
        DecisionActions.IsOverdue(ActionState.Open, today.PlusDays(-1), today).Should().BeTrue();
        DecisionActions.IsOverdue(ActionState.Open, today, today).Should().BeFalse("due today is not yet overdue");
        DecisionActions.IsOverdue(ActionState.Done, today.PlusDays(-9), today).Should().BeFalse();
        DecisionActions.CheckDone("per", "per", ActionState.Open).Should().BeNull();
        DecisionActions.CheckDone("eva", "per", ActionState.Open)!.Kind.Should().Be(ErrorKind.Forbidden);
        DecisionActions.CheckDone("per", "per", ActionState.Done)!.Code.Should().Be("action-done");
    }

    [Fact]
    public void A_large_project_passes_a_stage_boundary_and_bp4_only_with_no_overdue_action()
    {
        var large = Facts.Ready(Phase.Execution, 1) with { Handbook = HandbookVersion.Standard.For(ProjectCategory.Large), OverdueActions = 2 };
        foreach (var point in new[] { DecisionPoint.StageBoundary, DecisionPoint.Bp4 })
        {
            var criterion = Gatekeeper.Default.Judge(large, point).Single(c => c.Id == "actions-on-time");
            (criterion.Met, criterion.Source, criterion.Principle).Should().Be((false, CriterionSource.Profile, Principle.P4));
            Gatekeeper.Default.Judge(large with { OverdueActions = 0 }, point).Single(c => c.Id == "actions-on-time").Met.Should().BeTrue();
        }

        var medium = large with { Handbook = HandbookVersion.Standard.For(ProjectCategory.Medium) };
        Gatekeeper.Default.Judge(medium, DecisionPoint.Bp4).Should().NotContain(c => c.Id == "actions-on-time");
    }
}
