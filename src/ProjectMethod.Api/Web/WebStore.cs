using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Web;

/// <summary>What the web pages read that no API resource reads in one go: the projects of one employee.</summary>
public static class WebStore
{
    public sealed record MyProject(Guid Id, string Name, string Sector, Phase Phase, int? Stage, Rag? Rag, string Roles);

    private sealed class Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Sector { get; init; }

        public required Phase Phase { get; init; }

        public int? Stage { get; init; }

        public Rag? Rag { get; init; }

        public required string ProposerId { get; init; }
    }

    private sealed record Held(Guid ProjectId, string Role);

    private static readonly Sql Mine = Sql.Of(
        """
        SELECT p.id, p.name, p.sector, p.phase, p.stage, p.rag, p.proposer_id AS ProposerId FROM projects p
        WHERE p.proposer_id = @userId OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.project_id = p.id AND r.user_id = @userId)
        ORDER BY p.id DESC
        LIMIT 200
        """);

    private static readonly Sql Roles = Sql.Of("SELECT project_id AS ProjectId, role FROM role_assignments WHERE user_id = @userId");

    private static readonly Sql Asked = Sql.Of(
        "SELECT project_id FROM gate_requests WHERE decision_id IS NULL ORDER BY requested_at, id LIMIT 200");

    public sealed record MyBenefit(Guid BenefitId, Guid ProjectId, string Title, string ProjectName, string Phase);

    private static readonly Sql Benefits = Sql.Of(
        """
        SELECT b.id AS BenefitId, b.project_id AS ProjectId, b.title, p.name AS ProjectName, p.phase FROM benefits b JOIN projects p ON p.id = b.project_id
        WHERE b.owner_user_id = @userId
           OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.project_id = b.project_id AND r.user_id = @userId AND r.role = @benefitOwner)
        ORDER BY p.name, b.title
        LIMIT 200
        """);

    /// <summary>The benefits the employee owns in the line, or answers for as a project's Benefit Owner.</summary>
    public static Task<IReadOnlyList<MyBenefit>> MyBenefitsAsync(DbSession db, string userId) =>
        db.ListAsync<MyBenefit>(Benefits, new { userId, benefitOwner = Domain.Roles.ProjectRole.BenefitOwner.Wire() });

    private static readonly Sql ChangesProposed = Sql.Of(
        $"SELECT DISTINCT project_id FROM benefit_changes WHERE state = '{Domain.Benefits.BenefitChangeState.Proposed.Wire()}' ORDER BY project_id LIMIT 200");

    private static readonly Sql InputsUnanswered = Sql.Of(
        $"""
        SELECT DISTINCT i.project_id FROM co_creation_inputs i JOIN projects p ON p.id = i.project_id
        WHERE (i.outcome IS NULL OR i.outcome = '{Domain.CoCreation.InputOutcome.Later.Wire()}') AND p.phase IN @open
        ORDER BY i.project_id LIMIT 200
        """);

    /// <summary>The projects whose register is open with a co-creation input that waits for its answer (none yet, or "later").</summary>
    public static Task<IReadOnlyList<Guid>> InputsToAnswerAsync(DbSession db) =>
        db.ListAsync<Guid>(InputsUnanswered, new { open = Domain.CoCreation.CoCreationRules.Phases.Select(p => p.Wire()).ToArray() });

    /// <summary>The projects with a proposed change of a benefit that nobody has decided yet.</summary>
    public static Task<IReadOnlyList<Guid>> BenefitChangesProposedAsync(DbSession db) => db.ListAsync<Guid>(ChangesProposed);

    /// <summary>The projects with a request for a decision that nobody has decided yet, oldest request first.</summary>
    public static Task<IReadOnlyList<Guid>> AwaitingDecisionAsync(DbSession db) => db.ListAsync<Guid>(Asked);

    /// <summary>The projects where the employee holds a role or made the proposal, newest first, with the roles held.</summary>
    public static async Task<IReadOnlyList<MyProject>> MineAsync(DbSession db, string userId)
    {
        var rows = await db.ListAsync<Row>(Mine, new { userId });
        var held = (await db.ListAsync<Held>(Roles, new { userId })).ToLookup(h => h.ProjectId, h => h.Role);
        return rows.Select(r => new MyProject(r.Id, r.Name, r.Sector, r.Phase, r.Stage, r.Rag,
            string.Join(", ", (r.ProposerId == userId ? ["proposer"] : Array.Empty<string>()).Concat(held[r.Id])))).ToList();
    }

    /// <summary>A product step that waits for one employee: its description to approve, its quality to review, or it to accept.</summary>
    public sealed class ProductStep
    {
        public required Guid Id { get; init; }

        public required Guid ProjectId { get; init; }

        public required string ProjectName { get; init; }

        public required string Title { get; init; }

        public required string State { get; init; }
    }

    private static readonly Sql ProductSteps = Sql.Of(
        $"""
        SELECT pr.id, pr.project_id AS ProjectId, p.name AS ProjectName, pr.title, pr.state
        FROM products pr JOIN projects p ON p.id = pr.project_id
        WHERE (pr.state = '{Domain.Products.ProductState.Draft.Wire()}' AND pr.acceptor_user_id IS NOT NULL AND pr.quality_responsible_user_id IS NOT NULL
               AND (pr.acceptor_user_id = @userId
                    OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.project_id = pr.project_id AND r.user_id = @userId AND r.role = @executive)))
           OR (pr.state = '{Domain.Products.ProductState.InReview.Wire()}' AND pr.quality_responsible_user_id = @userId
               AND (pr.submitted_by IS NULL OR pr.submitted_by <> @userId))
           OR (pr.state = '{Domain.Products.ProductState.Passed.Wire()}' AND pr.acceptor_user_id = @userId)
        ORDER BY p.name, pr.title
        LIMIT 200
        """);

    /// <summary>The products whose next step is the employee's: approving a description (its acceptor or the Executive), reviewing it (its quality responsible, who did not submit it), accepting it (its acceptor).</summary>
    public static Task<IReadOnlyList<ProductStep>> ProductStepsAsync(DbSession db, string userId) =>
        db.ListAsync<ProductStep>(ProductSteps, new { userId, executive = Domain.Roles.ProjectRole.Executive.Wire() });

    /// <summary>A project in execution the employee manages, with when its stage began and its last highlight report of that stage.</summary>
    public sealed record Reporting
    {
        public required Guid ProjectId { get; init; }

        public required string ProjectName { get; init; }

        public required int Stage { get; init; }

        public NodaTime.Instant? StageBegan { get; init; }

        public NodaTime.Instant? LastReport { get; init; }

        public required string HandbookSector { get; init; }

        public required int HandbookVersion { get; init; }

        public required Domain.Handbooks.ProjectCategory Category { get; init; }

        /// <summary>The days between the project's highlight reports, from its category's profile.</summary>
        public int IntervalDays { get; init; }
    }

    private static readonly Sql Reports = Sql.Of(
        $"""
        SELECT p.id AS ProjectId, p.name AS ProjectName, p.stage, p.handbook_sector AS HandbookSector, p.handbook_version AS HandbookVersion,
               {Projects.ProjectStore.EffectiveCategory} AS Category, {Projects.ProjectStore.ReportDates}
        FROM projects p
        WHERE p.phase = '{Phase.Execution.Wire()}' AND p.stage IS NOT NULL
          AND EXISTS (SELECT 1 FROM role_assignments r WHERE r.project_id = p.id AND r.user_id = @userId AND r.role = @projectManager)
        ORDER BY p.name
        LIMIT 200
        """);

    /// <summary>The projects in execution whose highlight reports the employee gives as Project Manager.</summary>
    public static async Task<IReadOnlyList<Reporting>> ReportingAsync(DbSession db, string userId)
    {
        var rows = await db.ListAsync<Reporting>(Reports, new { userId, projectManager = Domain.Roles.ProjectRole.ProjectManager.Wire(), stageLevel = ToleranceLevel.Stage.Wire() });
        var result = new List<Reporting>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(row with { IntervalDays = await Handbooks.HandbookStore.ReportIntervalAsync(db, row.HandbookSector, row.HandbookVersion, row.Category) });
        }

        return result;
    }
}
