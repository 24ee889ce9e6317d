using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Api.WorkPackages;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Products;

/// <summary>
/// Products (P6): the Project Manager describes them, the user side approves the description, the quality responsible
/// reviews them, and the acceptor accepts them; the Executive (or the portfolio board) alone takes them out of scope.
/// </summary>
public static class ProductsApi
{
    private const int MaxListItems = 50;

    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Products");
        group.MapGet("/products", List).WithName("listProducts").WithSummary("The products and where each stands")
            .WithDescription("Any employee may read them; receivingLineUnit filters (a line unit's view of what it will take over). Oldest first.")
            .WithProblems(404);
        group.MapGet("/products/{productId:guid}", GetOne).WithName("getProduct").WithSummary("One product")
            .WithDescription("Any employee may read it; deliveringStage is the stage that delivers it (its own, or a later one whose plan carries it on).").WithProblems(404);
        group.MapPost("/products", Define).WithName("defineProduct").Allows(ProjectAction.ManageProducts).WithSummary("Describe a product")
            .WithDescription("The Project Manager, from concept until execution ends. At least one quality criterion; the acceptor must be a Senior User and the quality responsible a Senior Supplier of the project (either may be left open in a draft). A parent makes it part of a product breakdown.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/products/{productId:guid}", Redescribe).WithName("updateProduct").Allows(ProjectAction.ManageProducts)
            .WithSummary("Change a product description while it is a draft").WithDescription("The Project Manager; the whole description as POST takes it. No cycles in the breakdown.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/approve", Approve).WithName("approveProduct").Allows(ProjectAccess.Before.ProductApprover)
            .WithSummary("Approve a product description (draft → approved)")
            .WithDescription("The Executive or the product's acceptor: the user side agrees what will be delivered. The description must name its acceptor and quality responsible.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/submit", Submit).WithName("submitProduct").Allows(ProjectAction.ManageProducts)
            .WithSummary("Submit a product for quality review (approved or failed → inReview)").WithDescription("The Project Manager; whoever submits never records the review.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/review", Review).WithName("reviewProduct").Allows(ProjectAccess.Before.ProductReviewer)
            .WithSummary("Record a quality review (inReview → passed | failed)")
            .WithDescription("The product's quality responsible, never whoever submitted it. Kept in the quality register. A failed review lists its defects: they are the quality dimension's open defects until a review passes the product, and are judged against the tolerances at once.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/accept", Accept).WithName("acceptProduct").Allows(ProjectAccess.Before.ProductAcceptor)
            .WithSummary("Accept a passed product (passed → accepted)")
            .WithDescription("The product's acceptor (a Senior User), with a comment; may name the receiving line unit. A composite product only once all its parts are accepted or removed. Final.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/reject", Reject).WithName("rejectProduct").Allows(ProjectAccess.Before.ProductAcceptor)
            .WithSummary("Reject a passed product (passed → inReview)").WithDescription("The product's acceptor, with the reason.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/products/{productId:guid}/remove", Remove).WithName("removeProductFromScope").Allows(ProjectAccess.Before.ScopeDecider)
            .WithSummary("Remove a product from scope")
            .WithDescription("A decision with its rationale: the Executive during execution, the portfolio board at any time (outside a stage the scope is the project's). Any product not yet accepted. Final. The removal is the scope dimension's deviation, judged against the stage and project tolerances at once: beyond them it raises an exception.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/products/{productId:guid}/quality-responsible", NameReviewer).WithName("nameQualityResponsible").Allows(ProjectAction.NameQualityResponsible)
            .WithSummary("Name who reviews a product's quality").WithDescription("A Senior Supplier of the project, for a product not yet accepted or removed; the person named needs no role.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/products/{productId:guid}/receiving-line-unit", NameLineUnit).WithName("nameReceivingLineUnit").Allows(ProjectAction.ManageProducts)
            .WithSummary("Name the line unit that takes a product over").WithDescription("The Project Manager, until the project leaves closure; BP5 asks it of every accepted product.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/quality-register", QualityRegister).WithName("getQualityRegister").WithSummary("The quality register: every review of every product")
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

    private static async Task<Results<Created<ProductView>, ProblemHttpResult>> Define(Guid id, ProductRequest request, HttpContext http, ProjectWrites writes)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return Problems.Validation(invalid.Errors);
        }

        var result = await WriteDescriptionAsync(id, null, request, http, writes);
        return result.Problem ?? (Results<Created<ProductView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/products/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Redescribe(
        Guid id, Guid productId, ProductRequest request, HttpContext http, ProjectWrites writes)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return Problems.Validation(invalid.Errors);
        }

        var result = await WriteDescriptionAsync(id, productId, request, http, writes);
        return result.Problem ?? (Results<Ok<ProductView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    /// <summary>A new description (no product id), or a draft's description replaced: the Project Manager, from concept until execution ends.</summary>
    private static Task<WriteResult<ProductView>> WriteDescriptionAsync(Guid id, Guid? productId, ProductRequest request, HttpContext http, ProjectWrites writes) =>
        writes.RunAsync<ProductView>(http, id, async write =>
        {
            if ((ProjectAccess.Check(write.Standing, ProjectAction.ManageProducts) ?? ProductRules.CheckDefine(write.Project.Phase)) is { } refused)
            {
                return refused;
            }

            var products = await ProductStore.ForProjectAsync(write.Db, id);
            var existing = productId is null
                ? new ProductView
                {
                    Id = Ids.New(write.Now), Title = "", Purpose = "", Composition = "", Derivation = "", QualityCriteria = [], AcceptanceCriteria = [],
                    Stage = 0, DeliveringStage = 0, State = ProductState.Draft, OpenDefects = 0, CreatedBy = write.Actor.UserId, CreatedAt = write.Now,
                    UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now,
                }
                : products.FirstOrDefault(p => p.Id == productId);
            if (existing is null)
            {
                return MissingProduct;
            }

            if (existing.State != ProductState.Draft)
            {
                return DomainError.Conflict("product-not-draft", "Product not a draft",
                    $"The product is {existing.State.Wire()}: its description was approved and no longer changes.");
            }

            var product = Describe(existing with { UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now }, request);
            if (await CheckDescription(write, product, products) is { } invalid)
            {
                return invalid;
            }

            if (productId is null)
            {
                await ProductStore.InsertAsync(write.Db, id, product);
            }
            else
            {
                await ProductStore.UpdateAsync(write.Db, id, product);
            }

            write.Record(productId is null ? EventTypes.ProductDefined : EventTypes.ProductUpdated, product);
            return product;
        });

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Approve(Guid id, Guid productId, ProductComment request, HttpContext http, ProjectWrites writes) =>
        StepAsync(id, productId, http, writes, ProductStep.Approve, Comment(request.Comment, required: false), EventTypes.ProductApproved,
            (_, product) => Task.FromResult(product with { LastComment = request.Comment?.Trim() }));

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Submit(Guid id, Guid productId, ProductComment request, HttpContext http, ProjectWrites writes) =>
        StepAsync(id, productId, http, writes, ProductStep.Submit, Comment(request.Comment, required: false), EventTypes.ProductSubmitted,
            (write, product) => Task.FromResult(product with { SubmittedBy = write.Actor.UserId, LastComment = request.Comment?.Trim() }));

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Review(
        Guid id, Guid productId, QualityReviewRequest request, HttpContext http, ProjectWrites writes)
    {
        var defects = request.Defects ?? [];
        var validation = new Validation()
            .Required("result", request.Result)
            .Text("method", request.Method, Validation.ShortText)
            .That(request.Reviewers is { Count: > 0 and <= MaxListItems }, "reviewers", $"reviewers names 1 to {MaxListItems} people.")
            .That(request.Result != ReviewResult.Failed || defects.Count > 0, "defects", "A failed review lists its defects.")
            .That(request.Result != ReviewResult.Passed || defects.Count == 0, "defects", "A passed review leaves no open defects; record it as failed.")
            .That(defects.Count <= MaxListItems, "defects", $"At most {MaxListItems} defects.")
            .Text("notes", request.Notes, Validation.LongText, required: false);
        for (var i = 0; i < (request.Reviewers?.Count ?? 0) && i < MaxListItems; i++)
        {
            validation.Text($"reviewers[{i}]", request.Reviewers![i], Validation.ShortText);
        }

        for (var i = 0; i < defects.Count && i < MaxListItems; i++)
        {
            validation.Text($"defects[{i}]", defects[i], Validation.LongText);
        }

        return StepAsync(id, productId, http, writes, ProductStep.Review, validation, EventTypes.ProductReviewed, async (write, product) =>
        {
            var review = new QualityReviewView
            {
                Id = Ids.New(write.Now), ProductId = product.Id, ProductTitle = product.Title, Result = request.Result!.Value, Method = request.Method!.Trim(),
                Reviewers = request.Reviewers!.Select(r => r.Trim()).ToList(), Defects = defects.Select(d => d.Trim()).ToList(), Notes = request.Notes?.Trim() ?? "",
                SubmittedBy = product.SubmittedBy ?? "", ReviewedBy = write.Actor.UserId, ReviewedAt = write.Now,
            };
            await ProductStore.InsertReviewAsync(write.Db, write.Project.Id, review);
            return product with { OpenDefects = review.Defects.Count, LastComment = review.Notes };
        }, request.Result, Dimension.Quality);
    }

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Accept(Guid id, Guid productId, AcceptProduct request, HttpContext http, ProjectWrites writes) =>
        StepAsync(id, productId, http, writes, ProductStep.Accept,
            Comment(request.Comment, required: true).Text("receivingLineUnit", request.ReceivingLineUnit, Validation.ShortText, required: false),
            EventTypes.ProductAccepted,
            (_, product) => Task.FromResult(product with
            {
                LastComment = request.Comment!.Trim(), ReceivingLineUnit = request.ReceivingLineUnit?.Trim() ?? product.ReceivingLineUnit,
            }));

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Reject(Guid id, Guid productId, RejectProduct request, HttpContext http, ProjectWrites writes) =>
        StepAsync(id, productId, http, writes, ProductStep.Reject, new Validation().Text("reason", request.Reason, Validation.LongText), EventTypes.ProductRejected,
            (_, product) => Task.FromResult(product with { LastComment = request.Reason!.Trim() }));

    private static Task<Results<Ok<ProductView>, ProblemHttpResult>> Remove(
        Guid id, Guid productId, RemoveProduct request, HttpContext http, ProjectWrites writes) =>
        StepAsync(id, productId, http, writes, ProductStep.Remove, new Validation().Text("rationale", request.Rationale, Validation.LongText),
            EventTypes.ProductRemovedFromScope,
            (write, product) => Task.FromResult(product with
            {
                LastComment = request.Rationale!.Trim(), RemovedInStage = write.Project.Phase == Phase.Execution ? write.Project.Stage : null,
            }),
            judge: Dimension.Scope);

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> NameReviewer(
        Guid id, Guid productId, NameQualityResponsible request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Text("userId", request.UserId, Validation.ShortText);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ProductView>(http, id, async write =>
        {
            if (await ProductStore.GetAsync(write.Db, id, productId) is not { } product)
            {
                return MissingProduct;
            }

            if ((ProductRules.CheckNaming(write.Standing, product.State) ?? ProductRules.CheckOpen(write.Project.Phase)) is { } refused)
            {
                return refused;
            }

            var named = product with
            {
                QualityResponsibleUserId = request.UserId!.Trim(), QualityResponsibleNamedBy = write.Actor.UserId, UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now,
            };
            await ProductStore.UpdateAsync(write.Db, id, named);
            write.Record(EventTypes.QualityResponsibleNamed, named);
            return named;
        });
        return result.Problem ?? (Results<Ok<ProductView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> NameLineUnit(
        Guid id, Guid productId, ReceivingLineUnitRequest request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation().Text("receivingLineUnit", request.ReceivingLineUnit, Validation.ShortText);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ProductView>(http, id, async write =>
        {
            if ((ProjectAccess.Check(write.Standing, ProjectAction.ManageProducts) ?? ProductRules.CheckOpen(write.Project.Phase)) is { } refused)
            {
                return refused;
            }

            if (await ProductStore.GetAsync(write.Db, id, productId) is not { } product)
            {
                return MissingProduct;
            }

            if (product.State == ProductState.RemovedFromScope)
            {
                return DomainError.Conflict("product-final", "Product final", "The product was removed from scope; no line unit takes it over.");
            }

            var named = product with { ReceivingLineUnit = request.ReceivingLineUnit!.Trim(), UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now };
            await ProductStore.UpdateAsync(write.Db, id, named);
            write.Record(EventTypes.ReceivingLineUnitNamed, named);
            return named;
        });
        return result.Problem ?? (Results<Ok<ProductView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    /// <summary>
    /// One step of the lifecycle: the product read under the write lock, the rules asked who may and whether its state
    /// allows it, the step's own changes applied, the product saved and the step audited; a measured dimension the step
    /// moves is judged at once.
    /// </summary>
    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> StepAsync(
        Guid id, Guid productId, HttpContext http, ProjectWrites writes, ProductStep step, Validation validation, string eventType,
        Func<ProjectWrite, ProductView, Task<ProductView>> apply, ReviewResult? review = null, Dimension? judge = null)
    {
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await writes.RunAsync<ProductView>(http, id, async write =>
        {
            var products = await ProductStore.ForProjectAsync(write.Db, id);
            if (products.FirstOrDefault(p => p.Id == productId) is not { } product)
            {
                return MissingProduct;
            }

            var partsSettled = products.Where(p => p.ParentId == product.Id).All(p => ProductMachine.IsFinal(p.State));
            var next = ProductRules.Step(
                new ProductCase(product.State, product.QualityResponsibleUserId, product.AcceptorUserId, product.SubmittedBy, partsSettled),
                write.Standing, write.Project.Phase, step, review);
            if (next.Error is { } refused)
            {
                return refused;
            }

            var changed = await apply(write, product with { State = next.Value, UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now });
            await ProductStore.UpdateAsync(write.Db, id, changed);
            write.Record(eventType, new { product = changed, from = product.State, to = changed.State, actor = write.Actor.UserId, comment = changed.LastComment });
            if (judge is { } dimension)
            {
                await Forecasting.JudgeMeasuredAsync(write, await write.TolerancesAsync(), dimension);
            }

            return changed;
        });
        return result.Problem ?? (Results<Ok<ProductView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    /// <summary>The people, the stage, the breakdown and the work package a description names must fit the project.</summary>
    private static async Task<DomainError?> CheckDescription(ProjectWrite write, ProductView product, IReadOnlyList<ProductView> products)
    {
        // Someone a Senior Supplier named stays the quality responsible without holding a role themselves.
        var qualityResponsible = product.QualityResponsibleNamedBy is null ? product.QualityResponsibleUserId : null;
        if (ProductRules.CheckPeople(write.Roles, qualityResponsible, product.AcceptorUserId) is { } people)
        {
            return people;
        }

        if (write.Project.Phase == Phase.Execution && write.Project.Stage is { } current && product.Stage < current)
        {
            return DomainError.Conflict("stage-over", "Stage over", $"Stage {product.Stage} is over; the project is in stage {current}.");
        }

        if (product.ParentId is { } parentId)
        {
            if (products.FirstOrDefault(p => p.Id == parentId) is not { } parent || parent.State == ProductState.RemovedFromScope)
            {
                return DomainError.Conflict("product-parent-invalid", "Invalid parent", $"Product {parentId} is no product in scope of this project.");
            }

            if (ProductRules.FormsCycle(product.Id, parentId, products.ToDictionary(p => p.Id, p => p.ParentId)))
            {
                return DomainError.Conflict("product-parent-invalid", "Invalid parent", $"{parent.Title} is part of {product.Title}: a breakdown has no cycles.");
            }
        }

        if (product.WorkPackageId is { } workPackageId)
        {
            if (await WorkPackageStore.GetAsync(write.Db, write.Project.Id, workPackageId) is not { } package)
            {
                return DomainError.Conflict("work-package-invalid", "Invalid work package", $"Work package {workPackageId} is not a work package of this project.");
            }

            if (package.Stage != product.Stage)
            {
                return DomainError.Conflict("work-package-invalid", "Invalid work package",
                    $"{package.Title} is a work package of stage {package.Stage}; the product is delivered in stage {product.Stage}.");
            }
        }

        return null;
    }

    private static ProductView Describe(ProductView product, ProductRequest request) => product with
    {
        Title = request.Title!.Trim(),
        Purpose = request.Purpose!.Trim(),
        Composition = request.Composition?.Trim() ?? "",
        Derivation = request.Derivation?.Trim() ?? "",
        QualityCriteria = request.QualityCriteria!.Select(c => new QualityCriterionView(c.Criterion!.Trim(), c.Method!.Trim(), c.Tolerance?.Trim() ?? "")).ToList(),
        AcceptanceCriteria = request.AcceptanceCriteria!.Select(a => a.Trim()).ToList(),
        Stage = request.Stage!.Value,
        DeliveringStage = Math.Max(product.DeliveringStage, request.Stage.Value),
        QualityResponsibleUserId = request.QualityResponsibleUserId?.Trim(),
        QualityResponsibleNamedBy = request.QualityResponsibleUserId?.Trim() == product.QualityResponsibleUserId ? product.QualityResponsibleNamedBy : null,
        AcceptorUserId = request.AcceptorUserId?.Trim(),
        ReceivingLineUnit = request.ReceivingLineUnit?.Trim(),
        ParentId = request.ParentId,
        WorkPackageId = request.WorkPackageId,
    };

    private static Validation Validate(ProductRequest request)
    {
        var validation = new Validation()
            .Text("title", request.Title, Validation.ShortText)
            .Text("purpose", request.Purpose, Validation.LongText)
            .Text("composition", request.Composition, Validation.LongText, required: false)
            .Text("derivation", request.Derivation, Validation.LongText, required: false)
            .Required("stage", request.Stage)
            .That(request.Stage is null or (>= 1 and <= 100), "stage", "stage is 1 to 100.")
            .That(request.QualityCriteria is { Count: > 0 and <= MaxListItems }, "qualityCriteria", $"A product has 1 to {MaxListItems} quality criteria.")
            .That(request.AcceptanceCriteria is { Count: > 0 and <= MaxListItems }, "acceptanceCriteria", $"A product has 1 to {MaxListItems} acceptance criteria.")
            .Text("qualityResponsibleUserId", request.QualityResponsibleUserId, Validation.ShortText, required: false)
            .Text("acceptorUserId", request.AcceptorUserId, Validation.ShortText, required: false)
            .Text("receivingLineUnit", request.ReceivingLineUnit, Validation.ShortText, required: false);
        for (var i = 0; i < (request.QualityCriteria?.Count ?? 0) && i < MaxListItems; i++)
        {
            var criterion = request.QualityCriteria![i];
            validation.That(criterion is not null, $"qualityCriteria[{i}]", "A quality criterion is {criterion, method, tolerance}.");
            validation.Text($"qualityCriteria[{i}].criterion", criterion?.Criterion, Validation.LongText)
                .Text($"qualityCriteria[{i}].method", criterion?.Method, Validation.ShortText)
                .Text($"qualityCriteria[{i}].tolerance", criterion?.Tolerance, Validation.ShortText, required: false);
        }

        for (var i = 0; i < (request.AcceptanceCriteria?.Count ?? 0) && i < MaxListItems; i++)
        {
            validation.Text($"acceptanceCriteria[{i}]", request.AcceptanceCriteria![i], Validation.LongText);
        }

        return validation;
    }

    private static Validation Comment(string? comment, bool required) => new Validation().Text("comment", comment, Validation.LongText, required);

    private static readonly DomainError MissingProduct = new(ErrorKind.NotFound, "not-found", "Not found", "The product was not found.");
}
