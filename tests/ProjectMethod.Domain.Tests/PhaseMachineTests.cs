using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Tests;

public sealed class PhaseMachineTests
{
    private static readonly Gatekeeper Gates = Gatekeeper.Default;

    private static OpenGateRequest RequestBy(string userId, DecisionPoint point) => new(Guid.NewGuid(), point, userId);

    public static TheoryData<Phase, DecisionPoint, string, Phase, int?> Approvals => new()
    {
        { Phase.Proposed, DecisionPoint.Bp1, "bjorn", Phase.Concept, null },
        { Phase.Concept, DecisionPoint.Bp2, "bjorn", Phase.Planning, null },
        { Phase.Planning, DecisionPoint.Bp3, "eva", Phase.Execution, 1 },
        { Phase.Execution, DecisionPoint.StageBoundary, "eva", Phase.Execution, 2 },
        { Phase.Execution, DecisionPoint.Bp4, "eva", Phase.Closure, null },
        { Phase.Closure, DecisionPoint.Bp5, "eva", Phase.Realisation, null },
        { Phase.Realisation, DecisionPoint.Bp6, "bjorn", Phase.Completed, null },
    };

    [Theory]
    [MemberData(nameof(Approvals))]
    public void Approve_with_every_criterion_met_moves_to_the_next_phase(Phase from, DecisionPoint point, string decider, Phase to, int? stage)
    {
        var standing = decider == "bjorn" ? Facts.Board : Facts.Exec;

        var outcome = Gates.Decide(Facts.Ready(from), standing, point, RequestBy("per", point), Decision.Approve, null);

        outcome.Error.Should().BeNull();
        outcome.Value!.To.Should().Be(to);
        outcome.Value.ToStage.Should().Be(stage);
        outcome.Value.ClosedEarly.Should().BeFalse();
    }

    [Fact]
    public void A_stage_boundary_counts_the_stages_on()
    {
        var outcome = Gates.Decide(Facts.Ready(Phase.Execution, stage: 3), Facts.Exec, DecisionPoint.StageBoundary,
            RequestBy("per", DecisionPoint.StageBoundary), Decision.Approve, null);

        outcome.Value!.ToStage.Should().Be(4);
    }

    public static TheoryData<Phase, Phase, bool> Stops => new()
    {
        { Phase.Proposed, Phase.Rejected, false },
        { Phase.Concept, Phase.Closure, true },
        { Phase.Planning, Phase.Closure, true },
        { Phase.Execution, Phase.Closure, true },
        { Phase.Realisation, Phase.Completed, false },
    };

    [Theory]
    [MemberData(nameof(Stops))]
    public void Stop_rejects_the_idea_at_bp1_and_is_premature_closure_later(Phase from, Phase to, bool closedEarly)
    {
        var point = DecisionPoints.Ahead(from)[^1];
        var decider = DecisionPoints.DeciderOf(point) == Decider.PortfolioBoard ? Facts.Board : Facts.Exec;

        var outcome = Gates.Decide(Facts.Ready(from) with { Mandate = null }, decider, point, null, Decision.Stop, "Behovet er borte");

        outcome.Value!.To.Should().Be(to);
        outcome.Value.ClosedEarly.Should().Be(closedEarly);
    }

    [Fact]
    public void In_closure_a_stop_is_no_way_out_and_the_gate_does_not_offer_it()
    {
        var facts = Facts.Ready(Phase.Closure) with { EndReportWritten = false, LessonsReportWritten = false };

        Gates.Decide(facts, Facts.Exec, DecisionPoint.Bp5, null, Decision.Stop, "Vi gir opp").Error!.Code.Should().Be("no-stop-in-closure");
        Gates.Evaluate(facts, DecisionPoint.Bp5, null).AllowedDecisions.Should().NotContain(Decision.Stop);
        PhaseMachine.Mermaid(CriteriaCatalogue.Default).Should().NotContain("Closure --> Completed : Stop");
    }

    [Fact]
    public void Realisation_ends_early_only_when_every_benefit_has_its_final_evaluation()
    {
        var open = new BenefitFact(Guid.NewGuid(), "Færre timer", true, true, null);
        var evaluated = new BenefitFact(Guid.NewGuid(), "Spart reisetid", true, true, Benefits.BenefitOutcome.NotRealised);
        var facts = Facts.Ready(Phase.Realisation) with { Benefits = [open, evaluated] };

        var refused = Gates.Decide(facts, Facts.Board, DecisionPoint.Bp6, null, Decision.Stop, "Avsluttes tidlig");
        refused.Error!.Code.Should().Be("benefits-not-evaluated");
        refused.Error.Detail.Should().Contain("Færre timer").And.NotContain("Spart reisetid");
        Gates.Evaluate(facts, DecisionPoint.Bp6, null).AllowedDecisions.Should().NotContain(Decision.Stop);

        var allEvaluated = facts with { Benefits = [evaluated] };
        Gates.Decide(allEvaluated, Facts.Board, DecisionPoint.Bp6, null, Decision.Stop, "Avsluttes tidlig").Value!.To.Should().Be(Phase.Completed);
        Gates.Decide(allEvaluated, Facts.Exec, DecisionPoint.Bp6, null, Decision.Stop, "Avsluttes tidlig").Error!.Kind.Should().Be(ErrorKind.Forbidden);
    }

    [Fact]
    public void Stop_needs_neither_a_request_nor_met_criteria_but_a_rationale()
    {
        var facts = new GateFacts { Phase = Phase.Planning };

        Gates.Decide(facts, Facts.Exec, DecisionPoint.Bp3, null, Decision.Stop, " ").Error!.Code.Should().Be("rationale-required");
        Gates.Decide(facts, Facts.Exec, DecisionPoint.Bp3, null, Decision.Stop, "Ikke lenger lønnsomt").Value!.To.Should().Be(Phase.Closure);
    }

    [Theory]
    [InlineData(true, Phase.Realisation)]
    [InlineData(false, Phase.Completed)]
    public void After_an_early_close_bp5_leads_to_realisation_only_while_a_benefit_is_expected(bool benefitExpected, Phase to)
    {
        var benefit = new BenefitFact(Guid.NewGuid(), "Gevinst", true, true, benefitExpected ? null : Benefits.BenefitOutcome.NotRealised);
        var facts = Facts.Ready(Phase.Closure) with { ClosedEarly = true, Benefits = [benefit] };

        var outcome = Gates.Decide(facts, Facts.Exec, DecisionPoint.Bp5, RequestBy("per", DecisionPoint.Bp5), Decision.Approve, null);

        outcome.Value!.To.Should().Be(to);
        outcome.Value.ClosedEarly.Should().BeTrue();
    }

    [Fact]
    public void Without_an_early_close_bp5_leads_to_realisation_even_with_no_benefit_expected()
    {
        var facts = Facts.Ready(Phase.Closure) with { Benefits = [] };

        Gates.Decide(facts, Facts.Exec, DecisionPoint.Bp5, RequestBy("per", DecisionPoint.Bp5), Decision.Approve, null)
            .Value!.To.Should().Be(Phase.Realisation);
    }

    [Fact]
    public void The_machine_exports_every_decision_point_to_mermaid()
    {
        var mermaid = PhaseMachine.Mermaid(CriteriaCatalogue.Default);

        mermaid.Should().Contain("Proposed --> Concept : ApproveBp1");
        mermaid.Should().Contain("Proposed --> Rejected : Stop");
        mermaid.Should().Contain("Execution --> Execution : ApproveStageBoundary");
        mermaid.Should().Contain("Closure --> Decision1 : ApproveBp5 [7 criteria]");
        mermaid.Should().Contain("Decision1 --> Realisation : ApproveBp5");
        mermaid.Should().Contain("Decision1 --> Completed : ApproveBp5");
        mermaid.Should().Contain("Realisation --> Completed : ApproveBp6");
        mermaid.Should().NotContain("Completed -->").And.NotContain("Rejected -->");
    }

    [Theory]
    [InlineData(Phase.Proposed, new[] { DecisionPoint.Bp1 })]
    [InlineData(Phase.Execution, new[] { DecisionPoint.StageBoundary, DecisionPoint.Bp4 })]
    [InlineData(Phase.Completed, new DecisionPoint[0])]
    [InlineData(Phase.Rejected, new DecisionPoint[0])]
    public void Each_phase_knows_its_decision_points_ahead(Phase phase, DecisionPoint[] ahead) =>
        DecisionPoints.Ahead(phase).Should().Equal(ahead);

    [Fact]
    public void Execution_heads_for_bp4_unless_the_stage_boundary_is_asked_for()
    {
        Gatekeeper.PointAhead(new GateFacts { Phase = Phase.Execution, Stage = 1 }, null, null).Value.Should().Be(DecisionPoint.Bp4);
        Gatekeeper.PointAhead(new GateFacts { Phase = Phase.Execution, Stage = 1 }, null, DecisionPoint.StageBoundary).Value.Should().Be(DecisionPoint.StageBoundary);
        Gatekeeper.PointAhead(new GateFacts { Phase = Phase.Planning, Stage = null }, null, DecisionPoint.Bp4).Error!.Code.Should().Be("decision-point-not-ahead");
        Gatekeeper.PointAhead(new GateFacts { Phase = Phase.Completed, Stage = null }, null, null).Error!.Code.Should().Be("project-finished");
    }

    [Fact]
    public void An_open_request_fixes_the_decision_point()
    {
        var request = RequestBy("per", DecisionPoint.StageBoundary);

        Gatekeeper.PointAhead(new GateFacts { Phase = Phase.Execution, Stage = 1 }, request, null).Value.Should().Be(DecisionPoint.StageBoundary);
        Gatekeeper.PointAhead(new GateFacts { Phase = Phase.Execution, Stage = 1 }, request, DecisionPoint.Bp4).Error!.Code.Should().Be("request-open");
    }
}
