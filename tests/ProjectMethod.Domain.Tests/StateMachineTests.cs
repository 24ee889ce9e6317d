using ProjectMethod.Domain.StateMachines;

namespace ProjectMethod.Domain.Tests;

public sealed class StateMachineTests
{
    private enum Light { Red, Green, Off }

    private enum Signal { Go, Halt, Cut }

    private sealed record Road(bool Clear, bool PowerFails = false);

    private static StateMachine<Light, Signal, Road> Machine()
    {
        var machine = new StateMachine<Light, Signal, Road>();
        machine.Configure(Light.Red)
            .PermitIf(Signal.Go, Light.Green, [
                new Guard<Road>("clear", "The road is clear", r => r.Clear ? GuardCheck.Pass() : GuardCheck.Fail("A car is crossing")),
                Guards.From<Road>(r => !r.PowerFails, "Power is on"),
            ])
            .PermitDynamicIf(Signal.Cut, r => r.PowerFails ? Light.Off : Light.Red,
                [new(Light.Off, "power fails"), new(Light.Red, "power holds")], []);
        machine.Configure(Light.Green).Permit(Signal.Halt, Light.Red).PermitReentry(Signal.Go);
        return machine;
    }

    [Fact]
    public void An_unguarded_transition_fires_to_its_destination() =>
        Machine().Fire(Light.Green, Signal.Halt, new Road(true)).Should().Be(Light.Red);

    [Fact]
    public void Reentry_stays_in_the_state() =>
        Machine().Fire(Light.Green, Signal.Go, new Road(true)).Should().Be(Light.Green);

    [Fact]
    public void CanFire_lists_every_unmet_guard_with_its_detail()
    {
        var canFire = Machine().CanFire(Light.Red, Signal.Go, new Road(Clear: false, PowerFails: true), out var unmet);

        canFire.Should().BeFalse();
        unmet.Select(u => u.Guard.Description).Should().Equal("The road is clear", "Power is on");
        unmet[0].Detail.Should().Be("A car is crossing");
    }

    [Fact]
    public void CanFire_is_true_when_every_guard_holds()
    {
        Machine().CanFire(Light.Red, Signal.Go, new Road(true), out var unmet).Should().BeTrue();
        unmet.Should().BeEmpty();
    }

    [Fact]
    public void A_trigger_the_state_does_not_permit_cannot_fire_and_throws_when_fired()
    {
        var machine = Machine();
        machine.CanFire(Light.Red, Signal.Halt, new Road(true), out _).Should().BeFalse();
        machine.Invoking(m => m.Fire(Light.Red, Signal.Halt, new Road(true))).Should().Throw<InvalidTransitionException>();
    }

    [Fact]
    public void TryFire_evaluates_each_guard_once_and_gives_the_destination_or_the_unmet_guards()
    {
        var evaluations = 0;
        var machine = new StateMachine<Light, Signal, Road>();
        machine.Configure(Light.Red).PermitIf(Signal.Go, Light.Green, [new Guard<Road>("count", "Counted", r =>
        {
            evaluations++;
            return new GuardCheck(r.Clear);
        })]);

        machine.TryFire(Light.Red, Signal.Go, new Road(true), out var destination, out var unmet).Should().BeTrue();
        destination.Should().Be(Light.Green);
        unmet.Should().BeEmpty();
        evaluations.Should().Be(1);
        machine.TryFire(Light.Red, Signal.Go, new Road(false), out _, out unmet).Should().BeFalse();
        unmet.Should().ContainSingle();
        machine.TryFire(Light.Green, Signal.Go, new Road(true), out _, out _).Should().BeFalse();
    }

    [Fact]
    public void Firing_with_an_unmet_guard_throws_and_names_it() =>
        Machine().Invoking(m => m.Fire(Light.Red, Signal.Go, new Road(false)))
            .Should().Throw<InvalidTransitionException>().WithMessage("*The road is clear*");

    [Fact]
    public void Permitted_triggers_are_those_whose_guards_hold()
    {
        var machine = Machine();
        machine.PermittedTriggers(Light.Red, new Road(true)).Should().BeEquivalentTo([Signal.Go, Signal.Cut]);
        machine.PermittedTriggers(Light.Red, new Road(false)).Should().Equal(Signal.Cut);
        machine.ConfiguredTriggers(Light.Off).Should().BeEmpty();
    }

    [Fact]
    public void A_dynamic_transition_lets_the_context_choose_among_its_destinations()
    {
        var machine = Machine();
        machine.Fire(Light.Red, Signal.Cut, new Road(true, PowerFails: true)).Should().Be(Light.Off);
        machine.Fire(Light.Red, Signal.Cut, new Road(true, PowerFails: false)).Should().Be(Light.Red);
    }

    [Fact]
    public void Configuring_the_same_trigger_twice_in_one_state_is_refused() =>
        new StateMachine<Light, Signal, Road>().Invoking(m => m.Configure(Light.Red).Permit(Signal.Go, Light.Green).Permit(Signal.Go, Light.Off))
            .Should().Throw<InvalidOperationException>();

    [Fact]
    public void Mermaid_export_has_every_edge_with_guard_counts_and_dynamic_conditions()
    {
        var mermaid = Machine().ToMermaid();

        mermaid.Should().StartWith("stateDiagram-v2\n");
        mermaid.Should().Contain("    Red --> Green : Go [2 criteria]\n");
        mermaid.Should().Contain("    Red --> Off : Cut when power fails\n");
        mermaid.Should().Contain("    Red --> Red : Cut when power holds\n");
        mermaid.Should().Contain("    Green --> Red : Halt\n");
        mermaid.Should().Contain("    Green --> Green : Go\n");
        mermaid.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(6);
    }

    [Fact]
    public void Dot_export_is_a_digraph_with_labelled_edges()
    {
        var dot = Machine().ToDot();

        dot.Should().StartWith("digraph {\n").And.EndWith("}\n");
        dot.Should().Contain("\"Red\" -> \"Green\" [label=\"Go [2 criteria]\"];");
        dot.Should().Contain("\"Green\" -> \"Red\" [label=\"Halt\"];");
    }
}
