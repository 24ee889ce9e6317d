using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

public sealed class GatekeeperTests
{
    private static readonly Gatekeeper Gates = Gatekeeper.Default;
    private static readonly OpenGateRequest Bp3Request = new(Guid.NewGuid(), DecisionPoint.Bp3, "per");

    [Fact]
    public void Only_the_executive_decides_at_bp3()
    {
        var outcome = Gates.Decide(Facts.Ready(Phase.Planning), Facts.Board, DecisionPoint.Bp3, Bp3Request, Decision.Approve, null);

        outcome.Error!.Kind.Should().Be(ErrorKind.Forbidden);
        outcome.Error.Detail.Should().Contain("Executive");
    }

    [Fact]
    public void Only_the_portfolio_board_decides_at_bp1_bp2_and_bp6()
    {
        foreach (var (phase, point) in new[] { (Phase.Proposed, DecisionPoint.Bp1), (Phase.Concept, DecisionPoint.Bp2), (Phase.Realisation, DecisionPoint.Bp6) })
        {
            Gates.Decide(Facts.Ready(phase), Facts.Exec, point, new(Guid.NewGuid(), point, "per"), Decision.Approve, null)
                .Error!.Kind.Should().Be(ErrorKind.Forbidden);
        }
    }

    [Fact]
    public void Whoever_asked_for_the_decision_never_decides_it()
    {
        var requestedByExecutive = Bp3Request with { RequestedBy = "eva" };

        var outcome = Gates.Decide(Facts.Ready(Phase.Planning), Facts.Exec, DecisionPoint.Bp3, requestedByExecutive, Decision.Approve, null);

        outcome.Error!.Code.Should().Be("four-eyes");
    }

    [Theory]
    [InlineData(Decision.Approve)]
    [InlineData(Decision.Reject)]
    public void Approve_and_reject_answer_an_open_request(Decision decision) =>
        Gates.Decide(Facts.Ready(Phase.Planning), Facts.Exec, DecisionPoint.Bp3, null, decision, "Begrunnelse her")
            .Error!.Code.Should().Be("no-open-request");

    [Fact]
    public void Reject_needs_a_rationale_and_leaves_the_project_where_it_is()
    {
        Gates.Decide(Facts.Ready(Phase.Planning), Facts.Exec, DecisionPoint.Bp3, Bp3Request, Decision.Reject, null)
            .Error!.Code.Should().Be("rationale-required");

        var outcome = Gates.Decide(Facts.Ready(Phase.Planning), Facts.Exec, DecisionPoint.Bp3, Bp3Request, Decision.Reject, "Planen må bearbeides");
        outcome.Value!.To.Should().Be(Phase.Planning);
    }

    [Fact]
    public void Reject_is_allowed_even_when_criteria_are_unmet() =>
        Gates.Decide(new GateFacts { Phase = Phase.Planning, BusinessCaseVersion = 1 }, Facts.Exec, DecisionPoint.Bp3, Bp3Request,
            Decision.Reject, "Mangler styre").Error.Should().BeNull();

    [Fact]
    public void An_unjustified_business_case_allows_only_stop()
    {
        var facts = Facts.Ready(Phase.Planning) with { LatestBusinessCaseReview = new BusinessCaseReview(2, Phase.Planning, null, false) };

        Gates.Evaluate(facts, DecisionPoint.Bp3, Bp3Request).AllowedDecisions.Should().Equal(Decision.Stop);
        Gates.Decide(facts, Facts.Exec, DecisionPoint.Bp3, Bp3Request, Decision.Reject, "Vi prøver igjen")
            .Error!.Code.Should().Be("business-case-unjustified");
        Gates.Decide(facts, Facts.Exec, DecisionPoint.Bp3, Bp3Request, Decision.Stop, "Ikke lenger forsvarlig")
            .Value!.To.Should().Be(Phase.Closure);
    }

    [Fact]
    public void Allowed_decisions_follow_the_request_and_the_criteria()
    {
        Gates.Evaluate(Facts.Ready(Phase.Planning), DecisionPoint.Bp3, null).AllowedDecisions.Should().Equal(Decision.Stop);
        Gates.Evaluate(Facts.Ready(Phase.Planning), DecisionPoint.Bp3, Bp3Request).AllowedDecisions
            .Should().Equal(Decision.Approve, Decision.Reject, Decision.Stop);
        Gates.Evaluate(Facts.Ready(Phase.Planning) with { LessonsReviewed = false, Roles = [] }, DecisionPoint.Bp3, Bp3Request)
            .AllowedDecisions.Should().Equal(Decision.Reject, Decision.Stop);
    }

    [Fact]
    public void The_project_manager_asks_for_decisions_from_bp2_to_bp5()
    {
        var facts = Facts.Ready(Phase.Planning);

        Gatekeeper.CheckRequest(facts, Facts.Pm, DecisionPoint.Bp3, null, "Anbefaler oppstart").Should().BeNull();
        Gatekeeper.CheckRequest(facts, Facts.Exec, DecisionPoint.Bp3, null, "Anbefaler oppstart")!.Kind.Should().Be(ErrorKind.Forbidden);
    }

    [Fact]
    public void At_bp1_the_proposer_or_the_executive_asks_and_at_bp6_the_benefit_owner_or_the_executive()
    {
        var proposer = Facts.Standing("pia");
        Gatekeeper.CheckRequest(Facts.Ready(Phase.Proposed), proposer, DecisionPoint.Bp1, null, "Start").Should().BeNull();
        Gatekeeper.CheckRequest(Facts.Ready(Phase.Proposed), Facts.Exec, DecisionPoint.Bp1, null, "Start").Should().BeNull();
        Gatekeeper.CheckRequest(Facts.Ready(Phase.Proposed), Facts.Pm, DecisionPoint.Bp1, null, "Start")!.Kind.Should().Be(ErrorKind.Forbidden);

        Gatekeeper.CheckRequest(Facts.Ready(Phase.Realisation), Facts.Standing("bo"), DecisionPoint.Bp6, null, "Avslutt").Should().BeNull();
        Gatekeeper.CheckRequest(Facts.Ready(Phase.Realisation), Facts.Pm, DecisionPoint.Bp6, null, "Avslutt")!.Kind.Should().Be(ErrorKind.Forbidden);
    }

    [Fact]
    public void A_second_request_while_one_is_open_is_refused_and_a_request_needs_a_recommendation()
    {
        var facts = Facts.Ready(Phase.Planning);

        Gatekeeper.CheckRequest(facts, Facts.Pm, DecisionPoint.Bp3, Bp3Request, "Igjen")!.Code.Should().Be("request-open");
        Gatekeeper.CheckRequest(facts, Facts.Pm, DecisionPoint.Bp3, null, "  ")!.Code.Should().Be("recommendation-required");
    }

    [Fact]
    public void A_user_without_a_project_role_cannot_prepare_a_decision() =>
        Gatekeeper.CheckRequest(Facts.Ready(Phase.Planning), Facts.Standing("ukjent"), DecisionPoint.Bp3, null, "Anbefaler")!
            .Kind.Should().Be(ErrorKind.Forbidden);

    [Fact]
    public void The_executive_of_another_project_is_not_the_decider()
    {
        var roles = new[] { Facts.Role(ProjectRole.Executive, "annen") };

        Gates.Decide(Facts.Ready(Phase.Planning), Facts.Standing("eva", roles), DecisionPoint.Bp3, Bp3Request, Decision.Approve, null)
            .Error!.Kind.Should().Be(ErrorKind.Forbidden);
    }
}
