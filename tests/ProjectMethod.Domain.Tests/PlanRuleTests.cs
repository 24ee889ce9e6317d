using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

/// <summary>What a plan, a forecast, a booking and a product breakdown may name, judged from the facts alone.</summary>
public sealed class PlanRuleTests
{
    private static ToleranceSet Set(ToleranceLevel level, decimal plan, decimal below, decimal above) =>
        new(level, new Dictionary<Dimension, Tolerance> { [Dimension.Cost] = new(Dimension.Cost, plan, below, above) });

    [Theory]
    [InlineData(Phase.Concept, null, 1, null)]
    [InlineData(Phase.Planning, null, 2, null)]
    [InlineData(Phase.Execution, 2, 2, null)]
    [InlineData(Phase.Execution, 2, 1, "stage-over")]
    [InlineData(Phase.Closure, null, 3, "stage-planning-closed")]
    [InlineData(Phase.Proposed, null, 1, "stage-planning-closed")]
    public void Stages_are_planned_before_and_during_execution_and_never_one_that_is_over(Phase phase, int? current, int stage, string? refused)
    {
        var error = Stages.CheckPlannable(phase, current, stage);

        error?.Code.Should().Be(refused);
        (error is null).Should().Be(refused is null);
    }

    [Fact]
    public void Costs_are_booked_to_a_planned_stage_and_forecasts_are_for_the_stage_under_way()
    {
        Stages.CheckPlanned(2, [1, 2]).Should().BeNull();
        Stages.CheckPlanned(3, [1, 2])!.Code.Should().Be("stage-not-planned");

        Stages.CheckUnderWay(Phase.Execution, 2, 2).Should().BeNull();
        var past = Stages.CheckUnderWay(Phase.Execution, 2, 1);
        past!.Code.Should().Be("not-the-current-stage");
        past.Detail.Should().Be("Forecasts are for the stage under way; the project is execution in stage 2.");
        Stages.CheckUnderWay(Phase.Planning, null, 1)!.Detail.Should().Be("Forecasts are for the stage under way; the project is planning.");
    }

    [Fact]
    public void A_forecast_is_judged_only_against_tolerances_that_are_set()
    {
        ToleranceRules.CheckJudgeable(1, stageTolerance: true, projectValues: true, projectTolerance: true).Should().BeNull();
        ToleranceRules.CheckJudgeable(1, stageTolerance: true, projectValues: false, projectTolerance: false).Should().BeNull();
        ToleranceRules.CheckJudgeable(1, stageTolerance: false, projectValues: false, projectTolerance: true)!.Code.Should().Be("no-stage-tolerance");
        ToleranceRules.CheckJudgeable(1, stageTolerance: true, projectValues: true, projectTolerance: false)!.Code.Should().Be("no-project-tolerance");
    }

    [Fact]
    public void A_work_package_lies_inside_a_stage_that_has_tolerances()
    {
        var stage = Set(ToleranceLevel.Stage, 100, 10, 10);

        ToleranceRules.CheckInsideStage(1, stage, Set(ToleranceLevel.WorkPackage, 100, 5, 5)).Should().BeNull();
        ToleranceRules.CheckInsideStage(1, stage, Set(ToleranceLevel.WorkPackage, 100, 5, 20))!.Code.Should().Be("outside-tolerance-limit");
        ToleranceRules.CheckInsideStage(1, null, Set(ToleranceLevel.WorkPackage, 100, 5, 5))!.Code.Should().Be("no-stage-tolerance");
    }

    [Fact]
    public void A_work_package_is_led_by_a_team_manager_of_the_project_and_its_issue_is_resolved_once()
    {
        var roles = new[]
        {
            new RoleAssignment(Guid.NewGuid(), ProjectRole.TeamManager, "tm", "Tm"),
            new RoleAssignment(Guid.NewGuid(), ProjectRole.ProjectManager, "pm", "Pm"),
        };

        ToleranceRules.CheckTeamManager(roles, "tm").Should().BeNull();
        ToleranceRules.CheckTeamManager(roles, "pm")!.Code.Should().Be("not-a-team-manager");
        ToleranceRules.CheckIssueOpen(open: true).Should().BeNull();
        ToleranceRules.CheckIssueOpen(open: false)!.Code.Should().Be("issue-resolved");
    }

    [Fact]
    public void A_description_changes_while_a_draft_and_a_removed_product_goes_to_no_line_unit()
    {
        ProductRules.CheckRedescribe(ProductState.Draft).Should().BeNull();
        ProductRules.CheckRedescribe(ProductState.Approved)!.Detail.Should().Be("The product is approved: its description was approved and no longer changes.");

        ProductRules.CheckLineUnit(ProductState.Accepted).Should().BeNull();
        ProductRules.CheckLineUnit(ProductState.RemovedFromScope)!.Code.Should().Be("product-final");
    }

    [Fact]
    public void A_product_is_part_of_a_product_in_scope_and_a_breakdown_has_no_cycles()
    {
        Guid whole = Guid.NewGuid(), part = Guid.NewGuid(), removed = Guid.NewGuid();
        var inScope = new Dictionary<Guid, (string, ProductState)>
        {
            [whole] = ("Skolebygg", ProductState.Draft), [part] = ("Gymsal", ProductState.Draft), [removed] = ("Basseng", ProductState.RemovedFromScope),
        };
        var parentOf = new Dictionary<Guid, Guid?> { [whole] = null, [part] = whole, [removed] = null };

        ProductRules.CheckParent((part, "Gymsal"), whole, inScope, parentOf).Should().BeNull();
        ProductRules.CheckParent((part, "Gymsal"), removed, inScope, parentOf)!.Code.Should().Be("product-parent-invalid");
        ProductRules.CheckParent((part, "Gymsal"), Guid.NewGuid(), inScope, parentOf)!.Code.Should().Be("product-parent-invalid");
        ProductRules.CheckParent((whole, "Skolebygg"), part, inScope, parentOf)!.Detail.Should().Be("Gymsal is part of Skolebygg: a breakdown has no cycles.");
    }

    [Fact]
    public void A_product_is_delivered_by_a_work_package_of_its_stage_and_carried_on_only_unfinished_from_an_earlier_stage()
    {
        var package = Guid.NewGuid();
        ProductRules.CheckWorkPackage(package, ("Riving", 2), 2).Should().BeNull();
        ProductRules.CheckWorkPackage(package, ("Riving", 1), 2)!.Detail.Should().Be("Riving is a work package of stage 1; the product is delivered in stage 2.");
        ProductRules.CheckWorkPackage(package, null, 2)!.Code.Should().Be("work-package-invalid");

        var product = Guid.NewGuid();
        ProductRules.CheckCarriable(product, ("Gymsal", 1, ProductState.InReview), 2).Should().BeNull();
        ProductRules.CheckCarriable(product, ("Gymsal", 2, ProductState.InReview), 2)!.Code.Should().Be("product-not-carriable");
        ProductRules.CheckCarriable(product, ("Gymsal", 1, ProductState.Accepted), 2)!.Code.Should().Be("product-not-carriable");
        ProductRules.CheckCarriable(product, null, 2)!.Detail.Should().Be($"Product {product} is not a product of this project.");
    }
}
