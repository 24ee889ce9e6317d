using ProjectMethod.Domain.Archive;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.CoCreation;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Ideas;
using ProjectMethod.Domain.Lessons;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

/// <summary>
/// The refusals that depend on where a record stands — answered once, published once, written in its phase — each judged
/// from the facts alone, as the use cases ask them.
/// </summary>
public sealed class RecordStateTests
{
    private static void Refuses(DomainError? error, string code)
    {
        error.Should().NotBeNull();
        error!.Code.Should().Be(code);
        error.Kind.Should().Be(ErrorKind.Conflict);
    }

    [Fact]
    public void A_completed_or_rejected_project_is_closed_to_changes_and_every_other_phase_is_open()
    {
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var error = DecisionPoints.CheckOpen(phase);
            if (phase is Phase.Completed or Phase.Rejected)
            {
                Refuses(error, "project-finished");
                error!.Detail.Should().Be($"The project is {char.ToLowerInvariant(phase.ToString()[0])}{phase.ToString()[1..]}; its record is closed to changes.");
            }
            else
            {
                error.Should().BeNull();
            }
        }
    }

    [Fact]
    public void The_mandate_is_written_only_while_the_project_is_proposed()
    {
        DecisionPoints.CheckMandateOpen(Phase.Proposed).Should().BeNull();
        foreach (var phase in Enum.GetValues<Phase>().Where(p => p != Phase.Proposed))
        {
            Refuses(DecisionPoints.CheckMandateOpen(phase), "mandate-settled");
        }
    }

    [Fact]
    public void A_checklist_item_is_answered_while_the_project_heads_for_its_decision_point()
    {
        ChecklistRules.CheckAnswerable(DecisionPoint.Bp2, Phase.Concept).Should().BeNull();
        ChecklistRules.CheckAnswerable(DecisionPoint.Bp4, Phase.Execution).Should().BeNull();
        var passed = ChecklistRules.CheckAnswerable(DecisionPoint.Bp2, Phase.Planning);
        Refuses(passed, "checklist-closed");
        passed!.Detail.Should().EndWith("it is planning now.");
        Refuses(ChecklistRules.CheckAnswerable(DecisionPoint.Bp5, Phase.Execution), "checklist-closed");
    }

    [Fact]
    public void A_lesson_is_published_once_and_the_closing_reports_are_written_in_closure()
    {
        LessonRules.CheckPublishable(published: false).Should().BeNull();
        Refuses(LessonRules.CheckPublishable(published: true), "lesson-published");

        LessonRules.CheckReportable(Phase.Closure).Should().BeNull();
        foreach (var phase in Enum.GetValues<Phase>().Where(p => p != Phase.Closure))
        {
            Refuses(LessonRules.CheckReportable(phase), "not-in-closure");
        }
    }

    [Fact]
    public void An_idea_made_a_proposal_or_declined_is_answered_for_good()
    {
        IdeaRules.CheckTriageable(null).Should().BeNull();
        var answered = IdeaRules.CheckTriageable("declined");
        Refuses(answered, "idea-answered");
        answered!.Detail.Should().Be("The idea was declined already; its answer stands.");
    }

    [Fact]
    public void A_sector_has_one_handbook_draft_at_a_time()
    {
        HandbookRules.CheckNewDraft("helse", draftExists: false).Should().BeNull();
        var second = HandbookRules.CheckNewDraft("helse", draftExists: true);
        Refuses(second, "draft-exists");
        second!.Detail.Should().Contain("helse");
    }

    [Fact]
    public void Only_a_written_business_case_is_reviewed()
    {
        BusinessCaseRules.CheckReviewable(written: true).Should().BeNull();
        Refuses(BusinessCaseRules.CheckReviewable(written: false), "no-business-case");
    }

    [Fact]
    public void A_broken_role_rule_is_refused_naming_the_rule()
    {
        var error = new RoleRuleViolation("single-executive", "A project has exactly one Executive.").ToError();

        Refuses(error, "role-rule-broken");
        error.Detail.Should().Be("A project has exactly one Executive.");
        error.Extensions.Should().ContainKey("rule").WhoseValue.Should().Be("single-executive");
    }

    [Theory]
    [InlineData(Phase.Concept, false, false, null)]
    [InlineData(Phase.Execution, false, true, "benefit-baselined")]
    [InlineData(Phase.Execution, false, false, null)]
    [InlineData(Phase.Planning, false, true, null)]
    [InlineData(Phase.Closure, true, false, "benefit-evaluated")]
    [InlineData(Phase.Concept, true, false, "benefit-evaluated")]
    public void A_benefit_is_edited_until_its_evaluation_and_once_baselined_its_figures_change_only_by_a_decided_change(
        Phase phase, bool evaluated, bool baselineChanges, string? refused)
    {
        var error = BenefitRules.CheckRedefine(phase, evaluated, baselineChanges);

        error?.Code.Should().Be(refused);
        (error is null).Should().Be(refused is null);
    }

    [Theory]
    [InlineData(Phase.Execution, true, false, null)]
    [InlineData(Phase.Realisation, true, false, null)]
    [InlineData(Phase.Planning, true, false, "not-measurable")]
    [InlineData(Phase.Execution, false, false, "not-measurable")]
    [InlineData(Phase.Closure, true, true, "not-measurable")]
    public void A_benefit_is_measured_from_execution_with_its_plan_until_its_evaluation(Phase phase, bool planned, bool evaluated, string? refused)
    {
        var error = BenefitRules.CheckMeasurable(phase, planned, evaluated);

        error?.Code.Should().Be(refused);
        (error is null).Should().Be(refused is null);
    }

    [Theory]
    [InlineData(Phase.Execution, false, false, null)]
    [InlineData(Phase.Planning, false, false, "benefit-not-baselined")]
    [InlineData(Phase.Realisation, true, false, "benefit-not-baselined")]
    [InlineData(Phase.Closure, false, true, "benefit-change-pending")]
    public void A_change_is_proposed_for_a_baselined_benefit_one_at_a_time(Phase phase, bool evaluated, bool pending, string? refused)
    {
        var error = BenefitRules.CheckChangeProposable(phase, evaluated, pending);

        error?.Code.Should().Be(refused);
        (error is null).Should().Be(refused is null);
    }

    [Fact]
    public void A_change_is_decided_once_and_a_benefit_evaluated_once_in_closure_or_realisation()
    {
        BenefitRules.CheckChangeOpen(BenefitChangeState.Proposed).Should().BeNull();
        foreach (var state in Enum.GetValues<BenefitChangeState>().Where(s => s != BenefitChangeState.Proposed))
        {
            Refuses(BenefitRules.CheckChangeOpen(state), "benefit-change-decided");
        }

        BenefitRules.CheckEvaluable(Phase.Closure, evaluated: false).Should().BeNull();
        BenefitRules.CheckEvaluable(Phase.Realisation, evaluated: false).Should().BeNull();
        Refuses(BenefitRules.CheckEvaluable(Phase.Realisation, evaluated: true), "not-evaluable");
        Refuses(BenefitRules.CheckEvaluable(Phase.Execution, evaluated: false), "not-evaluable");
    }

    [Fact]
    public void A_benefit_is_owned_by_a_senior_user_or_the_benefit_owner()
    {
        var roles = new[]
        {
            new RoleAssignment(Guid.NewGuid(), ProjectRole.SeniorUser, "su", "Su"),
            new RoleAssignment(Guid.NewGuid(), ProjectRole.BenefitOwner, "bo", "Bo"),
            new RoleAssignment(Guid.NewGuid(), ProjectRole.ProjectManager, "pm", "Pm"),
        };

        BenefitRules.CheckOwner(roles, "su").Should().BeNull();
        BenefitRules.CheckOwner(roles, "bo").Should().BeNull();
        Refuses(BenefitRules.CheckOwner(roles, "pm"), "benefit-owner-role");
        Refuses(BenefitRules.CheckOwner(roles, "stranger"), "benefit-owner-role");
    }

    [Fact]
    public void The_co_creation_register_is_open_from_concept_to_realisation_and_names_each_group_once()
    {
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var error = CoCreationRules.CheckOpen(phase);
            if (CoCreationRules.Phases.Contains(phase))
            {
                error.Should().BeNull();
            }
            else
            {
                Refuses(error, "co-creation-closed");
            }
        }

        CoCreationRules.CheckNewGroup(["Elevrådet", "Foreldre"], "Ungdomsrådet").Should().BeNull();
        Refuses(CoCreationRules.CheckNewGroup(["Elevrådet", "Foreldre"], "elevrådet"), "group-exists");
    }

    [Fact]
    public void A_gap_is_explained_only_where_involvement_fell_short_and_an_input_is_answered_once_unless_later()
    {
        CoCreationRules.CheckGap(met: false).Should().BeNull();
        Refuses(CoCreationRules.CheckGap(met: true), "co-creation-met");

        CoCreationRules.CheckAnswerable(null).Should().BeNull();
        CoCreationRules.CheckAnswerable(InputOutcome.Later).Should().BeNull();
        foreach (var outcome in Enum.GetValues<InputOutcome>().Where(o => o != InputOutcome.Later))
        {
            Refuses(CoCreationRules.CheckAnswerable(outcome), "input-answered");
        }
    }

    [Fact]
    public void Only_a_failed_archive_record_is_sent_again_and_only_one_sent_is_receipted()
    {
        ArchiveRules.CheckResendable(failed: true, "failed").Should().BeNull();
        foreach (var state in new[] { "queued", "sent", "receipted" })
        {
            Refuses(ArchiveRules.CheckResendable(failed: false, state), "not-failed");
        }

        ArchiveRules.CheckReceiptable(everSent: true).Should().BeNull();
        Refuses(ArchiveRules.CheckReceiptable(everSent: false), "not-sent");
    }
}
