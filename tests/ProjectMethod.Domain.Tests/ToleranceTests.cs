using NodaTime;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public sealed class ToleranceTests
{
    // An asymmetric band: 30 below, 10 above the plan of 1000.
    private static Tolerance Band(Dimension dimension) => new(dimension, 1000, 30, 10);

    public static TheoryData<Dimension, decimal, ToleranceStatus> Edges()
    {
        var data = new TheoryData<Dimension, decimal, ToleranceStatus>();
        foreach (var dimension in Enum.GetValues<Dimension>())
        {
            data.Add(dimension, 1000, ToleranceStatus.WithinTolerance);      // on plan
            data.Add(dimension, 1007.9m, ToleranceStatus.WithinTolerance);   // just under 80 % of the upper band
            // A larger benefit is never a deviation to worry about; elsewhere the upper band counts.
            var upper = dimension == Dimension.Benefit ? ToleranceStatus.WithinTolerance : ToleranceStatus.AtRisk;
            data.Add(dimension, 1008, upper);                                // 80 % of the upper band
            data.Add(dimension, 1010, upper);                                // on the upper line: still inside
            data.Add(dimension, 976, ToleranceStatus.AtRisk);                // 80 % of the lower band
            data.Add(dimension, 976.1m, ToleranceStatus.WithinTolerance);    // just under 80 % of the lower band
            data.Add(dimension, 970, ToleranceStatus.AtRisk);                // on the lower line
            data.Add(dimension, 969.99m, ToleranceStatus.Exceeded);          // just below the lower line
            // Just above the upper line: a breach, except that a larger benefit never is.
            data.Add(dimension, 1010.01m, dimension == Dimension.Benefit ? ToleranceStatus.WithinTolerance : ToleranceStatus.Exceeded);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Every_dimension_is_judged_at_the_edges_of_an_asymmetric_band(Dimension dimension, decimal forecast, ToleranceStatus expected) =>
        ToleranceRules.Evaluate(Band(dimension), forecast).Status.Should().Be(expected);

    [Theory]
    [InlineData(ToleranceStatus.WithinTolerance, Rag.Green)]
    [InlineData(ToleranceStatus.AtRisk, Rag.Amber)]
    [InlineData(ToleranceStatus.Exceeded, Rag.Red)]
    public void The_status_has_its_rag_colour(ToleranceStatus status, Rag rag) =>
        new DimensionEvaluation(Dimension.Cost, 0, 0, 0, 0, status).Rag.Should().Be(rag);

    [Fact]
    public void A_missing_side_allows_no_deviation_that_way()
    {
        var quality = new Tolerance(Dimension.Quality, 0, 0, 3);

        ToleranceRules.Evaluate(quality, 3).Status.Should().Be(ToleranceStatus.AtRisk);
        ToleranceRules.Evaluate(quality, 4).Status.Should().Be(ToleranceStatus.Exceeded);
        ToleranceRules.Evaluate(new Tolerance(Dimension.Cost, 100, 0, 0), 99).Status.Should().Be(ToleranceStatus.Exceeded);
        ToleranceRules.Evaluate(new Tolerance(Dimension.Cost, 100, 0, 0), 100).Status.Should().Be(ToleranceStatus.WithinTolerance);
    }

    [Fact]
    public void The_deviation_is_forecast_minus_plan_and_time_counts_days()
    {
        var plan = Dimensions.DayNumber(new LocalDate(2027, 6, 30));
        var time = new Tolerance(Dimension.Time, plan, 30, 14);

        var late = ToleranceRules.Evaluate(time, Dimensions.DayNumber(new LocalDate(2027, 7, 20)));
        late.Deviation.Should().Be(20);
        late.AllowedDeviation.Should().Be(14);
        late.Status.Should().Be(ToleranceStatus.Exceeded);
        ToleranceRules.Evaluate(time, Dimensions.DayNumber(new LocalDate(2027, 7, 14))).Status.Should().Be(ToleranceStatus.AtRisk);
        ToleranceRules.Evaluate(time, Dimensions.DayNumber(new LocalDate(2027, 6, 20))).Status.Should().Be(ToleranceStatus.WithinTolerance);
        ToleranceRules.Evaluate(time, Dimensions.DayNumber(new LocalDate(2027, 6, 1))).Status.Should().Be(ToleranceStatus.AtRisk);
        ToleranceRules.Evaluate(time, Dimensions.DayNumber(new LocalDate(2027, 5, 30))).Status.Should().Be(ToleranceStatus.Exceeded);
        Dimensions.FromDayNumber(plan).Should().Be(new LocalDate(2027, 6, 30));
    }

    [Fact]
    public void A_handbook_threshold_moves_at_risk() =>
        ToleranceRules.Evaluate(Band(Dimension.Cost), 1006, atRiskThreshold: 0.5m).Status.Should().Be(ToleranceStatus.AtRisk);

    private static ToleranceSet Set(ToleranceLevel level, params Tolerance[] tolerances) => new(level, tolerances.ToDictionary(t => t.Dimension));

    [Theory]
    [InlineData(ToleranceLevel.Stage, ToleranceLevel.Project)]
    [InlineData(ToleranceLevel.WorkPackage, ToleranceLevel.Stage)]
    public void A_tolerance_inside_the_level_above_is_accepted(ToleranceLevel inner, ToleranceLevel outer) =>
        ToleranceRules.FirstLimitPassed(
            Set(inner, new Tolerance(Dimension.Cost, 800, 50, 50), new Tolerance(Dimension.Benefit, 500, 20, 0)),
            Set(outer, new Tolerance(Dimension.Cost, 2000, 200, 100), new Tolerance(Dimension.Benefit, 500, 50, 0)))
            .Should().BeNull();

    [Fact]
    public void A_stage_allowing_more_than_the_project_is_refused_naming_the_limit()
    {
        var project = Set(ToleranceLevel.Project, new Tolerance(Dimension.Cost, 2000, 200, 100));

        ToleranceRules.FirstLimitPassed(Set(ToleranceLevel.Stage, new Tolerance(Dimension.Cost, 800, 50, 150)), project)
            .Should().Be("The stage cost tolerance allows 150 above plan; the project allows 100.");
        ToleranceRules.FirstLimitPassed(Set(ToleranceLevel.Stage, new Tolerance(Dimension.Cost, 800, 250, 50)), project)
            .Should().Contain("allows 250 below plan");
        ToleranceRules.FirstLimitPassed(Set(ToleranceLevel.Stage, new Tolerance(Dimension.Cost, 2080, 0, 50)), project)
            .Should().Be("The stage cost limit 2130 is above the project limit 2100.");
    }

    [Fact]
    public void A_work_package_is_kept_inside_its_stage_and_dates_are_named_as_dates()
    {
        var stageEnd = Dimensions.DayNumber(new LocalDate(2027, 6, 30));
        var stage = Set(ToleranceLevel.Stage, new Tolerance(Dimension.Time, stageEnd, 10, 10));
        var late = Set(ToleranceLevel.WorkPackage, new Tolerance(Dimension.Time, stageEnd + 5, 0, 10));

        ToleranceRules.FirstLimitPassed(late, stage).Should().Be("The work package time limit 2027-07-15 is above the stage limit 2027-07-10.");
    }

    [Fact]
    public void A_tolerance_on_a_dimension_the_level_above_lacks_is_refused() =>
        ToleranceRules.FirstLimitPassed(Set(ToleranceLevel.Stage, new Tolerance(Dimension.Scope, 0, 0, 1)), Set(ToleranceLevel.Project))
            .Should().Contain("no scope tolerance");

    [Fact]
    public void A_benefit_limit_below_the_project_limit_is_refused() =>
        ToleranceRules.FirstLimitPassed(
            Set(ToleranceLevel.Stage, new Tolerance(Dimension.Benefit, 400, 10, 0)),
            Set(ToleranceLevel.Project, new Tolerance(Dimension.Benefit, 500, 50, 0)))
            .Should().Contain("benefit limit 390 is below the project limit 450");

    [Fact]
    public void Missing_dimensions_are_listed() =>
        Set(ToleranceLevel.Stage, new Tolerance(Dimension.Cost, 1, 0, 0)).Missing(Dimensions.Default)
            .Should().Equal(Dimension.Time, Dimension.Quality, Dimension.Scope, Dimension.Risk, Dimension.Benefit);
}
