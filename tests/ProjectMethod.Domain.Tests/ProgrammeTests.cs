using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Programmes;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public class ProgrammeTests
{
    private static ToleranceSet Set(ToleranceLevel level, NodaTime.LocalDate end, int earlier, int later, decimal cost, decimal below, decimal above) => new(level,
        new Dictionary<Dimension, Tolerance>
        {
            [Dimension.Time] = new(Dimension.Time, Dimensions.DayNumber(end), earlier, later),
            [Dimension.Cost] = new(Dimension.Cost, cost, below, above),
        });

    private static readonly ToleranceSet Programme = Set(ToleranceLevel.Programme, new(2027, 12, 31), 365, 31, 4_000_000, 400_000, 200_000);

    [Fact]
    public void A_member_ends_within_the_programmes_time_and_the_members_cost_limits_add_up_to_no_more_than_its()
    {
        var project = Set(ToleranceLevel.Project, new(2027, 6, 30), 30, 14, 2_000_000, 200_000, 100_000);
        ProgrammeRules.LimitPassed(project, Programme, othersHighestCost: 2_100_000).Should().BeNull("2 100 000 + 2 100 000 is the programme's 4 200 000");
        ProgrammeRules.LimitPassed(project, Programme, othersHighestCost: 2_100_001).Should().StartWith("cost:");
        ProgrammeRules.LimitPassed(Set(ToleranceLevel.Project, new(2028, 1, 20), 0, 12, 1, 0, 0), Programme, 0).Should().StartWith("time:", "2028-02-01 is after 2028-01-31");
        ProgrammeRules.LimitPassed(Set(ToleranceLevel.Project, new(2028, 1, 20), 0, 11, 1, 0, 0), Programme, 0).Should().BeNull();
    }

    [Fact]
    public void The_programme_forecast_adds_the_members_costs_and_takes_the_latest_end()
    {
        var rolled = ProgrammeRules.RollUp([
            new Dictionary<Dimension, decimal> { [Dimension.Cost] = 2_000_000, [Dimension.Time] = 21000 },
            new Dictionary<Dimension, decimal> { [Dimension.Cost] = 1_500_000, [Dimension.Time] = 21100, [Dimension.Risk] = 40 },
            new Dictionary<Dimension, decimal>(),
        ]);
        rolled.Should().BeEquivalentTo(new Dictionary<Dimension, decimal> { [Dimension.Cost] = 3_500_000, [Dimension.Time] = 21100 });
    }

    [Fact]
    public void A_programmes_project_exceptions_are_its_boards_and_its_project_tolerances_too()
    {
        var project = new ExceptionCase(Guid.NewGuid(), ToleranceLevel.Project, ExceptionState.Reported, false, "per", InProgramme: true);
        ExceptionRules.OwnerOf(project).Should().Be(Decider.ProgrammeBoard);
        ExceptionRules.OwnerOf(project with { InProgramme = false }).Should().Be(Decider.PortfolioBoard);
        ExceptionRules.OwnerOf(project with { Level = ToleranceLevel.Stage }).Should().Be(Decider.Executive);
        ExceptionRules.OwnerOf(project with { Level = ToleranceLevel.Stage, Escalated = true }).Should().Be(Decider.ProgrammeBoard);

        var board = new ProjectStanding(new Actor("bjorn", "Bjørn", new HashSet<string> { GlobalRoles.PortfolioBoard }), new HashSet<ProjectRole>(), false);
        var anne = new ProjectStanding(new Actor("anne", "Anne", new HashSet<string>()), new HashSet<ProjectRole>(), false);
        var seat = new ProgrammeSeat(Guid.NewGuid(), OnBoard: true);
        ExceptionRules.CheckDecision(project, board with { Programme = seat with { OnBoard = false } }, ExceptionDecision.AdjustTolerances, Phase.Execution).Error
            .Should().NotBeNull("the portfolio board owns no exception of a programme's project");
        ExceptionRules.CheckDecision(project, anne with { Programme = seat }, ExceptionDecision.AdjustTolerances, Phase.Execution).Error.Should().BeNull();
        ProjectAccess.Check(anne with { Programme = seat }, ProjectAction.SetProjectTolerances).Should().BeNull();
        ProjectAccess.Check(board with { Programme = seat with { OnBoard = false } }, ProjectAction.SetProjectTolerances).Should().NotBeNull();
        ProjectAccess.Check(board, ProjectAction.SetProjectTolerances).Should().BeNull();
        ProjectAccess.Check(anne, ProjectAction.SetProjectTolerances).Should().NotBeNull();
    }

    [Fact]
    public void A_project_joins_one_programme_before_closure()
    {
        ProgrammeRules.CheckJoin(null, Phase.Execution).Should().BeNull();
        ProgrammeRules.CheckJoin(Guid.NewGuid(), Phase.Execution)!.Code.Should().Be("project-in-programme");
        ProgrammeRules.CheckJoin(null, Phase.Closure)!.Code.Should().Be("project-closed");
    }
}
