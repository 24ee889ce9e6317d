using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Domain.Tests;

/// <summary>Gate facts of a project that meets every criterion of the decision point ahead; tests take one thing away.</summary>
internal static class Facts
{
    public static readonly RoleAssignment Executive = Role(ProjectRole.Executive, "eva");
    public static readonly RoleAssignment ProjectManager = Role(ProjectRole.ProjectManager, "per");
    public static readonly RoleAssignment BenefitOwner = Role(ProjectRole.BenefitOwner, "bo");
    public static readonly RoleAssignment SeniorUser = Role(ProjectRole.SeniorUser, "siri");
    public static readonly RoleAssignment SeniorSupplier = Role(ProjectRole.SeniorSupplier, "sven");

    public static RoleAssignment Role(ProjectRole role, string userId) => new(Guid.NewGuid(), role, userId, userId);

    public static GateFacts Ready(Phase phase, int? stage = null) => new()
    {
        Phase = phase,
        Stage = stage ?? (phase == Phase.Execution ? 1 : null),
        Sector = "helse",
        Mandate = new Mandate("Bedre oppfølging", "Mange manuelle rutiner"),
        Roles = [Executive, ProjectManager, BenefitOwner, SeniorUser, SeniorSupplier],
        BusinessCaseVersion = 2,
        LatestBusinessCaseReview = new BusinessCaseReview(2, phase, stage ?? (phase == Phase.Execution ? 1 : null), true),
        LessonsReviewed = true,
        LessonsReportWritten = true,
        EndReportWritten = true,
        Checklist = [new ChecklistEntry(new ChecklistItem("bp1-need", DecisionPoint.Bp1, "Behov", "Need", true), ChecklistStatus.Done, null)],
        ProjectTolerance = Tolerances(ToleranceLevel.Project, 100),
        PlannedStages = new HashSet<int> { 1, 2, 3, 4 },
        StageTolerances = Enumerable.Range(1, 4).ToDictionary(n => n, _ => Tolerances(ToleranceLevel.Stage, 50)),
        Benefits = [new BenefitFact(Guid.NewGuid(), "Færre timer", HasLineOwner: true, HasBaselineAndTarget: true,
            phase == Phase.Realisation ? Benefits.BenefitOutcome.Realised : null)],
        LatestBenefitsReview = new BenefitsReview(phase, stage ?? (phase == Phase.Execution ? 1 : null), Realistic: true),
        Products = Enumerable.Range(1, 5).Select(n => Product(n, ProductState.Accepted)).ToList(),
    };

    /// <summary>A product of the stage with one quality criterion and a receiving line unit.</summary>
    public static ProductFact Product(int stage, ProductState state, string? title = null, int openDefects = 0, int? removedInStage = null) =>
        new(Guid.NewGuid(), title ?? $"Produkt {stage}", stage, state, QualityCriteria: 1, HasReceivingLineUnit: true, openDefects, removedInStage);

    /// <summary>A tolerance on every default dimension, plan 1000, this much allowed either way.</summary>
    public static ToleranceSet Tolerances(ToleranceLevel level, decimal allowed) => new(level,
        Dimensions.Default.ToDictionary(d => d, d => new Tolerance(d, 1000, allowed, allowed)));

    public static ProjectStanding Standing(string userId, params string[] globalRoles) =>
        Standing(userId, Ready(Phase.Proposed).Roles, globalRoles);

    public static ProjectStanding Standing(string userId, IReadOnlyList<RoleAssignment> roles, params string[] globalRoles) =>
        ProjectStanding.Of(new Actor(userId, userId, globalRoles.ToHashSet()), roles, proposerId: "pia");

    public static readonly ProjectStanding Board = Standing("bjorn", GlobalRoles.PortfolioBoard);
    public static readonly ProjectStanding Exec = Standing("eva");
    public static readonly ProjectStanding Pm = Standing("per");
}
