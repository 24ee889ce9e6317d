using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Tests;

public sealed class StageTests
{
    [Theory]
    [InlineData(Phase.Execution, 2, 1, "stage-over")]
    [InlineData(Phase.Execution, 2, 2, null)]
    [InlineData(Phase.Execution, 2, 3, null)]
    [InlineData(Phase.Planning, null, 1, null)]
    [InlineData(Phase.Concept, null, 2, null)]
    public void A_stage_execution_has_left_behind_is_over_and_none_is_before_execution(Phase phase, int? current, int stage, string? refused)
    {
        var error = Stages.CheckNotOver(phase, current, stage);

        error?.Code.Should().Be(refused);
        (error is null).Should().Be(refused is null);
        error?.Detail.Should().Be($"Stage {stage} is over; the project is in stage {current}.");
    }
}
