using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

public sealed class ExceptionTests
{
    private static ExceptionCase Stage(ExceptionState state, string? reportedBy = "per", bool escalated = false) =>
        new(Guid.NewGuid(), ToleranceLevel.Stage, state, escalated, reportedBy);

    private static ExceptionCase Project(ExceptionState state) => new(Guid.NewGuid(), ToleranceLevel.Project, state, false, "per");

    private static ExceptionState Fire(ExceptionState from, ExceptionMachine.Trigger trigger, bool hasReport = true, ToleranceLevel level = ToleranceLevel.Stage)
    {
        var machine = ExceptionMachine.Create(new ExceptionFacts(level, from, hasReport));
        machine.Fire(trigger);
        return machine.State;
    }

    private static IEnumerable<ExceptionMachine.Trigger> Permitted(ExceptionState state)
    {
        var machine = ExceptionMachine.Create(new ExceptionFacts(ToleranceLevel.Stage, state, HasReport: true));
        return Enum.GetValues<ExceptionMachine.Trigger>().Where(t => machine.CanFire(t));
    }

    [Fact]
    public void The_lifecycle_goes_raised_reported_decided()
    {
        Fire(ExceptionState.Raised, ExceptionMachine.Trigger.Report, hasReport: false).Should().Be(ExceptionState.Reported);
        Fire(ExceptionState.Reported, ExceptionMachine.Trigger.Report).Should().Be(ExceptionState.Reported);
        foreach (var decision in new[] { ExceptionMachine.Trigger.ApproveExceptionPlan, ExceptionMachine.Trigger.AdjustTolerances, ExceptionMachine.Trigger.PrematureClosure })
        {
            Fire(ExceptionState.Reported, decision).Should().Be(ExceptionState.Decided);
            Fire(ExceptionState.Escalated, decision).Should().Be(ExceptionState.Decided);
        }

        Fire(ExceptionState.Reported, ExceptionMachine.Trigger.Escalate).Should().Be(ExceptionState.Escalated);
        Permitted(ExceptionState.Decided).Should().BeEmpty();
        Permitted(ExceptionState.Raised).Should().Equal(ExceptionMachine.Trigger.Report, ExceptionMachine.Trigger.SupersedeByStop);
    }

    [Fact]
    public void Escalation_is_guarded_by_the_report_and_the_stage_level()
    {
        ExceptionMachine.Create(new ExceptionFacts(ToleranceLevel.Stage, ExceptionState.Reported, HasReport: false))
            .CanFire(ExceptionMachine.Trigger.Escalate, out var unmet).Should().BeFalse();
        unmet.Should().Equal(ExceptionMachine.NoReport);
        ExceptionMachine.Create(new ExceptionFacts(ToleranceLevel.Project, ExceptionState.Reported, HasReport: true))
            .CanFire(ExceptionMachine.Trigger.Escalate, out unmet).Should().BeFalse();
        unmet.Should().Equal(ExceptionMachine.NotAStageException);
    }

    [Fact]
    public void The_lifecycle_exports_to_mermaid() =>
        ExceptionMachine.Mermaid().Should().Contain("Raised --> Reported : Report").And.Contain("Reported --> Escalated : Escalate");

    [Theory]
    [InlineData(ExceptionState.Raised)]
    [InlineData(ExceptionState.Reported)]
    [InlineData(ExceptionState.Escalated)]
    public void A_stop_supersedes_an_open_exception_and_it_is_open_no_longer(ExceptionState state)
    {
        var superseded = ExceptionRules.SupersedeByStop(Stage(state, escalated: state == ExceptionState.Escalated));

        superseded.Should().Be(ExceptionState.SupersededByStop);
        ExceptionRules.IsOpen(superseded).Should().BeFalse();
        ExceptionRules.IsOpen(state).Should().BeTrue();
        ExceptionRules.OpenStates.Should().NotContain(ExceptionState.SupersededByStop).And.NotContain(ExceptionState.Decided);
    }

    [Theory]
    [InlineData(Phase.Concept, true)]
    [InlineData(Phase.Planning, true)]
    [InlineData(Phase.Execution, true)]
    [InlineData(Phase.Closure, false)]
    [InlineData(Phase.Realisation, false)]
    public void Premature_closure_is_a_decision_only_before_closure(Phase phase, bool allowed)
    {
        var outcome = ExceptionRules.CheckDecision(Project(ExceptionState.Reported), Facts.Board, ExceptionDecision.PrematureClosure, phase);

        outcome.Error?.Code.Should().Be(allowed ? null : "premature-closure-too-late");
    }

    [Fact]
    public void A_raised_exception_is_decided_only_after_its_report() =>
        ExceptionRules.CheckDecision(Stage(ExceptionState.Raised, reportedBy: null), Facts.Exec, ExceptionDecision.AdjustTolerances, Phase.Execution)
            .Error!.Code.Should().Be("exception-not-decidable");

    [Fact]
    public void The_executive_decides_a_stage_exception_and_the_board_does_not() =>
        (ExceptionRules.CheckDecision(Stage(ExceptionState.Reported), Facts.Exec, ExceptionDecision.ApproveExceptionPlan, Phase.Execution).Value,
         ExceptionRules.CheckDecision(Stage(ExceptionState.Reported), Facts.Board, ExceptionDecision.ApproveExceptionPlan, Phase.Execution).Error!.Kind)
        .Should().Be((ExceptionState.Decided, ErrorKind.Forbidden));

    [Fact]
    public void The_board_decides_project_and_escalated_exceptions_and_the_executive_does_not()
    {
        ExceptionRules.CheckDecision(Project(ExceptionState.Reported), Facts.Board, ExceptionDecision.PrematureClosure, Phase.Execution).Value.Should().Be(ExceptionState.Decided);
        ExceptionRules.CheckDecision(Project(ExceptionState.Reported), Facts.Exec, ExceptionDecision.PrematureClosure, Phase.Execution).Error!.Kind.Should().Be(ErrorKind.Forbidden);
        var escalated = Stage(ExceptionState.Escalated, escalated: true);
        ExceptionRules.CheckDecision(escalated, Facts.Board, ExceptionDecision.AdjustTolerances, Phase.Execution).Value.Should().Be(ExceptionState.Decided);
        ExceptionRules.CheckDecision(escalated, Facts.Exec, ExceptionDecision.AdjustTolerances, Phase.Execution).Error!.Kind.Should().Be(ErrorKind.Forbidden);
    }

    [Fact]
    public void Only_a_stage_exception_is_escalated_and_only_once()
    {
        ExceptionRules.CheckDecision(Stage(ExceptionState.Reported), Facts.Exec, ExceptionDecision.Escalate, Phase.Execution).Value.Should().Be(ExceptionState.Escalated);
        ExceptionRules.CheckDecision(Project(ExceptionState.Reported), Facts.Board, ExceptionDecision.Escalate, Phase.Execution).Error!.Code.Should().Be("exception-not-decidable");
        ExceptionRules.CheckDecision(Stage(ExceptionState.Escalated, escalated: true), Facts.Board, ExceptionDecision.Escalate, Phase.Execution)
            .Error!.Code.Should().Be("exception-not-decidable");
    }

    [Fact]
    public void The_reporter_never_decides()
    {
        var roles = Facts.Ready(Phase.Execution).Roles.Append(Facts.Role(ProjectRole.Executive, "per")).ToList();
        var reporterAsExecutive = Facts.Standing("per", roles);

        ExceptionRules.CheckDecision(Stage(ExceptionState.Reported, reportedBy: "per"), reporterAsExecutive, ExceptionDecision.AdjustTolerances, Phase.Execution)
            .Error!.Code.Should().Be("four-eyes");
    }

    [Fact]
    public void Only_the_project_manager_reports_and_not_after_the_decision()
    {
        ExceptionRules.CheckReport(Stage(ExceptionState.Raised, null), Facts.Pm, Phase.Execution, null).Should().BeNull();
        ExceptionRules.CheckReport(Stage(ExceptionState.Raised, null), Facts.Exec, Phase.Execution, null)!.Kind.Should().Be(ErrorKind.Forbidden);
        ExceptionRules.CheckReport(Stage(ExceptionState.Decided), Facts.Pm, Phase.Execution, null)!.Code.Should().Be("exception-not-reportable");
    }

    [Fact]
    public void In_realisation_the_line_reports_a_benefit_exception_and_the_project_manager_does_not()
    {
        var benefitException = new ExceptionCase(Guid.NewGuid(), ToleranceLevel.Project, ExceptionState.Raised, false, null, BenefitId: Guid.NewGuid());
        var lineOwner = Facts.Standing("lise");

        ExceptionRules.CheckReport(benefitException, Facts.Standing("bo"), Phase.Realisation, "lise").Should().BeNull("bo is the Benefit Owner");
        ExceptionRules.CheckReport(benefitException, lineOwner, Phase.Realisation, "lise").Should().BeNull("lise owns the benefit in the line");
        ExceptionRules.CheckReport(benefitException, Facts.Pm, Phase.Realisation, "lise")!.Kind.Should().Be(ErrorKind.Forbidden);
        ExceptionRules.CheckReport(benefitException, lineOwner, Phase.Realisation, "lars")!.Kind.Should().Be(ErrorKind.Forbidden);
    }

    [Fact]
    public void Adjusting_stage_tolerances_stays_inside_the_project_tolerance_and_the_board_sets_the_project_one()
    {
        var project = Facts.Tolerances(ToleranceLevel.Project, 100);

        ExceptionRules.CheckAuthority(ToleranceLevel.Stage, Facts.Tolerances(ToleranceLevel.Stage, 100), project).Should().BeNull();
        ExceptionRules.CheckAuthority(ToleranceLevel.Stage, Facts.Tolerances(ToleranceLevel.Stage, 150), project).Should().Contain("allows 150 above plan");
        ExceptionRules.CheckAuthority(ToleranceLevel.Project, Facts.Tolerances(ToleranceLevel.Project, 1000), project).Should().BeNull();
    }

    [Fact]
    public void A_breach_is_raised_once_while_its_exception_is_open()
    {
        var exceeded = ToleranceRules.Evaluate(new Tolerance(Dimension.Cost, 100, 0, 10), 120);
        var within = ToleranceRules.Evaluate(new Tolerance(Dimension.Time, 100, 0, 10), 105);

        Breaches.ToRaise(ToleranceLevel.Stage, 1, null, [exceeded, within], []).Should().ContainSingle().Which.Dimension.Should().Be(Dimension.Cost);
        Breaches.ToRaise(ToleranceLevel.Stage, 1, null, [exceeded], [new OpenBreach(ToleranceLevel.Stage, 1, null, Dimension.Cost)]).Should().BeEmpty();
        Breaches.ToRaise(ToleranceLevel.Stage, 2, null, [exceeded], [new OpenBreach(ToleranceLevel.Stage, 1, null, Dimension.Cost)]).Should().ContainSingle();
        Breaches.ToRaise(ToleranceLevel.Project, 1, null, [exceeded], [new OpenBreach(ToleranceLevel.Stage, 1, null, Dimension.Cost)]).Should().ContainSingle();
    }

    [Fact]
    public void An_open_exception_blocks_approval_at_every_decision_point_but_not_stop()
    {
        foreach (var (phase, point) in new[] { (Phase.Proposed, DecisionPoint.Bp1), (Phase.Planning, DecisionPoint.Bp3), (Phase.Execution, DecisionPoint.StageBoundary), (Phase.Execution, DecisionPoint.Bp4), (Phase.Closure, DecisionPoint.Bp5) })
        {
            // In closure there is no stop at all (the only way on is BP5); elsewhere an open exception never blocks one.
            var facts = Facts.Ready(phase) with { OpenExceptions = 1 };
            var decider = DecisionPoints.DeciderOf(point) == Decider.PortfolioBoard ? Facts.Board : Facts.Exec;
            var request = new OpenGateRequest(Guid.NewGuid(), point, "per");

            var refused = Gatekeeper.Default.Decide(facts, decider, point, request, Decision.Approve, null);
            refused.Error!.Code.Should().Be("criteria-unmet");
            ((IEnumerable<CriterionResult>)refused.Error.Extensions["unmetCriteria"]!).Select(c => c.Id).Should().Equal("no-open-exception");
            Gatekeeper.Default.Decide(facts, decider, point, request, Decision.Stop, "Avvik uten løsning").Error?.Code
                .Should().Be(phase == Phase.Closure ? "no-stop-in-closure" : null);
        }
    }

    [Theory]
    [InlineData("next-stage-planned")]
    [InlineData("next-stage-tolerances")]
    [InlineData("project-tolerances-set")]
    public void Bp3_and_the_stage_boundary_need_the_next_stage_planned_inside_project_tolerances(string criterion)
    {
        foreach (var (phase, point) in new[] { (Phase.Planning, DecisionPoint.Bp3), (Phase.Execution, DecisionPoint.StageBoundary) })
        {
            var ready = Facts.Ready(phase);
            var facts = criterion switch
            {
                "next-stage-planned" => ready with { PlannedStages = new HashSet<int>() },
                "next-stage-tolerances" => ready with
                {
                    StageTolerances = ready.StageTolerances.ToDictionary(p => p.Key,
                        p => p.Value with { ByDimension = p.Value.ByDimension.Where(d => d.Key != Dimension.Risk).ToDictionary() }),
                },
                _ => ready with { ProjectTolerance = null },
            };

            var evaluation = Gatekeeper.Default.Evaluate(facts, point, null);

            evaluation.Criteria.Where(c => !c.Met).Select(c => c.Id).Should().Equal(criterion);
        }
    }

    [Fact]
    public void A_planned_next_stage_makes_the_stage_boundary_the_default_in_execution() =>
        Gatekeeper.PointAhead(new GateFacts { Phase = Phase.Execution, Stage = 1, PlannedStages = new HashSet<int> { 2 } }, null, null)
            .Value.Should().Be(DecisionPoint.StageBoundary);
}
