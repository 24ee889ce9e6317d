using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Products;

/// <summary>
/// Products (P6): the Project Manager describes them, the user side approves the description, the quality responsible
/// reviews them, and the acceptor accepts them; the Executive (or the portfolio board) alone takes them out of scope.
/// </summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Products");
        group.MapGet("/products", List).WithName(Operations.ListProducts).WithSummary("The products and where each stands")
            .WithDescription("Any employee may read them; receivingLineUnit filters (a line unit's view of what it will take over). Oldest first.")
            .WithProblems(404);
        group.MapGet("/products/{productId:guid}", GetOne).WithName(Operations.GetProduct).WithSummary("One product")
            .WithDescription("Any employee may read it; deliveringStage is the stage that delivers it (its own, or a later one whose plan carries it on).").WithProblems(404);
        group.MapPost("/products", async (Guid id, ProductRequest request, HttpContext http, ProductCommands commands) =>
                (await commands.DefineAsync(id, request, http.Caller())).AsCreated(http, product => $"/api/v1/projects/{id}/products/{product.Id}")).WithName(Operations.DefineProduct).Allows(ProjectAction.ManageProducts).WithSummary("Describe a product")
            .WithDescription("The Project Manager, from concept until execution ends. At least one quality criterion; the acceptor must be a Senior User and the quality responsible a Senior Supplier of the project (either may be left open in a draft). A parent makes it part of a product breakdown.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/products/{productId:guid}", async (Guid id, Guid productId, ProductRequest request, HttpContext http, ProductCommands commands) =>
                (await commands.RedescribeAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.UpdateProduct).Allows(ProjectAction.ManageProducts)
            .WithSummary("Change a product description while it is a draft").WithDescription("The Project Manager; the whole description as POST takes it. No cycles in the breakdown.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/approve", async (Guid id, Guid productId, ProductComment request, HttpContext http, ProductCommands commands) =>
                (await commands.ApproveAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.ApproveProduct).Allows(ProjectAccess.Before.ProductApprover)
            .WithSummary("Approve a product description (draft → approved)")
            .WithDescription("The Executive or the product's acceptor: the user side agrees what will be delivered. The description must name its acceptor and quality responsible.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/submit", async (Guid id, Guid productId, ProductComment request, HttpContext http, ProductCommands commands) =>
                (await commands.SubmitAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.SubmitProduct).Allows(ProjectAction.ManageProducts)
            .WithSummary("Submit a product for quality review (approved or failed → inReview)").WithDescription("The Project Manager; whoever submits never records the review.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/review", async (Guid id, Guid productId, QualityReviewRequest request, HttpContext http, ProductCommands commands) =>
                (await commands.ReviewAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.ReviewProduct).Allows(ProjectAccess.Before.ProductReviewer)
            .WithSummary("Record a quality review (inReview → passed | failed)")
            .WithDescription("The product's quality responsible, never whoever submitted it. Kept in the quality register. A failed review lists its defects: they are the quality dimension's open defects until a review passes the product, and are judged against the tolerances at once.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/accept", async (Guid id, Guid productId, AcceptProduct request, HttpContext http, ProductCommands commands) =>
                (await commands.AcceptAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.AcceptProduct).Allows(ProjectAccess.Before.ProductAcceptor)
            .WithSummary("Accept a passed product (passed → accepted)")
            .WithDescription("The product's acceptor (a Senior User), with a comment; may name the receiving line unit. A composite product only once all its parts are accepted or removed. Final.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/reject", async (Guid id, Guid productId, RejectProduct request, HttpContext http, ProductCommands commands) =>
                (await commands.RejectAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.RejectProduct).Allows(ProjectAccess.Before.ProductAcceptor)
            .WithSummary("Reject a passed product (passed → inReview)").WithDescription("The product's acceptor, with the reason.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/remove", async (Guid id, Guid productId, RemoveProduct request, HttpContext http, ProductCommands commands) =>
                (await commands.RemoveAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.RemoveProductFromScope).Allows(ProjectAccess.Before.ScopeDecider)
            .WithSummary("Remove a product from scope")
            .WithDescription("A decision with its rationale: the Executive during execution, the portfolio board at any time (outside a stage the scope is the project's). Any product not yet accepted. Final. The removal is the scope dimension's deviation, judged against the stage and project tolerances at once: beyond them it raises an exception.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/products/{productId:guid}/quality-responsible", async (Guid id, Guid productId, NameQualityResponsible request, HttpContext http, ProductCommands commands) =>
                (await commands.NameReviewerAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.NameQualityResponsible).Allows(ProjectAccess.Before.QualityNamer)
            .WithSummary("Name who reviews a product's quality").WithDescription("A Senior Supplier of the project (in a project whose category makes the Senior Supplier optional and that has none, its Executive), for a product not yet accepted or removed; the person named needs no role, and in a project without a Senior Supplier is never the product's acceptor.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/products/{productId:guid}/receiving-line-unit", async (Guid id, Guid productId, ReceivingLineUnitRequest request, HttpContext http, ProductCommands commands) =>
                (await commands.NameLineUnitAsync(id, productId, request, http.Caller())).AsOk(http)).WithName(Operations.NameReceivingLineUnit).Allows(ProjectAction.ManageProducts)
            .WithSummary("Name the line unit that takes a product over").WithDescription("The Project Manager, until the project leaves closure; BP5 asks it of every accepted product.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/quality-register", QualityRegister).WithName(Operations.GetQualityRegister).WithSummary("The quality register: every review of every product")
            .WithDescription("Oldest first; productId filters.").WithProblems(404);
        return app;
    }

    private static async Task<Ok<ItemList<ProductView>>> List(Guid id, Database database, CancellationToken cancellationToken, string? receivingLineUnit = null)
    {
        var products = await database.ReadAsync(db => ProductStore.ForProjectAsync(db, id), cancellationToken);
        return TypedResults.Ok(new ItemList<ProductView>(receivingLineUnit is null
            ? products
            : products.Where(p => string.Equals(p.ReceivingLineUnit, receivingLineUnit.Trim(), StringComparison.OrdinalIgnoreCase)).ToList()));
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> GetOne(Guid id, Guid productId, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(db => ProductStore.GetAsync(db, id, productId), cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : Problems.NotFound("The product");

    private static async Task<Ok<ItemList<QualityReviewView>>> QualityRegister(Guid id, Database database, CancellationToken cancellationToken, Guid? productId = null)
    {
        var reviews = await database.ReadAsync(db => ProductStore.QualityRegisterAsync(db, id), cancellationToken);
        return TypedResults.Ok(new ItemList<QualityReviewView>(productId is null ? reviews : reviews.Where(r => r.ProductId == productId).ToList()));
    }
}
