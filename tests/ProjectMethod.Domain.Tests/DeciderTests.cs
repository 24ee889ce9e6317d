using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Tests;

public sealed class DeciderTests
{
    [Fact]
    public void The_portfolio_board_decides_what_the_board_owns_and_the_executive_what_the_executive_owns()
    {
        ProjectAccess.Decides(Facts.Board, Decider.PortfolioBoard).Should().BeTrue();
        ProjectAccess.Decides(Facts.Board, Decider.Executive).Should().BeFalse();
        ProjectAccess.Decides(Facts.Exec, Decider.Executive).Should().BeTrue();
        ProjectAccess.Decides(Facts.Exec, Decider.PortfolioBoard).Should().BeFalse();
        ProjectAccess.Decides(Facts.Pm, Decider.Executive).Should().BeFalse();

        // A decision point's decider check says the same.
        (ProjectAccess.CheckDecider(Facts.Board, DecisionPoint.Bp1) is null).Should().Be(ProjectAccess.Decides(Facts.Board, DecisionPoints.DeciderOf(DecisionPoint.Bp1)));
        (ProjectAccess.CheckDecider(Facts.Exec, DecisionPoint.Bp3) is null).Should().Be(ProjectAccess.Decides(Facts.Exec, DecisionPoints.DeciderOf(DecisionPoint.Bp3)));
    }
}
