using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Access;

/// <summary>Who may do what on a project (DESIGN §3). Everything not granted here is refused.</summary>
public static class ProjectAccess
{
    private sealed record Grant(Func<ProjectStanding, bool> Allows, string Who);

    private static readonly Dictionary<ProjectAction, Grant> Grants = new()
    {
        [ProjectAction.WriteMandate] = new(s => s.IsProposer || s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard,
            "the proposer, the Executive or the portfolio board"),
        [ProjectAction.AppointExecutive] = new(s => s.Actor.IsPortfolioBoard, "the portfolio board"),
        [ProjectAction.AppointOtherRole] = new(s => s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard,
            "the Executive or the portfolio board"),
        [ProjectAction.WriteBusinessCase] = new(s => s.Holds(ProjectRole.ProjectManager) || s.Holds(ProjectRole.Executive),
            "the Project Manager or the Executive"),
        [ProjectAction.ReviewBusinessCase] = new(s => s.Holds(ProjectRole.Executive), "the Executive"),
        [ProjectAction.RecordLesson] = new(s => s.HasAnyRole, "anyone with a role on the project"),
        [ProjectAction.ReviewLessons] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.PublishLesson] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.WriteLessonsReport] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.WriteEndReport] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.SetProjectTolerances] = new(s => s.Programme is null ? s.Actor.IsPortfolioBoard : s.OnProgrammeBoard,
            "the portfolio board, or for a programme's project its programme board"),
        [ProjectAction.SetStageTolerances] = new(s => s.Holds(ProjectRole.Executive), "the Executive"),
        [ProjectAction.PlanStage] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.ManageWorkPackages] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.SubmitForecast] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.RecordRisk] = new(s => s.HasAnyRole, "anyone with a role on the project"),
        [ProjectAction.UpdateRisk] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.ReportException] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.ResolveIssue] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.DefineBenefit] = new(s => s.Holds(ProjectRole.ProjectManager) || s.Holds(ProjectRole.BenefitOwner),
            "the Project Manager or the Benefit Owner"),
        [ProjectAction.ReviewBenefits] = new(s => s.Holds(ProjectRole.BenefitOwner), "the Benefit Owner"),
        [ProjectAction.EvaluateBenefit] = new(s => s.Holds(ProjectRole.BenefitOwner), "the Benefit Owner"),
        [ProjectAction.ProposeBenefitChange] = new(s => s.Holds(ProjectRole.ProjectManager) || s.Holds(ProjectRole.BenefitOwner),
            "the Project Manager or the Benefit Owner"),
        [ProjectAction.ManageProducts] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.NameQualityResponsible] = new(s => s.Holds(ProjectRole.SeniorSupplier), "a Senior Supplier"),
        [ProjectAction.MoveHandbook] = new(s => s.Holds(ProjectRole.Executive), "the Executive"),
        [ProjectAction.ManageCoCreation] = new(s => s.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        [ProjectAction.RecordCoCreationActivity] = new(s => s.Holds(ProjectRole.ProjectManager) || s.Holds(ProjectRole.TeamManager),
            "the Project Manager or a team manager"),
    };

    /// <summary>Null when the actor may; otherwise the refusal, naming who may.</summary>
    public static DomainError? Check(ProjectStanding standing, ProjectAction action)
    {
        var grant = Grants[action];
        return grant.Allows(standing) ? null : DomainError.Forbidden($"Only {grant.Who} may {Describe(action)}.");
    }

    /// <summary>
    /// The first look at who is asking, made before the request's body is read, so a caller who may not do an operation
    /// learns that, whatever the body holds. Each check admits everyone whom the precise rule, applied later to the body
    /// and the project's state, could admit.
    /// </summary>
    public static class Before
    {
        public static Func<ProjectStanding, DomainError?> Action(ProjectAction action) => standing => Check(standing, action);

        /// <summary>Someone who prepares some decision point: the proposer, the Executive, the Project Manager or the Benefit Owner.</summary>
        public static DomainError? Preparer(ProjectStanding s) =>
            s.IsProposer || s.Holds(ProjectRole.Executive) || s.Holds(ProjectRole.ProjectManager) || s.Holds(ProjectRole.BenefitOwner)
                ? null
                : DomainError.Forbidden("Only whoever prepares a decision point (the proposer, the Executive, the Project Manager or the Benefit Owner) may do this.");

        /// <summary>Who may name a product's quality responsible: a Senior Supplier, or the Executive where the category leaves the project without one.</summary>
        public static DomainError? QualityNamer(ProjectStanding s) =>
            s.Holds(ProjectRole.SeniorSupplier) || s.Holds(ProjectRole.Executive)
                ? null
                : DomainError.Forbidden("Only a Senior Supplier (or, in a project without one, the Executive) names a product's quality responsible.");

        /// <summary>A decider: the project's Executive or the portfolio board, or under a handbook's board consensus a Senior User or Senior Supplier.</summary>
        public static DomainError? Decider(ProjectStanding s) =>
            s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard || s.Holds(ProjectRole.SeniorUser) || s.Holds(ProjectRole.SeniorSupplier)
                ? null
                : DomainError.Forbidden("Only the Executive or the portfolio board decides (under board consensus, the board members).");

        /// <summary>
        /// Who decides an exception or a change to a benefit: the Executive (at stage level, in execution) or the portfolio
        /// board. Board consensus is for decision points only; the other board members decide neither.
        /// </summary>
        public static DomainError? ExecutiveOrBoard(ProjectStanding s) =>
            s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard
                ? null
                : DomainError.Forbidden("Only the Executive or the portfolio board decides this.");

        /// <summary>Who decides an exception: the Executive, the portfolio board, or for a programme's project its programme board.</summary>
        public static DomainError? ExceptionDecider(ProjectStanding s) =>
            s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard || s.OnProgrammeBoard
                ? null
                : DomainError.Forbidden("Only the Executive, the portfolio board or the programme's board decides an exception.");

        /// <summary>Who may report an exception: the Project Manager, or the line (the Benefit Owner, a Senior User owning a benefit).</summary>
        public static DomainError? Reporter(ProjectStanding s) =>
            s.Holds(ProjectRole.ProjectManager) || s.Holds(ProjectRole.BenefitOwner) || s.Holds(ProjectRole.SeniorUser)
                ? null
                : DomainError.Forbidden("Only the Project Manager, or in realisation the benefit's owner in the line, reports an exception.");

        /// <summary>Who may register a measurement: the Benefit Owner or a Senior User (the only roles that own benefits).</summary>
        public static DomainError? Measurer(ProjectStanding s) =>
            s.Holds(ProjectRole.BenefitOwner) || s.Holds(ProjectRole.SeniorUser)
                ? null
                : DomainError.Forbidden("Only the benefit's owner or the Benefit Owner registers its measurements.");

        /// <summary>Who may approve a product description: the Executive, or a Senior User (the product's acceptor).</summary>
        public static DomainError? ProductApprover(ProjectStanding s) =>
            s.Holds(ProjectRole.Executive) || s.Holds(ProjectRole.SeniorUser)
                ? null
                : DomainError.Forbidden("Only the Executive or the product's acceptor approves its description.");

        /// <summary>
        /// Who may record a quality review: whoever the product names as its quality responsible. A Senior Supplier may
        /// name someone who holds no role on the project, so nobody is turned away before the product is read.
        /// </summary>
        public static DomainError? ProductReviewer(ProjectStanding s) => null;

        /// <summary>Who may accept or reject a product: a Senior User (the product's acceptor).</summary>
        public static DomainError? ProductAcceptor(ProjectStanding s) =>
            s.Holds(ProjectRole.SeniorUser) ? null : DomainError.Forbidden("Only the product's acceptor, a Senior User, accepts or rejects it.");

        /// <summary>Who may remove a product from scope: the Executive (in a stage) or the portfolio board.</summary>
        public static DomainError? ScopeDecider(ProjectStanding s) =>
            s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard
                ? null
                : DomainError.Forbidden("Only the Executive, or the portfolio board, removes a product from scope.");

        /// <summary>The municipality's finance system (an integrator), which books the actual costs.</summary>
        public static DomainError? Bookkeeper(ProjectStanding s) =>
            s.Actor.GlobalRoles.Contains(Roles.GlobalRoles.Integrator)
                ? null
                : DomainError.Forbidden("Only the municipality's finance system (an integrator) books actual costs; the Project Manager forecasts them.");

        /// <summary>A team manager, who forecasts their own work packages.</summary>
        public static DomainError? TeamManager(ProjectStanding s) =>
            s.Holds(ProjectRole.TeamManager) ? null : DomainError.Forbidden("Only the work package's team manager forecasts it.");
    }

    /// <summary>Measurements are registered by the benefit's own owner in the line, or by the Benefit Owner.</summary>
    public static DomainError? CheckMeasurer(ProjectStanding standing, string? benefitOwnerUserId) =>
        standing.Holds(ProjectRole.BenefitOwner) || (benefitOwnerUserId is not null && standing.Actor.UserId == benefitOwnerUserId)
            ? null
            : DomainError.Forbidden("Only the benefit's owner or the Benefit Owner registers its measurements.");

    /// <summary>A benefit is owned by a Senior User or the Benefit Owner of the project.</summary>
    public static bool MayOwnBenefit(IEnumerable<RoleAssignment> roles, string userId) =>
        roles.Any(r => r.UserId == userId && r.Role is ProjectRole.SeniorUser or ProjectRole.BenefitOwner);

    public static ProjectAction AppointmentOf(ProjectRole role) =>
        role == ProjectRole.Executive ? ProjectAction.AppointExecutive : ProjectAction.AppointOtherRole;

    /// <summary>Who may update the checklist of a decision point and ask for its decision.</summary>
    public static DomainError? CheckPreparer(ProjectStanding standing, DecisionPoint decisionPoint)
    {
        var (allowed, who) = decisionPoint switch
        {
            DecisionPoint.Bp1 => (standing.IsProposer || standing.Holds(ProjectRole.Executive), "the proposer or the Executive"),
            DecisionPoint.Bp6 => (standing.Holds(ProjectRole.BenefitOwner) || standing.Holds(ProjectRole.Executive),
                "the Benefit Owner or the Executive"),
            _ => (standing.Holds(ProjectRole.ProjectManager), "the Project Manager"),
        };
        return allowed ? null : DomainError.Forbidden($"At {Describe(decisionPoint)} only {who} may prepare the decision.");
    }

    /// <summary>Who decides at a decision point.</summary>
    public static DomainError? CheckDecider(ProjectStanding standing, DecisionPoint decisionPoint) =>
        DecisionPoints.DeciderOf(decisionPoint) is var decider && Decides(standing, decider)
            ? null
            : decider == Decider.PortfolioBoard
                ? DomainError.Forbidden($"Only the portfolio board decides at {Describe(decisionPoint)}.")
                : DomainError.Forbidden($"Only the project's Executive decides at {Describe(decisionPoint)}.");

    /// <summary>
    /// Whether this person is the decider named: a member of the portfolio board for what the board decides, the
    /// project's Executive for what the Executive decides (a decision point, an exception at that level).
    /// </summary>
    public static bool Decides(ProjectStanding standing, Decider decider) => decider switch
    {
        Decider.PortfolioBoard => standing.Actor.IsPortfolioBoard,
        Decider.ProgrammeBoard => standing.OnProgrammeBoard,
        _ => standing.Holds(ProjectRole.Executive),
    };

    public static string Describe(DecisionPoint decisionPoint) =>
        decisionPoint == DecisionPoint.StageBoundary ? "the stage boundary" : decisionPoint.ToString().ToUpperInvariant();

    private static string Describe(ProjectAction action) => action switch
    {
        ProjectAction.WriteMandate => "write the mandate",
        ProjectAction.AppointExecutive => "appoint or remove the Executive",
        ProjectAction.AppointOtherRole => "appoint or remove project roles",
        ProjectAction.WriteBusinessCase => "write the business case",
        ProjectAction.ReviewBusinessCase => "confirm the business case",
        ProjectAction.RecordLesson => "record lessons",
        ProjectAction.ReviewLessons => "record a lessons review",
        ProjectAction.PublishLesson => "publish a lesson",
        ProjectAction.WriteLessonsReport => "write the lessons report",
        ProjectAction.WriteEndReport => "write the end project report",
        ProjectAction.SetProjectTolerances => "set project tolerances",
        ProjectAction.SetStageTolerances => "set stage tolerances",
        ProjectAction.PlanStage => "plan a stage",
        ProjectAction.ManageWorkPackages => "manage work packages",
        ProjectAction.SubmitForecast => "submit the stage forecast",
        ProjectAction.RecordRisk => "record risks",
        ProjectAction.UpdateRisk => "update risks",
        ProjectAction.ReportException => "report an exception",
        ProjectAction.ResolveIssue => "resolve issues",
        ProjectAction.DefineBenefit => "define benefits",
        ProjectAction.ReviewBenefits => "confirm that the benefits are still realistic",
        ProjectAction.EvaluateBenefit => "make the final evaluation of a benefit",
        ProjectAction.ProposeBenefitChange => "propose a change of a baselined benefit",
        ProjectAction.ManageProducts => "describe products and submit them for review",
        ProjectAction.NameQualityResponsible => "name a product's quality responsible",
        ProjectAction.MoveHandbook => "move the project to another version of its handbook",
        ProjectAction.ManageCoCreation => "keep the co-creation plan, its groups and the answers to inputs",
        ProjectAction.RecordCoCreationActivity => "record co-creation activities and their inputs",
        _ => action.ToString(),
    };
}
