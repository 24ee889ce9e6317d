using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public sealed class ToleranceChangeTests
{
    private static readonly ToleranceSet Stage = new(ToleranceLevel.Stage, Enum.GetValues<Dimension>()
        .ToDictionary(d => d, d => new Tolerance(d, 100 + (int)d, 10 + (int)d, 20 + (int)d)));

    public static TheoryData<Dimension> EveryDimension() => [.. Enum.GetValues<Dimension>()];

    [Theory]
    [MemberData(nameof(EveryDimension))]
    public void A_change_to_one_dimension_keeps_every_other_dimension_as_it_was(Dimension changed)
    {
        var after = ToleranceChanges.Apply(Stage, ToleranceLevel.Stage, [new ToleranceChange(changed, 500, 1, 2)]).Value!;

        after.ByDimension.Keys.Should().BeEquivalentTo(Stage.ByDimension.Keys);
        after.ByDimension[changed].Should().Be(new Tolerance(changed, 500, 1, 2));
        after.ByDimension.Where(b => b.Key != changed).Should().BeEquivalentTo(Stage.ByDimension.Where(b => b.Key != changed));
    }

    [Theory]
    [MemberData(nameof(EveryDimension))]
    public void A_part_of_a_band_left_out_keeps_its_value(Dimension changed)
    {
        var before = Stage.ByDimension[changed];

        var onlyAbove = ToleranceChanges.Apply(Stage, ToleranceLevel.Stage, [new ToleranceChange(changed, null, null, 99)]).Value!;
        var onlyPlan = ToleranceChanges.Apply(Stage, ToleranceLevel.Stage, [new ToleranceChange(changed, 7, null, null)]).Value!;

        onlyAbove.ByDimension[changed].Should().Be(before with { Above = 99 });
        onlyPlan.ByDimension[changed].Should().Be(before with { Plan = 7 });
    }

    [Fact]
    public void No_change_at_all_is_the_baseline_as_it_was()
    {
        var after = ToleranceChanges.Apply(Stage, ToleranceLevel.Stage, []).Value!;

        after.ByDimension.Should().BeEquivalentTo(Stage.ByDimension);
        ToleranceChanges.Compare(Stage, after).Should().OnlyContain(d => !d.Changed);
    }

    [Fact]
    public void A_dimension_the_baseline_lacks_needs_its_plan_value_and_gets_no_allowance_on_a_side_left_out()
    {
        var costOnly = new ToleranceSet(ToleranceLevel.Stage, new Dictionary<Dimension, Tolerance> { [Dimension.Cost] = new(Dimension.Cost, 800, 50, 50) });

        var refused = ToleranceChanges.Apply(costOnly, ToleranceLevel.Stage, [new ToleranceChange(Dimension.Quality, null, null, 2)]);
        var added = ToleranceChanges.Apply(costOnly, ToleranceLevel.Stage, [new ToleranceChange(Dimension.Quality, 0, null, 2)]).Value!;

        refused.Error!.Code.Should().Be("tolerance-plan-required");
        refused.Error.Extensions["dimension"].Should().Be("quality");
        added.ByDimension[Dimension.Quality].Should().Be(new Tolerance(Dimension.Quality, 0, 0, 2));
        added.ByDimension[Dimension.Cost].Should().Be(costOnly.ByDimension[Dimension.Cost]);
    }

    [Fact]
    public void The_comparison_names_each_dimension_once_with_its_value_before_and_after()
    {
        var after = ToleranceChanges.Apply(Stage, ToleranceLevel.Stage, [new ToleranceChange(Dimension.Cost, 900, null, null)]).Value!;

        var differences = ToleranceChanges.Compare(Stage, after);

        differences.Select(d => d.Dimension).Should().Equal(Enum.GetValues<Dimension>().Order());
        differences.Where(d => d.Changed).Should().ContainSingle().Which.Should().Be(
            new ToleranceDifference(Dimension.Cost, Stage.ByDimension[Dimension.Cost], Stage.ByDimension[Dimension.Cost] with { Plan = 900 }));
        ToleranceChanges.Compare(null, after).Should().OnlyContain(d => d.Before == null && d.Changed);
    }
}
