using NodaTime;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Tests;

public sealed class BenefitTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    // Hours of manual follow-up a week: 120 falling to 80 by 2028-01-01, measured every three months.
    private static readonly BenefitPlan Falling = new(new Point(D(2026, 1, 1), 120), new Point(D(2028, 1, 1), 80), 5, Period.FromMonths(3));

    // Users on the digital service: 0 rising to 1000 by 2027-01-01, measured monthly.
    private static readonly BenefitPlan Rising = new(new Point(D(2026, 1, 1), 0), new Point(D(2027, 1, 1), 1000), 100, Period.FromMonths(1));

    [Fact]
    public void Achievement_is_the_share_of_the_change_for_rising_and_falling_indicators()
    {
        BenefitMath.Achievement(Rising, 250).Should().Be(25);
        BenefitMath.Achievement(Falling, 100).Should().Be(50);
        BenefitMath.Achievement(Falling, 130).Should().Be(-25);
        BenefitMath.Achievement(Falling, 70).Should().Be(125);
    }

    [Fact]
    public void Without_measurements_there_is_no_achievement_forecast_or_trend()
    {
        var figures = BenefitMath.Figures(Falling, [], D(2026, 2, 1));

        figures.Achievement.Should().BeNull();
        figures.ForecastAtTarget.Should().BeNull();
        figures.Trend.Should().Be(Trend.Unknown);
        figures.Status.Should().Be(BenefitStatus.OnTrack);
        figures.NextMeasurementDue.Should().Be(D(2026, 4, 1));
    }

    [Fact]
    public void One_measurement_draws_the_line_from_the_baseline()
    {
        // A year in, halfway: the line reaches the target on the target date.
        var figures = BenefitMath.Figures(Falling, [new Point(D(2027, 1, 1), 100)], D(2027, 1, 15));

        figures.ForecastAtTarget.Should().BeApproximately(80, 0.2m);
        figures.Status.Should().Be(BenefitStatus.OnTrack);
        figures.Trend.Should().Be(Trend.Unknown);
    }

    [Fact]
    public void Many_measurements_are_fitted_by_least_squares()
    {
        // Two users a day, on an exact line from the baseline: 730 on the target date, 365 days on.
        var measurements = Enumerable.Range(1, 6).Select(k => new Point(D(2026, 1, 1).PlusDays(30 * k), 60 * k)).ToList();

        var figures = BenefitMath.Figures(Rising, measurements, D(2026, 7, 10));

        figures.ForecastAtTarget.Should().Be(730);
        figures.Status.Should().Be(BenefitStatus.AtRisk, "730 is short of 1000 − 100");
        figures.Trend.Should().Be(Trend.Improving);
        figures.Achievement.Should().Be(36);

        // Scattered about the same line, the fit still finds it.
        var scattered = measurements.Select((p, i) => p with { Value = p.Value + (i % 2 == 0 ? 6 : -6) }).ToList();
        BenefitMath.Figures(Rising, scattered, D(2026, 7, 10)).ForecastAtTarget.Should().BeApproximately(730, 10);
    }

    [Fact]
    public void A_falling_indicator_that_rises_is_worsening_and_at_risk()
    {
        var figures = BenefitMath.Figures(Falling, [new Point(D(2026, 4, 1), 118), new Point(D(2026, 7, 1), 121)], D(2026, 7, 2));

        figures.Trend.Should().Be(Trend.Worsening);
        figures.Status.Should().Be(BenefitStatus.AtRisk);
        figures.ForecastAtTarget.Should().BeGreaterThan(85);
    }

    [Fact]
    public void Measurements_past_the_target_date_still_forecast_at_the_target_date()
    {
        // Two users a day again, measured only after the target date (365 days after the baseline).
        var measurements = new[] { new Point(D(2026, 1, 1).PlusDays(400), 800), new Point(D(2026, 1, 1).PlusDays(550), 1100) };

        var figures = BenefitMath.Figures(Rising, measurements, D(2027, 7, 10));

        figures.ForecastAtTarget.Should().Be(730);
        figures.Status.Should().Be(BenefitStatus.Realised, "the latest measurement has passed the target");
    }

    [Fact]
    public void Reaching_the_target_is_realised_whichever_way_the_indicator_runs()
    {
        BenefitMath.Figures(Falling, [new Point(D(2027, 12, 1), 80)], D(2027, 12, 2)).Status.Should().Be(BenefitStatus.Realised);
        BenefitMath.Figures(Falling, [new Point(D(2027, 12, 1), 81)], D(2027, 12, 2)).Status.Should().NotBe(BenefitStatus.Realised);
    }

    [Fact]
    public void A_measurement_is_overdue_the_day_after_the_interval_runs_out_across_month_ends()
    {
        var monthly = Rising with { Baseline = new Point(D(2026, 1, 31), 0) };
        var onTrack = new[] { new Point(D(2026, 1, 31), 80) };

        BenefitMath.Figures(monthly, onTrack, D(2026, 2, 28)).Status.Should().NotBe(BenefitStatus.Overdue, "31 January plus a month is 28 February");
        BenefitMath.Figures(monthly, onTrack, D(2026, 2, 28)).NextMeasurementDue.Should().Be(D(2026, 2, 28));
        BenefitMath.Figures(monthly, onTrack, D(2026, 3, 1)).Status.Should().Be(BenefitStatus.Overdue);
    }

    [Theory]
    [InlineData("2026-03-31T21:59:00Z", false)] // 23:59 in Oslo (summer time from 29 March): still 31 March
    [InlineData("2026-03-31T22:00:00Z", true)]  // 00:00 on 1 April in Oslo, though still 31 March in UTC
    [InlineData("2026-10-25T00:30:00Z", false)] // the night summer time ends: 02:30 on 25 October in Oslo
    public void Today_is_the_date_in_oslo_whatever_the_clock_says_in_utc(string instant, bool overdue)
    {
        var clock = new FixedClock(InstantPattern(instant));
        var quarterly = Falling with { Baseline = new Point(D(2025, 12, 31), 120) };
        var measurements = new[] { new Point(D(2025, 12, 31), 119) };

        var dueDay = quarterly.Baseline.Date.PlusMonths(3);
        var figures = BenefitMath.Figures(quarterly, measurements, BenefitMath.Today(clock));

        dueDay.Should().Be(D(2026, 3, 31));
        if (instant.StartsWith("2026-10", StringComparison.Ordinal))
        {
            BenefitMath.Today(clock).Should().Be(D(2026, 10, 25));
        }
        else
        {
            (figures.Status == BenefitStatus.Overdue).Should().Be(overdue);
        }
    }

    [Theory]
    [InlineData(2026, 1, 1, 2025, 6, 1, 80, "target.date")]
    [InlineData(2026, 1, 1, 2026, 1, 1, 80, "target.date")]
    [InlineData(2026, 1, 1, 2028, 1, 1, 120, "target.value")]
    public void Impossible_plans_are_refused_naming_the_field(int by, int bm, int bd, int ty, int tm, int td, decimal target, string field) =>
        BenefitRules.CheckPlan(new Point(D(by, bm, bd), 120), new Point(D(ty, tm, td), target), 5, Period.FromMonths(3))
            .Select(e => e.Field).Should().Contain(field);

    [Theory]
    [InlineData("P0D")]
    [InlineData("PT1H")]
    [InlineData("P-1M")]
    public void The_measurement_interval_is_a_positive_date_period(string interval) =>
        BenefitRules.CheckPlan(null, null, 0, NodaTime.Text.PeriodPattern.NormalizingIso.Parse(interval).Value)
            .Select(e => e.Field).Should().Equal("measurementInterval");

    [Fact]
    public void The_allowed_shortfall_is_smaller_than_the_change() =>
        BenefitRules.CheckPlan(new Point(D(2026, 1, 1), 120), new Point(D(2028, 1, 1), 80), 40, Period.FromMonths(3))
            .Select(e => e.Field).Should().Equal("allowedShortfall");

    [Fact]
    public void A_measurement_is_dated_between_the_baseline_and_today()
    {
        BenefitRules.CheckMeasurement(Falling, D(2026, 5, 2), D(2026, 5, 1))!.Value.Field.Should().Be("date");
        BenefitRules.CheckMeasurement(Falling, D(2025, 12, 31), D(2026, 5, 1))!.Value.Message.Should().Contain("before the baseline");
        BenefitRules.CheckMeasurement(Falling, D(2026, 5, 1), D(2026, 5, 1)).Should().BeNull();
    }

    [Fact]
    public void Bp3_needs_a_benefit_with_owner_baseline_and_target()
    {
        var ready = Facts.Ready(Phase.Planning);

        Unmet(ready with { Benefits = [] }, DecisionPoint.Bp3).Should().Equal("benefit-defined");
        Unmet(ready with { Benefits = [new BenefitFact(Guid.NewGuid(), "Utkast", false, true, null)] }, DecisionPoint.Bp3).Should().Equal("benefit-defined");
        Unmet(ready with { Benefits = [new BenefitFact(Guid.NewGuid(), "Utkast", true, false, null)] }, DecisionPoint.Bp3).Should().Equal("benefit-defined");
    }

    [Fact]
    public void Bp4_needs_the_benefit_owners_confirmation_in_this_stage()
    {
        var ready = Facts.Ready(Phase.Execution);

        Unmet(ready with { LatestBenefitsReview = null }, DecisionPoint.Bp4).Should().Equal("benefits-realistic");
        Unmet(ready with { LatestBenefitsReview = new BenefitsReview(Phase.Execution, 0, true) }, DecisionPoint.Bp4).Should().Equal("benefits-realistic");
        Unmet(ready with { LatestBenefitsReview = new BenefitsReview(Phase.Execution, 1, false) }, DecisionPoint.Bp4).Should().Equal("benefits-realistic");
    }

    [Fact]
    public void Bp5_needs_an_owner_in_the_line_for_every_benefit_and_bp6_every_final_evaluation()
    {
        Unmet(Facts.Ready(Phase.Closure) with { Benefits = [new BenefitFact(Guid.NewGuid(), "Uten eier", false, true, null)] }, DecisionPoint.Bp5)
            .Should().Equal("benefit-measurement-owners");
        Unmet(Facts.Ready(Phase.Realisation) with { Benefits = [new BenefitFact(Guid.NewGuid(), "Åpen", true, true, null)] }, DecisionPoint.Bp6)
            .Should().Equal("benefits-evaluated");
    }

    private static List<string> Unmet(GateFacts facts, DecisionPoint point) =>
        Gatekeeper.Default.Evaluate(facts, point, null).Criteria.Where(c => !c.Met).Select(c => c.Id).ToList();

    private static Instant InstantPattern(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    [Theory]
    [InlineData(Phases.Phase.Execution, "eva", null)]
    [InlineData(Phases.Phase.Execution, "bjorn", "forbidden")]
    [InlineData(Phases.Phase.Closure, "bjorn", null)]
    [InlineData(Phases.Phase.Realisation, "bjorn", null)]
    [InlineData(Phases.Phase.Realisation, "eva", "forbidden")]
    public void A_baselined_benefit_change_is_decided_by_the_executive_in_execution_and_the_board_later(Phases.Phase phase, string who, string? refusal)
    {
        var decider = who == "bjorn" ? Facts.Board : Facts.Exec;

        Benefits.BenefitRules.CheckChangeDecider(decider, phase, proposedBy: "per")?.Code.Should().Be(refusal);
    }

    [Fact]
    public void Whoever_proposed_a_benefit_change_never_decides_it() =>
        Benefits.BenefitRules.CheckChangeDecider(Facts.Exec, Phases.Phase.Execution, proposedBy: "eva")!.Code.Should().Be("four-eyes");

    [Theory]
    [InlineData(Phases.Phase.Planning, false)]
    [InlineData(Phases.Phase.Execution, true)]
    [InlineData(Phases.Phase.Realisation, true)]
    public void Benefits_are_baselined_from_bp3_on(Phases.Phase phase, bool baselined) =>
        Benefits.BenefitRules.IsBaselined(phase).Should().Be(baselined);
}
