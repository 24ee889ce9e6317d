using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Domain.Products;

namespace ProjectMethod.Api.Products;

/// <summary>The products of each project, and the quality register of their reviews.</summary>
public static class ProductStore
{
    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required string Purpose { get; init; }

        public required string Composition { get; init; }

        public required string Derivation { get; init; }

        public required string QualityCriteria { get; init; }

        public required string AcceptanceCriteria { get; init; }

        public string? QualityResponsibleUserId { get; init; }

        public string? QualityResponsibleNamedBy { get; init; }

        public string? AcceptorUserId { get; init; }

        public string? ReceivingLineUnit { get; init; }

        public required int Stage { get; init; }

        public Guid? ParentId { get; init; }

        public Guid? WorkPackageId { get; init; }

        public required ProductState State { get; init; }

        public required int OpenDefects { get; init; }

        public string? SubmittedBy { get; init; }

        public string? LastComment { get; init; }

        public int? RemovedInStage { get; init; }

        public required string CreatedBy { get; init; }

        public required Instant CreatedAt { get; init; }

        public required string UpdatedBy { get; init; }

        public required Instant UpdatedAt { get; init; }
    }

    private sealed record ReviewRow
    {
        public required Guid Id { get; init; }

        public required Guid ProductId { get; init; }

        public required string ProductTitle { get; init; }

        public required ReviewResult Result { get; init; }

        public required string Method { get; init; }

        public required string Reviewers { get; init; }

        public required string Defects { get; init; }

        public required string Notes { get; init; }

        public required string SubmittedBy { get; init; }

        public required string ReviewedBy { get; init; }

        public required Instant ReviewedAt { get; init; }
    }

    private const string Columns =
        """
        id, title, purpose, composition, derivation, quality_criteria AS QualityCriteria, acceptance_criteria AS AcceptanceCriteria,
        quality_responsible_user_id AS QualityResponsibleUserId, quality_responsible_named_by AS QualityResponsibleNamedBy,
        acceptor_user_id AS AcceptorUserId, receiving_line_unit AS ReceivingLineUnit, stage, parent_id AS ParentId,
        work_package_id AS WorkPackageId, state, open_defects AS OpenDefects, submitted_by AS SubmittedBy, last_comment AS LastComment,
        removed_in_stage AS RemovedInStage, created_by AS CreatedBy, created_at AS CreatedAt, updated_by AS UpdatedBy, updated_at AS UpdatedAt
        """;

    private static readonly Sql OfProject = Sql.Of($"SELECT {Columns} FROM products WHERE project_id = @projectId ORDER BY id");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM products WHERE project_id = @projectId AND id = @productId");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO products (id, project_id, title, purpose, composition, derivation, quality_criteria, acceptance_criteria,
                              quality_responsible_user_id, quality_responsible_named_by, acceptor_user_id, receiving_line_unit, stage, parent_id,
                              work_package_id, state, open_defects, submitted_by, last_comment, removed_in_stage, created_by, created_at, updated_by, updated_at)
        VALUES (@Id, @projectId, @Title, @Purpose, @Composition, @Derivation, @qualityCriteria, @acceptanceCriteria,
                @QualityResponsibleUserId, @QualityResponsibleNamedBy, @AcceptorUserId, @ReceivingLineUnit, @Stage, @ParentId,
                @WorkPackageId, @state, @OpenDefects, @SubmittedBy, @LastComment, @RemovedInStage, @CreatedBy, @CreatedAt, @UpdatedBy, @UpdatedAt)
        """);

    private static readonly Sql Update = Sql.Of(
        """
        UPDATE products
        SET title = @Title, purpose = @Purpose, composition = @Composition, derivation = @Derivation, quality_criteria = @qualityCriteria,
            acceptance_criteria = @acceptanceCriteria, quality_responsible_user_id = @QualityResponsibleUserId,
            quality_responsible_named_by = @QualityResponsibleNamedBy, acceptor_user_id = @AcceptorUserId, receiving_line_unit = @ReceivingLineUnit,
            stage = @Stage, parent_id = @ParentId, work_package_id = @WorkPackageId, state = @state, open_defects = @OpenDefects,
            submitted_by = @SubmittedBy, last_comment = @LastComment, removed_in_stage = @RemovedInStage, updated_by = @UpdatedBy, updated_at = @UpdatedAt
        WHERE project_id = @projectId AND id = @Id
        """);

    private static readonly Sql Reviews = Sql.Of(
        """
        SELECT r.id, r.product_id AS ProductId, p.title AS ProductTitle, r.result, r.method, r.reviewers, r.defects, r.notes,
               r.submitted_by AS SubmittedBy, r.reviewed_by AS ReviewedBy, r.reviewed_at AS ReviewedAt
        FROM product_reviews r JOIN products p ON p.id = r.product_id
        WHERE r.project_id = @projectId ORDER BY r.id
        """);

    private static readonly Sql InsertReview = Sql.Of(
        """
        INSERT INTO product_reviews (id, project_id, product_id, result, method, reviewers, defects, notes, submitted_by, reviewed_by, reviewed_at)
        VALUES (@Id, @projectId, @ProductId, @result, @Method, @reviewers, @defects, @Notes, @SubmittedBy, @ReviewedBy, @ReviewedAt)
        """);

    /// <summary>Every product of the project, each with the stage that delivers it (the stage plans may carry products on).</summary>
    public static async Task<IReadOnlyList<ProductView>> ForProjectAsync(DbSession db, Guid projectId)
    {
        var rows = await db.ListAsync<Row>(OfProject, new { projectId });
        if (rows.Count == 0)
        {
            return [];
        }

        var carried = Carried(await ToleranceStore.PlansAsync(db, projectId));
        return rows.Select(r => ToView(r, carried)).ToList();
    }

    public static async Task<ProductView?> GetAsync(DbSession db, Guid projectId, Guid productId)
    {
        if (await db.SingleOrDefaultAsync<Row>(One, new { projectId, productId }) is not { } row)
        {
            return null;
        }

        return ToView(row, Carried(await ToleranceStore.PlansAsync(db, projectId)));
    }

    public static Task InsertAsync(DbSession db, Guid projectId, ProductView product) => db.ExecuteAsync(Insert, Parameters(projectId, product));

    public static Task UpdateAsync(DbSession db, Guid projectId, ProductView product) => db.ExecuteAsync(Update, Parameters(projectId, product));

    public static async Task<IReadOnlyList<QualityReviewView>> QualityRegisterAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<ReviewRow>(Reviews, new { projectId })).Select(r => new QualityReviewView
        {
            Id = r.Id, ProductId = r.ProductId, ProductTitle = r.ProductTitle, Result = r.Result, Method = r.Method,
            Reviewers = Read<List<string>>(r.Reviewers), Defects = Read<List<string>>(r.Defects), Notes = r.Notes,
            SubmittedBy = r.SubmittedBy, ReviewedBy = r.ReviewedBy, ReviewedAt = r.ReviewedAt,
        }).ToList();

    public static Task InsertReviewAsync(DbSession db, Guid projectId, QualityReviewView review) =>
        db.ExecuteAsync(InsertReview, new
        {
            review.Id, projectId, review.ProductId, result = review.Result.Wire(), review.Method, reviewers = Write(review.Reviewers),
            defects = Write(review.Defects), review.Notes, review.SubmittedBy, review.ReviewedBy, review.ReviewedAt,
        });

    /// <summary>The products as the gates and the derived dimensions see them.</summary>
    public static IReadOnlyList<ProductFact> Facts(IEnumerable<ProductView> products) => products.Select(p => new ProductFact(
        p.Id, p.Title, p.DeliveringStage, p.State, p.QualityCriteria.Count, !string.IsNullOrWhiteSpace(p.ReceivingLineUnit), p.OpenDefects,
        p.RemovedInStage, p.WorkPackageId)).ToList();

    private static Dictionary<int, IReadOnlyList<Guid>> Carried(IEnumerable<StagePlanView> plans) =>
        plans.Where(p => p.CarriedProductIds.Count > 0).ToDictionary(p => p.Stage, p => p.CarriedProductIds);

    private static ProductView ToView(Row r, IReadOnlyDictionary<int, IReadOnlyList<Guid>> carried) => new()
    {
        Id = r.Id, Title = r.Title, Purpose = r.Purpose, Composition = r.Composition, Derivation = r.Derivation,
        QualityCriteria = Read<List<QualityCriterionView>>(r.QualityCriteria), AcceptanceCriteria = Read<List<string>>(r.AcceptanceCriteria),
        Stage = r.Stage, DeliveringStage = ProductRules.DeliveringStage(r.Id, r.Stage, carried), State = r.State, OpenDefects = r.OpenDefects,
        QualityResponsibleUserId = r.QualityResponsibleUserId, QualityResponsibleNamedBy = r.QualityResponsibleNamedBy, AcceptorUserId = r.AcceptorUserId,
        ReceivingLineUnit = r.ReceivingLineUnit, ParentId = r.ParentId, WorkPackageId = r.WorkPackageId, SubmittedBy = r.SubmittedBy,
        LastComment = r.LastComment, RemovedInStage = r.RemovedInStage, CreatedBy = r.CreatedBy, CreatedAt = r.CreatedAt, UpdatedBy = r.UpdatedBy,
        UpdatedAt = r.UpdatedAt,
    };

    private static object Parameters(Guid projectId, ProductView p) => new
    {
        p.Id, projectId, p.Title, p.Purpose, p.Composition, p.Derivation, qualityCriteria = Write(p.QualityCriteria),
        acceptanceCriteria = Write(p.AcceptanceCriteria), p.QualityResponsibleUserId, p.QualityResponsibleNamedBy, p.AcceptorUserId,
        p.ReceivingLineUnit, p.Stage, p.ParentId, p.WorkPackageId, state = p.State.Wire(), p.OpenDefects, p.SubmittedBy, p.LastComment,
        p.RemovedInStage, p.CreatedBy, p.CreatedAt, p.UpdatedBy, p.UpdatedAt,
    };

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Json.Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json.Options)!;
}
