using NodaTime;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public sealed class ProjectForecastTests
{
    private static readonly ToleranceSet Project = new(ToleranceLevel.Project, new Dictionary<Dimension, Tolerance>
    {
        [Dimension.Time] = new(Dimension.Time, Dimensions.DayNumber(new LocalDate(2027, 12, 31)), 30, 14),
        [Dimension.Cost] = new(Dimension.Cost, 3_000_000, 200_000, 100_000),
        [Dimension.Quality] = new(Dimension.Quality, 0, 0, 3),
    });

    private static readonly StageBaseline[] Plans =
    [
        new(1, new LocalDate(2027, 3, 31), 800_000),
        new(2, new LocalDate(2027, 8, 31), 1_000_000),
        new(3, new LocalDate(2027, 12, 31), 700_000),
    ];

    private static Dictionary<Dimension, decimal> Stage(LocalDate end, decimal cost, decimal quality = 1) => new()
    {
        [Dimension.Time] = Dimensions.DayNumber(end), [Dimension.Cost] = cost, [Dimension.Quality] = quality, [Dimension.Scope] = 1,
    };

    [Fact]
    public void Cost_is_the_finished_stages_this_forecast_the_later_plans_and_the_budget_no_plan_holds_yet()
    {
        var derived = ProjectForecast.Derive(2, Stage(new LocalDate(2027, 8, 31), 1_100_000), Plans, Project);

        // 800 000 (stage 1) + 1 100 000 (this forecast) + 700 000 (stage 3) + 500 000 of the project's 3 000 000 unplanned.
        derived[Dimension.Cost].Should().Be(3_100_000);
    }

    [Fact]
    public void Time_carries_a_slip_to_the_projects_end_but_an_early_stage_never_moves_it_earlier()
    {
        ProjectForecast.Derive(2, Stage(new LocalDate(2027, 9, 10), 1_000_000), Plans, Project)[Dimension.Time]
            .Should().Be(Dimensions.DayNumber(new LocalDate(2028, 1, 10)));
        ProjectForecast.Derive(2, Stage(new LocalDate(2027, 8, 1), 1_000_000), Plans, Project)[Dimension.Time]
            .Should().Be(Dimensions.DayNumber(new LocalDate(2027, 12, 31)));
    }

    [Fact]
    public void Other_dimensions_are_the_stages_and_only_the_projects_dimensions_are_derived()
    {
        var derived = ProjectForecast.Derive(2, Stage(new LocalDate(2027, 8, 31), 1_000_000, quality: 2), Plans, Project);

        derived[Dimension.Quality].Should().Be(2);
        derived.Should().NotContainKey(Dimension.Scope, "the project has no scope tolerance here");
    }
}
