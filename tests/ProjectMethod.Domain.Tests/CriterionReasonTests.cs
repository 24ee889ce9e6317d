using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

public sealed class CriterionReasonTests
{
    public static TheoryData<DecisionPoint, Phase> EveryDecisionPoint() => new()
    {
        { DecisionPoint.Bp1, Phase.Proposed }, { DecisionPoint.Bp2, Phase.Concept }, { DecisionPoint.Bp3, Phase.Planning },
        { DecisionPoint.StageBoundary, Phase.Execution }, { DecisionPoint.Bp4, Phase.Execution }, { DecisionPoint.Bp5, Phase.Closure },
        { DecisionPoint.Bp6, Phase.Realisation },
    };

    [Theory]
    [MemberData(nameof(EveryDecisionPoint))]
    public void Every_unmet_criterion_says_why_with_a_reason_each_language_can_render(DecisionPoint point, Phase phase)
    {
        // A project with nothing done: every criterion that can fail does.
        var nothing = new GateFacts { Phase = phase, Stage = phase == Phase.Execution ? 1 : null, OpenExceptions = 2,
            Checklist = [new Checklists.ChecklistEntry(new Checklists.ChecklistItem("x-open", point, "Åpen", "Open", true), Checklists.ChecklistStatus.Open, null)] };

        var unmet = Gatekeeper.Default.Judge(nothing, point).Where(c => !c.Met).ToList();

        unmet.Should().NotBeEmpty();
        unmet.Should().OnlyContain(c => c.Reason != null && c.Reason.Code.Length > 0 && c.Detail != null, "the pages render the reason, the API keeps the detail");
    }

    [Fact]
    public void A_reason_carries_what_its_sentence_names_as_values_not_as_english_words()
    {
        var facts = new GateFacts { Phase = Phase.Concept, Roles = [Facts.Executive, Facts.Role(ProjectRole.ProjectManager, "eva")] };

        var judged = Gatekeeper.Default.Judge(facts, DecisionPoint.Bp2).ToDictionary(c => c.Id);

        judged["core-roles-assigned"].Reason.Should().BeEquivalentTo(Reason.Of("roles-missing", ReasonArgument.Of(ReasonArgumentKind.Role, ["benefitOwner"])));
        judged["role-rules-hold"].Reason!.Code.Should().Be("role-rules-broken");
        judged["role-rules-hold"].Reason!.Arguments.Single().Values.Should().Contain("executive-not-project-manager");
    }
}
