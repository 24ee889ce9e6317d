using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

public sealed class RoleChangeTests
{
    private static readonly RoleAssignment[] Board = [Facts.Executive, Facts.ProjectManager, Facts.BenefitOwner, Facts.SeniorUser, Facts.SeniorSupplier];

    [Fact]
    public void A_single_holder_role_is_replaced_where_a_second_assignment_would_be_refused()
    {
        var mistyped = Facts.Role(ProjectRole.Executive, "Eva");
        var rightful = Facts.Role(ProjectRole.Executive, "eva");

        RoleRules.CheckAssignment([mistyped], rightful, new RoleWaivers())!.Rule.Should().Be("single-executive");
        RoleRules.CheckReplacement([mistyped], mistyped, rightful, new RoleWaivers()).Should().BeNull();
    }

    [Theory]
    [InlineData(ProjectRole.Executive, "per", "executive-not-project-manager")]
    [InlineData(ProjectRole.SeniorUser, "sven", "user-and-supplier-apart")]
    [InlineData(ProjectRole.SeniorSupplier, "eva", "business-and-supplier-apart")]
    [InlineData(ProjectRole.BenefitOwner, "per", "benefit-owner-in-the-line")]
    [InlineData(ProjectRole.ProjectManager, "siri", "project-manager-not-on-board")]
    public void A_replacement_is_held_to_the_combination_rules(ProjectRole role, string newHolder, string rule)
    {
        var replaced = Board.Single(a => a.Role == role);

        RoleRules.CheckReplacement(Board, replaced, Facts.Role(role, newHolder), new RoleWaivers())!.Rule.Should().Be(rule);
    }

    [Fact]
    public void A_replacement_takes_the_role_of_the_assignment_it_replaces_and_names_somebody_else()
    {
        // The candidate's own role is not what counts: a replacement fills the role replaced.
        RoleRules.CheckReplacement(Board, Facts.Executive, Facts.Role(ProjectRole.TeamManager, "per"), new RoleWaivers())!.Rule
            .Should().Be("executive-not-project-manager");
        RoleRules.CheckReplacement(Board, Facts.Executive, Facts.Role(ProjectRole.Executive, "eva"), new RoleWaivers())!.Rule.Should().Be("same-holder");
        RoleRules.CheckReplacement(Board, Facts.Executive, Facts.Role(ProjectRole.Executive, "ella"), new RoleWaivers()).Should().BeNull();
    }

    [Theory]
    [InlineData(ProjectRole.Executive, Phase.Proposed, true)]
    [InlineData(ProjectRole.Executive, Phase.Concept, false)]
    [InlineData(ProjectRole.ProjectManager, Phase.Concept, true)]
    [InlineData(ProjectRole.ProjectManager, Phase.Planning, false)]
    [InlineData(ProjectRole.BenefitOwner, Phase.Concept, true)]
    [InlineData(ProjectRole.BenefitOwner, Phase.Realisation, false)]
    [InlineData(ProjectRole.SeniorUser, Phase.Planning, true)]
    [InlineData(ProjectRole.SeniorUser, Phase.Execution, false)]
    [InlineData(ProjectRole.SeniorSupplier, Phase.Closure, false)]
    [InlineData(ProjectRole.TeamManager, Phase.Execution, true)]
    [InlineData(ProjectRole.ProjectAssurance, Phase.Execution, true)]
    public void A_role_a_passed_decision_point_required_is_replaced_not_removed(ProjectRole role, Phase phase, bool mayRemove)
    {
        var removed = Facts.Role(role, "kari");

        var refusal = RoleRules.CheckRemoval([.. Board.Where(a => a.Role != role), removed], removed, phase);

        (refusal is null).Should().Be(mayRemove);
        if (!mayRemove)
        {
            refusal!.Rule.Should().Be("role-required");
        }
    }

    [Fact]
    public void One_of_several_senior_users_may_be_removed_in_execution()
    {
        var second = Facts.Role(ProjectRole.SeniorUser, "sara");

        RoleRules.CheckRemoval([.. Board, second], second, Phase.Execution).Should().BeNull();
        RoleRules.CheckRemoval([.. Board, second], Facts.SeniorUser, Phase.Execution).Should().BeNull();
        RoleRules.CheckRemoval(Board, Facts.SeniorUser, Phase.Execution)!.Rule.Should().Be("role-required");
    }
}
