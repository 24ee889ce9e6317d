using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Changes;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public class ChangeControlTests
{
    private static ProjectStanding Standing(string userId, params ProjectRole[] roles) =>
        new(new Actor(userId, userId, new HashSet<string>()), roles.ToHashSet(), false);

    private static readonly ProjectStanding Board = new(new Actor("bjorn", "Bjørn", new HashSet<string> { GlobalRoles.PortfolioBoard }), new HashSet<ProjectRole>(), false);

    private static readonly BaselineImpact Small = new(3, 15_000, 0, 0);

    [Fact]
    public void The_raiser_never_decides_the_executive_and_the_board_always_and_the_named_authority_only_within_its_limits()
    {
        var authority = new ChangeAuthority("sven", 20_000, 5);
        ChangeRules.CheckDecider(Standing("eva", ProjectRole.Executive), "eva", authority, Small).Should().NotBeNull("the Executive raised it");
        ChangeRules.CheckDecider(Standing("eva", ProjectRole.Executive), "siri", authority, new BaselineImpact(100, 9_000_000, 2, 2)).Should().BeNull();
        ChangeRules.CheckDecider(Board, "eva", authority, Small).Should().BeNull();
        ChangeRules.CheckDecider(Standing("sven", ProjectRole.SeniorSupplier), "siri", authority, Small).Should().BeNull();
        ChangeRules.CheckDecider(Standing("sven", ProjectRole.SeniorSupplier), "sven", authority, Small).Should().NotBeNull("four eyes hold for the authority too");
        ChangeRules.CheckDecider(Standing("sven", ProjectRole.SeniorSupplier), "siri", authority, Small with { Cost = -20_001 }).Should().NotBeNull("a saving counts too");
        ChangeRules.CheckDecider(Standing("sven", ProjectRole.SeniorSupplier), "siri", authority, Small with { Days = 6 }).Should().NotBeNull();
        ChangeRules.CheckDecider(Standing("sven", ProjectRole.SeniorSupplier), "siri", null, Small).Should().NotBeNull("nobody named him");
        ChangeRules.CheckDecider(Standing("per", ProjectRole.ProjectManager), "siri", authority, Small).Should().NotBeNull();
    }

    [Fact]
    public void Only_an_open_or_deferred_issue_is_decided_and_a_baseline_change_waits_for_a_planned_stage_under_way()
    {
        ChangeRules.CheckUndecided(ChangeState.Open).Should().BeNull();
        ChangeRules.CheckUndecided(ChangeState.Deferred).Should().BeNull();
        foreach (var decided in new[] { ChangeState.Approved, ChangeState.Rejected, ChangeState.Escalated })
        {
            ChangeRules.CheckUndecided(decided)!.Code.Should().Be("change-decided");
        }

        ChangeRules.CheckApprovable(Small, Phase.Execution, 1, stagePlanned: true).Should().BeNull();
        ChangeRules.CheckApprovable(Small, Phase.Planning, null, stagePlanned: false)!.Code.Should().Be("change-needs-stage");
        ChangeRules.CheckApprovable(Small, Phase.Execution, 1, stagePlanned: false)!.Code.Should().Be("change-needs-stage");
        ChangeRules.CheckApprovable(new BaselineImpact(0, 0, 0, 0), Phase.Planning, null, stagePlanned: false).Should().BeNull("a problem moves no baseline");
        ChangeRules.CheckRaise(Standing("nils"), Phase.Execution).Should().NotBeNull();
        ChangeRules.CheckRaise(Standing("tom", ProjectRole.TeamManager), Phase.Completed)!.Code.Should().Be("project-closed");
    }

    [Fact]
    public void A_change_is_judged_from_whichever_of_plan_and_forecast_lies_further_its_way()
    {
        ChangeRules.Judged(800_000, null, 30_000).Should().Be(830_000);
        ChangeRules.Judged(800_000, 840_000, 20_000).Should().Be(860_000);
        ChangeRules.Judged(800_000, 760_000, 20_000).Should().Be(820_000);
        ChangeRules.Judged(800_000, 760_000, -10_000).Should().Be(750_000);
        ChangeRules.Judged(800_000, 840_000, -10_000).Should().Be(790_000);
    }

    [Theory]
    [InlineData(800_000, 50_000, 50_000, 30_000)]
    [InlineData(800_000, 50_000, 50_000, 50_000)]
    [InlineData(800_000, 50_000, 50_000, -50_000)]
    [InlineData(800_000, 0, 100_000, 0)]
    [InlineData(46_000, 7, 7, -3)]
    public void A_moved_tolerance_keeps_its_limits_for_any_shift_inside_them(double plan, double below, double above, double shift)
    {
        var tolerance = new Tolerance(Dimension.Cost, (decimal)plan, (decimal)below, (decimal)above);
        var moved = ChangeRules.Moved(tolerance, (decimal)shift);
        (moved.Plan, moved.LowestAllowed, moved.HighestAllowed).Should().Be(((decimal)(plan + shift), tolerance.LowestAllowed, tolerance.HighestAllowed));
        (moved.Below >= 0 && moved.Above >= 0).Should().BeTrue();
    }
}
