using NodaTime;
using ProjectMethod.Domain.CoCreation;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Tests;

public sealed class CoCreationTests
{
    private static readonly StakeholderGroup Users = new(Guid.NewGuid(), "Brukere av hjemmetjenesten", GroupKind.ServiceUsers, HardToReach: false);
    private static readonly StakeholderGroup Minorities = new(Guid.NewGuid(), "Minoritetsspråklige eldre", GroupKind.Citizens, HardToReach: true);
    private static readonly StakeholderGroup Staff = new(Guid.NewGuid(), "Ansatte i hjemmetjenesten", GroupKind.Employees, HardToReach: false);
    private static readonly LocalDate Today = new(2026, 11, 22);

    private static CoCreationActivity Held(Phase phase, InvolvementLevel level, params (StakeholderGroup Group, int Participants)[] groups) =>
        new(Guid.NewGuid(), Today.PlusDays(-10), ActivityKind.Workshop, phase, level, groups.Select(g => new Participation(g.Group.Id, g.Participants)).ToList());

    [Fact]
    public void A_groups_level_in_a_phase_is_the_highest_of_the_activities_it_took_part_in_there()
    {
        var summary = CoCreationSummary.Of([Users, Minorities, Staff], [],
        [
            Held(Phase.Concept, InvolvementLevel.Consult, (Users, 12)),
            Held(Phase.Concept, InvolvementLevel.Collaborate, (Users, 5), (Staff, 4)),
            Held(Phase.Concept, InvolvementLevel.Inform, (Users, 40)),
            Held(Phase.Planning, InvolvementLevel.Involve, (Users, 6)),
        ], [], Today);

        summary.HighestLevels.Should().BeEquivalentTo(
        [
            new Reached(Users.Id, Phase.Concept, InvolvementLevel.Collaborate),
            new Reached(Staff.Id, Phase.Concept, InvolvementLevel.Collaborate),
            new Reached(Users.Id, Phase.Planning, InvolvementLevel.Involve),
        ]);
        summary.GroupsReached.Should().Be(2);
    }

    [Fact]
    public void A_group_is_reached_only_when_someone_of_it_took_part_and_hard_to_reach_groups_are_counted_apart()
    {
        var invitedNobodyCame = Held(Phase.Concept, InvolvementLevel.Involve, (Minorities, 0), (Users, 3));

        var before = CoCreationSummary.Of([Users, Minorities, Staff], [], [invitedNobodyCame], [], Today);
        var after = CoCreationSummary.Of([Users, Minorities, Staff], [], [invitedNobodyCame, Held(Phase.Concept, InvolvementLevel.Consult, (Minorities, 7))], [], Today);

        (before.Groups, before.GroupsReached, before.HardToReachGroups, before.HardToReachReached).Should().Be((3, 1, 1, 0));
        (after.GroupsReached, after.HardToReachReached).Should().Be((2, 1));
    }

    [Fact]
    public void A_planned_involvement_is_met_when_the_level_reached_is_at_least_the_level_planned()
    {
        var plan = new[]
        {
            new PlannedInvolvement(Users.Id, Phase.Concept, InvolvementLevel.Involve, CoCreationPurpose.Efficiency),
            new PlannedInvolvement(Minorities.Id, Phase.Concept, InvolvementLevel.Consult, CoCreationPurpose.DemocraticEmpowerment),
            new PlannedInvolvement(Staff.Id, Phase.Concept, InvolvementLevel.Empower, CoCreationPurpose.Innovation),
        };

        var summary = CoCreationSummary.Of([Users, Minorities, Staff], plan,
            [Held(Phase.Concept, InvolvementLevel.Collaborate, (Users, 4), (Staff, 3)), Held(Phase.Planning, InvolvementLevel.Consult, (Minorities, 2))], [], Today);

        summary.Plan.Select(p => (p.GroupId, p.Achieved, p.Met)).Should().Equal(
            (Users.Id, InvolvementLevel.Collaborate, true),
            (Minorities.Id, (InvolvementLevel?)null, false),
            (Staff.Id, InvolvementLevel.Collaborate, false));
    }

    [Fact]
    public void An_input_without_a_response_is_unanswered_and_after_thirty_days_overdue()
    {
        var activity = Guid.NewGuid();
        CoCreationInput Input(int daysAgo, InputOutcome? response) => new(Guid.NewGuid(), activity, Users.Id, Today.PlusDays(-daysAgo), response);

        var summary = CoCreationSummary.Of([Users], [], [],
            [Input(31, null), Input(30, null), Input(45, InputOutcome.NotAdopted), Input(2, InputOutcome.Adopted), Input(90, InputOutcome.Later)], Today);

        (summary.Inputs, summary.InputsAnswered, summary.InputsUnanswered, summary.InputsOverdue).Should().Be((5, 3, 2, 1));
    }

    [Fact]
    public void Another_activity_never_lowers_a_level_reached()
    {
        var random = new Random(20261122);
        var groups = new[] { Users, Minorities, Staff };
        var activities = new List<CoCreationActivity>();
        for (var i = 0; i < 200; i++)
        {
            var before = CoCreationSummary.Of(groups, [], activities, [], Today).HighestLevels;
            activities.Add(Held((Phase)random.Next(1, 6), (InvolvementLevel)random.Next(0, 5),
                groups.Where(_ => random.Next(2) == 0).Select(g => (g, random.Next(0, 4))).ToArray()));
            var after = CoCreationSummary.Of(groups, [], activities, [], Today).HighestLevels;

            before.Where(b => !after.Any(a => a.GroupId == b.GroupId && a.Phase == b.Phase && a.Level >= b.Level)).Should().BeEmpty();
            after.Count.Should().BeGreaterThanOrEqualTo(before.Count);
        }
    }

    private static readonly HandbookVersion Switched = HandbookVersion.Standard with { ExtraCriteria = new HashSet<string> { ExtraCriteria.CoCreationPlan } };

    private static GateFacts Register(Phase phase, IReadOnlyList<StakeholderGroup> groups, IReadOnlyList<PlannedInvolvement> plan,
        IReadOnlyList<CoCreationActivity>? activities = null, IReadOnlyList<CoCreationInput>? inputs = null) =>
        Facts.Ready(phase) with
        {
            Handbook = Switched,
            CoCreation = new CoCreationFacts(groups, plan, CoCreationSummary.Of(groups, plan, activities ?? [], inputs ?? [], Today)),
        };

    private static CriterionResult Judge(GateFacts facts, DecisionPoint point, string id) => Gatekeeper.Default.Judge(facts, point).Single(c => c.Id == id);

    [Fact]
    public void The_co_creation_criteria_are_judged_only_where_the_handbook_switches_them_on()
    {
        Gatekeeper.Default.Judge(Facts.Ready(Phase.Concept), DecisionPoint.Bp2).Should().NotContain(c => c.Id == "co-creation-planned");
        Gatekeeper.Default.Judge(Facts.Ready(Phase.Execution), DecisionPoint.Bp4).Should().NotContain(c => c.Id == "co-creation-accounted");

        var planned = Judge(Register(Phase.Concept, [], []), DecisionPoint.Bp2, "co-creation-planned");
        (planned.Met, planned.Principle).Should().Be((false, Principle.P7));
        planned.Detail.Should().Contain("No user group");
    }

    [Fact]
    public void BP2_needs_every_user_group_in_the_plan_and_other_groups_may_wait()
    {
        var politicians = new StakeholderGroup(Guid.NewGuid(), "Hovedutvalg for helse", GroupKind.Politicians, HardToReach: false);
        var consultUsers = new PlannedInvolvement(Users.Id, Phase.Planning, InvolvementLevel.Consult, CoCreationPurpose.Efficiency);

        var missing = Judge(Register(Phase.Concept, [Users, Minorities, politicians], [consultUsers]), DecisionPoint.Bp2, "co-creation-planned");
        missing.Met.Should().BeFalse();
        missing.Detail.Should().Contain(Minorities.Name).And.NotContain(Users.Name).And.NotContain(politicians.Name);

        var onlyOthers = Judge(Register(Phase.Concept, [politicians], [new(politicians.Id, Phase.Concept, InvolvementLevel.Inform, CoCreationPurpose.DemocraticEmpowerment)]),
            DecisionPoint.Bp2, "co-creation-planned");
        onlyOthers.Met.Should().BeFalse();

        Judge(Register(Phase.Concept, [Users, Minorities, politicians],
                [consultUsers, new(Minorities.Id, Phase.Execution, InvolvementLevel.Involve, CoCreationPurpose.DemocraticEmpowerment)]),
            DecisionPoint.Bp2, "co-creation-planned").Met.Should().BeTrue();
    }

    [Fact]
    public void BP4_needs_each_planned_involvement_before_closure_held_or_explained_and_every_input_answered()
    {
        var activity = Held(Phase.Execution, InvolvementLevel.Involve, (Users, 8));
        var plan = new List<PlannedInvolvement>
        {
            new(Users.Id, Phase.Execution, InvolvementLevel.Involve, CoCreationPurpose.Efficiency),
            new(Minorities.Id, Phase.Planning, InvolvementLevel.Consult, CoCreationPurpose.DemocraticEmpowerment),
            new(Minorities.Id, Phase.Realisation, InvolvementLevel.Consult, CoCreationPurpose.DemocraticEmpowerment),
        };
        CoCreationInput Input(InputOutcome? outcome) => new(Guid.NewGuid(), activity.Id, Users.Id, Today, outcome);

        var open = Judge(Register(Phase.Execution, [Users, Minorities], plan, [activity], [Input(InputOutcome.Adopted), Input(null)]), DecisionPoint.Bp4, "co-creation-accounted");
        open.Met.Should().BeFalse();
        open.Detail.Should().Contain($"{Minorities.Name} in planning").And.Contain("1 input").And.NotContain("realisation");

        plan[1] = plan[1] with { GapExplanation = "Ingen tolk var tilgjengelig; gruppen intervjues i gevinstrealiseringen." };
        Judge(Register(Phase.Execution, [Users, Minorities], plan, [activity], [Input(InputOutcome.Adopted), Input(null)]), DecisionPoint.Bp4, "co-creation-accounted")
            .Detail.Should().NotContain("planning").And.Contain("1 input");
        Judge(Register(Phase.Execution, [Users, Minorities], plan, [activity], [Input(InputOutcome.Adopted), Input(InputOutcome.Later)]), DecisionPoint.Bp4, "co-creation-accounted")
            .Met.Should().BeTrue();
    }

    [Fact]
    public void A_new_plan_keeps_what_was_intended_for_the_phases_left_and_may_change_the_rest()
    {
        var concept = new PlannedInvolvement(Users.Id, Phase.Concept, InvolvementLevel.Collaborate, CoCreationPurpose.Innovation);
        var execution = new PlannedInvolvement(Users.Id, Phase.Execution, InvolvementLevel.Involve, CoCreationPurpose.Innovation);

        CoCreationRules.CheckReplan([concept, execution], [execution with { Level = InvolvementLevel.Inform }, concept], Phase.Planning).Should().BeNull();
        CoCreationRules.CheckReplan([concept, execution], [execution], Phase.Planning)!.Code.Should().Be("co-creation-phase-passed");
        CoCreationRules.CheckReplan([concept], [concept with { Level = InvolvementLevel.Consult }], Phase.Planning)!.Code.Should().Be("co-creation-phase-passed");
        CoCreationRules.CheckReplan([concept], [concept, concept with { GroupId = Staff.Id }], Phase.Planning).Should().NotBeNull();
        CoCreationRules.CheckReplan([concept], [concept with { Level = InvolvementLevel.Consult }], Phase.Concept).Should().BeNull();
    }

    [Fact]
    public void An_activity_is_recorded_in_a_phase_the_project_has_reached()
    {
        CoCreationRules.CheckActivityPhase(Phase.Concept, Phase.Execution).Should().BeNull();
        CoCreationRules.CheckActivityPhase(Phase.Execution, Phase.Execution).Should().BeNull();
        CoCreationRules.CheckActivityPhase(Phase.Execution, Phase.Planning)!.Code.Should().Be("co-creation-phase-ahead");
        CoCreationRules.CheckActivityPhase(Phase.Proposed, Phase.Planning).Should().NotBeNull();
        CoCreationRules.CheckGapPhase(Phase.Planning, Phase.Planning).Should().BeNull();
        CoCreationRules.CheckGapPhase(Phase.Execution, Phase.Planning)!.Code.Should().Be("co-creation-not-yet");
    }

    [Theory]
    [InlineData(Phase.Concept, Phase.Planning, false, true)]
    [InlineData(Phase.Planning, Phase.Planning, true, true)]
    [InlineData(Phase.Execution, Phase.Planning, true, false)]
    public void A_phase_left_keeps_its_plan_and_a_gap_is_explained_once_its_phase_is_reached(Phase planned, Phase project, bool replan, bool explain)
    {
        CoCreationRules.MayReplan(planned, project).Should().Be(replan);
        CoCreationRules.MayExplainGap(planned, project).Should().Be(explain);
        (CoCreationRules.CheckGapPhase(planned, project) is null).Should().Be(explain);
    }
}
