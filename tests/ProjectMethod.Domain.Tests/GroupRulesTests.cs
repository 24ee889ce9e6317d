using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Organisation;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

public class GroupRulesTests
{
    private static RoleAssignment Holds(ProjectRole role, string userId) => new(Guid.NewGuid(), role, userId, userId);

    private static ProjectStanding As(params ProjectRole[] roles) => new(new Actor("x", "X", new HashSet<string>()), roles.ToHashSet(), false);

    [Fact]
    public void The_executive_or_project_manager_sets_up_groups_and_only_the_executive_seats_observers_on_the_board()
    {
        GroupRules.CheckManage(As(ProjectRole.ProjectManager), BoardGroupKind.ReferenceGroup).Should().BeNull();
        GroupRules.CheckManage(As(ProjectRole.Executive), BoardGroupKind.WorkingGroup).Should().BeNull();
        GroupRules.CheckManage(As(ProjectRole.SeniorUser), BoardGroupKind.ReferenceGroup).Should().NotBeNull();
        GroupRules.CheckManage(As(ProjectRole.ProjectManager), BoardGroupKind.BoardObservers).Should().NotBeNull();
        GroupRules.CheckManage(As(ProjectRole.Executive), BoardGroupKind.BoardObservers).Should().BeNull();
    }

    [Fact]
    public void An_observer_never_votes_on_the_board_and_is_a_person()
    {
        var board = new[] { Holds(ProjectRole.Executive, "eva"), Holds(ProjectRole.SeniorUser, "siri"), Holds(ProjectRole.ProjectManager, "per") };
        GroupRules.CheckMembers(BoardGroupKind.BoardObservers, ["ola", "per"], 0, board).Should().BeNull("the Project Manager has no vote");
        GroupRules.CheckMembers(BoardGroupKind.BoardObservers, ["ola", "siri"], 0, board)!.Code.Should().Be("observer-on-board");
        GroupRules.CheckMembers(BoardGroupKind.BoardObservers, ["ola"], 1, board)!.Code.Should().Be("observers-are-people");
        GroupRules.CheckMembers(BoardGroupKind.ReferenceGroup, ["siri"], 1, board).Should().BeNull("a Senior User may sit in a reference group");
        GroupRules.CheckMembers(BoardGroupKind.WorkingGroup, [], 0, board)!.Code.Should().Be("group-empty");
    }

    [Fact]
    public void Project_support_is_never_project_assurance()
    {
        var roles = new[] { Holds(ProjectRole.ProjectSupport, "ivar"), Holds(ProjectRole.ProjectAssurance, "ivar") };
        RoleRules.Violations(roles, RoleWaivers.None).Should().ContainSingle().Which.Rule.Should().Be("assurance-independent");
        RoleRules.Violations([Holds(ProjectRole.ProjectSupport, "ivar"), Holds(ProjectRole.ProjectAssurance, "ada")], RoleWaivers.None).Should().BeEmpty();
    }
}
