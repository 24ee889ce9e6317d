using NodaTime;
using ProjectMethod.Domain.CoCreation;
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
}
