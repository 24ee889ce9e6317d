using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

public sealed class RoleRulesTests
{
    private static RoleRuleViolation? Assign(ProjectRole role, string userId, bool pmMayHoldBoardRole = false, params RoleAssignment[] existing) =>
        RoleRules.CheckAssignment(existing, Facts.Role(role, userId), new Handbooks.RoleWaivers(ProjectManagerMayHoldBoardRole: pmMayHoldBoardRole));

    [Theory]
    [InlineData(ProjectRole.Executive, ProjectRole.ProjectManager, "executive-not-project-manager")]
    [InlineData(ProjectRole.ProjectManager, ProjectRole.Executive, "executive-not-project-manager")]
    [InlineData(ProjectRole.ProjectManager, ProjectRole.ProjectAssurance, "assurance-independent")]
    [InlineData(ProjectRole.TeamManager, ProjectRole.ProjectAssurance, "assurance-independent")]
    [InlineData(ProjectRole.ProjectManager, ProjectRole.SeniorUser, "project-manager-not-on-board")]
    [InlineData(ProjectRole.ProjectManager, ProjectRole.SeniorSupplier, "project-manager-not-on-board")]
    [InlineData(ProjectRole.Executive, ProjectRole.SeniorSupplier, "business-and-supplier-apart")]
    [InlineData(ProjectRole.SeniorUser, ProjectRole.SeniorSupplier, "user-and-supplier-apart")]
    [InlineData(ProjectRole.ProjectManager, ProjectRole.BenefitOwner, "benefit-owner-in-the-line")]
    [InlineData(ProjectRole.SeniorSupplier, ProjectRole.BenefitOwner, "benefit-owner-in-the-line")]
    [InlineData(ProjectRole.TeamManager, ProjectRole.BenefitOwner, "benefit-owner-in-the-line")]
    public void A_person_cannot_combine_roles_the_method_keeps_apart(ProjectRole held, ProjectRole added, string rule) =>
        Assign(added, "kari", false, Facts.Role(held, "kari"))!.Rule.Should().Be(rule);

    [Theory]
    [InlineData(ProjectRole.Executive, ProjectRole.SeniorUser)]
    [InlineData(ProjectRole.Executive, ProjectRole.BenefitOwner)]
    [InlineData(ProjectRole.SeniorUser, ProjectRole.BenefitOwner)]
    [InlineData(ProjectRole.ProjectManager, ProjectRole.TeamManager)]
    public void The_combinations_the_method_allows_are_accepted(ProjectRole held, ProjectRole added) =>
        Assign(added, "kari", false, Facts.Role(held, "kari")).Should().BeNull();

    [Fact]
    public void The_handbook_may_let_the_project_manager_sit_on_the_board_but_never_as_executive()
    {
        Assign(ProjectRole.SeniorUser, "per", true, Facts.ProjectManager).Should().BeNull();
        Assign(ProjectRole.Executive, "per", true, Facts.ProjectManager)!.Rule.Should().Be("executive-not-project-manager");
    }

    [Theory]
    [InlineData(ProjectRole.Executive, "single-executive")]
    [InlineData(ProjectRole.ProjectManager, "single-project-manager")]
    [InlineData(ProjectRole.BenefitOwner, "single-benefit-owner")]
    public void Single_holder_roles_take_one_person(ProjectRole role, string rule) =>
        Assign(role, "ny", false, Facts.Role(role, "gammel"))!.Rule.Should().Be(rule);

    [Fact]
    public void Several_senior_users_and_suppliers_are_fine() =>
        Assign(ProjectRole.SeniorUser, "ny", false, Facts.SeniorUser, Facts.SeniorSupplier).Should().BeNull();

    [Fact]
    public void The_same_role_twice_is_refused() =>
        Assign(ProjectRole.SeniorUser, "siri", false, Facts.SeniorUser)!.Rule.Should().Be("no-duplicate-role");

    [Fact]
    public void An_existing_breach_does_not_block_an_unrelated_assignment()
    {
        // Two project managers got in some other way (say the handbook changed); a new senior user is still assignable.
        var existing = new[] { Facts.ProjectManager, Facts.Role(ProjectRole.ProjectManager, "pål") };

        Assign(ProjectRole.SeniorUser, "siri", false, existing).Should().BeNull();
    }

    [Fact]
    public void The_portfolio_board_appoints_the_executive_and_the_executive_the_rest()
    {
        ProjectAccess.Check(Facts.Board, ProjectAccess.AppointmentOf(ProjectRole.Executive)).Should().BeNull();
        ProjectAccess.Check(Facts.Exec, ProjectAccess.AppointmentOf(ProjectRole.Executive)).Should().NotBeNull();
        ProjectAccess.Check(Facts.Exec, ProjectAccess.AppointmentOf(ProjectRole.SeniorUser)).Should().BeNull();
        ProjectAccess.Check(Facts.Board, ProjectAccess.AppointmentOf(ProjectRole.SeniorUser)).Should().BeNull();
        ProjectAccess.Check(Facts.Pm, ProjectAccess.AppointmentOf(ProjectRole.TeamManager))!.Detail.Should().Contain("Executive");
    }

    [Theory]
    [InlineData(ProjectAction.WriteMandate, "pia", true)]
    [InlineData(ProjectAction.WriteMandate, "eva", true)]
    [InlineData(ProjectAction.WriteMandate, "per", false)]
    [InlineData(ProjectAction.WriteBusinessCase, "per", true)]
    [InlineData(ProjectAction.WriteBusinessCase, "eva", true)]
    [InlineData(ProjectAction.WriteBusinessCase, "siri", false)]
    [InlineData(ProjectAction.ReviewBusinessCase, "eva", true)]
    [InlineData(ProjectAction.ReviewBusinessCase, "per", false)]
    [InlineData(ProjectAction.RecordLesson, "sven", true)]
    [InlineData(ProjectAction.RecordLesson, "ukjent", false)]
    [InlineData(ProjectAction.ReviewLessons, "per", true)]
    [InlineData(ProjectAction.ReviewLessons, "eva", false)]
    [InlineData(ProjectAction.WriteLessonsReport, "per", true)]
    [InlineData(ProjectAction.WriteEndReport, "eva", false)]
    [InlineData(ProjectAction.ManageProducts, "per", true)]
    [InlineData(ProjectAction.ManageProducts, "eva", false)]
    [InlineData(ProjectAction.ManageProducts, "siri", false)]
    [InlineData(ProjectAction.NameQualityResponsible, "sven", true)]
    [InlineData(ProjectAction.NameQualityResponsible, "per", false)]
    [InlineData(ProjectAction.NameQualityResponsible, "eva", false)]
    [InlineData(ProjectAction.MoveHandbook, "eva", true)]
    [InlineData(ProjectAction.MoveHandbook, "per", false)]
    [InlineData(ProjectAction.MoveHandbook, "siri", false)]
    public void Who_may_do_what_follows_the_table(ProjectAction action, string userId, bool allowed) =>
        (ProjectAccess.Check(Facts.Standing(userId), action) is null).Should().Be(allowed);

    [Theory]
    [InlineData(ChecklistStatus.NotRelevant, "for kort", false)]
    [InlineData(ChecklistStatus.NotRelevant, "Gjelder ikke dette prosjektet", true)]
    [InlineData(ChecklistStatus.StillOpen, null, false)]
    [InlineData(ChecklistStatus.StillOpen, "Avklares i neste fase", true)]
    [InlineData(ChecklistStatus.Done, null, true)]
    [InlineData(ChecklistStatus.Open, null, true)]
    public void Not_relevant_and_still_open_need_a_justification_of_ten_characters(ChecklistStatus status, string? comment, bool valid) =>
        (ChecklistRules.Validate(status, comment) is null).Should().Be(valid);
}
