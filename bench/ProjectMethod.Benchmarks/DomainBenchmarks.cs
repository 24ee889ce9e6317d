using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using NodaTime;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.CoCreation;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Benchmarks;

/// <summary>
/// The rules every gate view, decision and forecast runs: how long they take and what they allocate, so a change
/// that makes them slower shows as a ratio against these figures within one run.
/// </summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private GateFacts bp3 = null!;
    private ProjectStanding executive = null!;
    private OpenGateRequest request = null!;
    private ToleranceSet stage = null!;
    private Dictionary<Dimension, decimal> forecast = null!;
    private BenefitPlan plan = null!;
    private List<Point> measurements = null!;
    private List<RoleAssignment> organisation = null!;
    private List<StakeholderGroup> groups = null!;
    private List<PlannedInvolvement> coCreationPlan = null!;
    private List<CoCreationActivity> activities = null!;
    private List<CoCreationInput> inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        organisation =
        [
            new(Guid.NewGuid(), ProjectRole.Executive, "eva", "Eva"),
            new(Guid.NewGuid(), ProjectRole.ProjectManager, "per", "Per"),
            new(Guid.NewGuid(), ProjectRole.BenefitOwner, "bo", "Bo"),
            .. Enumerable.Range(0, 6).Select(i => new RoleAssignment(Guid.NewGuid(), ProjectRole.SeniorUser, $"su{i}", "SU")),
            .. Enumerable.Range(0, 6).Select(i => new RoleAssignment(Guid.NewGuid(), ProjectRole.SeniorSupplier, $"ss{i}", "SS")),
            .. Enumerable.Range(0, 10).Select(i => new RoleAssignment(Guid.NewGuid(), ProjectRole.TeamManager, $"tm{i}", "TM")),
        ];
        stage = new ToleranceSet(ToleranceLevel.Stage, Dimensions.Default.ToDictionary(d => d, d => new Tolerance(d, 1000, 50, 50)));
        bp3 = new GateFacts
        {
            Phase = Phase.Planning,
            Roles = organisation,
            BusinessCaseVersion = 3,
            LatestBusinessCaseReview = new BusinessCaseReview(3, Phase.Planning, null, true),
            Checklist = Enumerable.Range(0, 30).Select(i => new ChecklistEntry(
                new ChecklistItem($"item{i}", DecisionPoint.Bp3, "nb", "en", i % 2 == 0), ChecklistStatus.Done, null)).ToList(),
            ProjectTolerance = stage with { Level = ToleranceLevel.Project },
            PlannedStages = new HashSet<int> { 1 },
            StageTolerances = new Dictionary<int, ToleranceSet> { [1] = stage },
            Benefits = [new BenefitFact(Guid.NewGuid(), "Gevinst", true, true, null)],
        };
        executive = ProjectStanding.Of(new Actor("eva", "Eva", new HashSet<string>()), organisation, "pia");
        request = new OpenGateRequest(Guid.NewGuid(), DecisionPoint.Bp3, "per");
        forecast = Dimensions.Default.ToDictionary(d => d, d => 1040m);
        plan = new BenefitPlan(new Point(new LocalDate(2026, 1, 1), 120), new Point(new LocalDate(2028, 1, 1), 80), 5, Period.FromMonths(3));
        measurements = Enumerable.Range(1, 20).Select(m => new Point(new LocalDate(2026, 1, 1).PlusDays(30 * m), 120 - m)).ToList();

        // A large register: 40 groups planned in three phases each, 200 activities of five groups, 1 000 inputs.
        var random = new Random(20261123);
        groups = Enumerable.Range(0, 40).Select(i => new StakeholderGroup(Guid.NewGuid(), $"Gruppe {i}", (GroupKind)(i % 10), i % 4 == 0)).ToList();
        coCreationPlan = groups.SelectMany(g => new[] { Phase.Concept, Phase.Planning, Phase.Execution }
            .Select(p => new PlannedInvolvement(g.Id, p, (InvolvementLevel)random.Next(5), CoCreationPurpose.Efficiency))).ToList();
        activities = Enumerable.Range(0, 200).Select(i => new CoCreationActivity(Guid.NewGuid(), new LocalDate(2026, 1, 1).PlusDays(i), ActivityKind.Workshop,
            (Phase)random.Next(1, 4), (InvolvementLevel)random.Next(5),
            Enumerable.Range(0, 5).Select(_ => new Participation(groups[random.Next(groups.Count)].Id, random.Next(0, 20))).DistinctBy(p => p.GroupId).ToList())).ToList();
        inputs = Enumerable.Range(0, 1000).Select(i => new CoCreationInput(Guid.NewGuid(), activities[i % 200].Id, groups[i % 40].Id, activities[i % 200].Date,
            i % 3 == 0 ? null : InputOutcome.Adopted)).ToList();
    }

    [Benchmark(Baseline = true, Description = "BP3 gate view: every criterion evaluated")]
    public GateEvaluation GateView() => Gatekeeper.Default.Evaluate(bp3, DecisionPoint.Bp3, request);

    [Benchmark(Description = "BP3 approval: criteria, roles, four eyes, transition")]
    public GateDecisionOutcome Approve() => Gatekeeper.Default.Decide(bp3, executive, DecisionPoint.Bp3, request, Decision.Approve, null).Value!;

    [Benchmark(Description = "Role assignment check in a 25-person organisation")]
    public RoleRuleViolation? AssignRole() =>
        RoleRules.CheckAssignment(organisation, new RoleAssignment(Guid.NewGuid(), ProjectRole.ProjectAssurance, "qa", "QA"), RoleWaivers.None);

    [Benchmark(Description = "Stage forecast judged on six dimensions")]
    public IReadOnlyList<DimensionEvaluation> JudgeForecast() => ToleranceRules.Evaluate(stage, forecast);

    [Benchmark(Description = "Benefit figures from 20 measurements")]
    public BenefitFigures BenefitFigures() => BenefitMath.Figures(plan, measurements, new LocalDate(2027, 9, 1));

    [Benchmark(Description = "Co-creation summary: 40 groups, 120 planned, 200 activities, 1 000 inputs")]
    public CoCreationSummary CoCreationSummary() => Domain.CoCreation.CoCreationSummary.Of(groups, coCreationPlan, activities, inputs, new LocalDate(2026, 11, 23));
}
