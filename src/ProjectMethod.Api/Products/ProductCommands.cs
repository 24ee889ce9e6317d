using ProjectMethod.Api.Events;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Products;

/// <summary>
/// A product's description and every step of its quality review and acceptance, each by whoever the method gives it to:
/// the use cases the API and the web pages share.
/// </summary>
public sealed class ProductCommands(ProjectWrites writes)
{
    private const int MaxListItems = 50;

    public async Task<WriteResult<ProductView>> DefineAsync(Guid id, ProductRequest request, Caller caller)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return WriteResult.Refused<ProductView>(Problems.Validation(invalid.Errors));
        }

        var result = await WriteDescriptionAsync(id, null, request, caller);
        return result;
    }

    public async Task<WriteResult<ProductView>> RedescribeAsync(
        Guid id, Guid productId, ProductRequest request, Caller caller)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return WriteResult.Refused<ProductView>(Problems.Validation(invalid.Errors));
        }

        var result = await WriteDescriptionAsync(id, productId, request, caller);
        return result;
    }

    /// <summary>A new description (no product id), or a draft's description replaced: the Project Manager, from concept until execution ends.</summary>
    private Task<WriteResult<ProductView>> WriteDescriptionAsync(Guid id, Guid? productId, ProductRequest request, Caller caller) =>
        writes.RunAsync<ProductView>(caller, id, async write =>
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

            if (ProductRules.CheckRedescribe(existing.State) is { } approved)
            {
                return approved;
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

    public Task<WriteResult<ProductView>> ApproveAsync(Guid id, Guid productId, ProductComment request, Caller caller) =>
        StepAsync(id, productId, caller, ProductStep.Approve, Comment(request.Comment, required: false), EventTypes.ProductApproved,
            (_, product) => Task.FromResult(product with { LastComment = request.Comment?.Trim() }));

    public Task<WriteResult<ProductView>> SubmitAsync(Guid id, Guid productId, ProductComment request, Caller caller) =>
        StepAsync(id, productId, caller, ProductStep.Submit, Comment(request.Comment, required: false), EventTypes.ProductSubmitted,
            (write, product) => Task.FromResult(product with { SubmittedBy = write.Actor.UserId, LastComment = request.Comment?.Trim() }));

    public Task<WriteResult<ProductView>> ReviewAsync(
        Guid id, Guid productId, QualityReviewRequest request, Caller caller)
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

        return StepAsync(id, productId, caller, ProductStep.Review, validation, EventTypes.ProductReviewed, async (write, product) =>
        {
            var review = new QualityReviewView
            {
                Id = Ids.New(write.Now), ProductId = product.Id, ProductTitle = product.Title, Result = request.Result!.Value, Method = request.Method!.Trim(),
                Reviewers = request.Reviewers!.Select(r => r.Trim()).ToList(), Defects = defects.Select(d => d.Trim()).ToList(), Notes = request.Notes?.Trim() ?? "",
                SubmittedBy = product.SubmittedBy ?? "", ReviewedBy = write.Actor.UserId, ReviewedAt = write.Now,
            };
            await ProductStore.InsertReviewAsync(write.Db, write.Project.Id, review);
            return product with { OpenDefects = review.Defects.Count, LastComment = review.Notes };
        }, request.Result, Dimension.Quality, (request.Reviewers ?? []).Select((r, i) => ($"reviewers[{i}]", (string?)r)).ToArray());
    }

    public Task<WriteResult<ProductView>> AcceptAsync(Guid id, Guid productId, AcceptProduct request, Caller caller) =>
        StepAsync(id, productId, caller, ProductStep.Accept,
            Comment(request.Comment, required: true).Text("receivingLineUnit", request.ReceivingLineUnit, Validation.ShortText, required: false),
            EventTypes.ProductAccepted,
            (_, product) => Task.FromResult(product with
            {
                LastComment = request.Comment!.Trim(), ReceivingLineUnit = request.ReceivingLineUnit?.Trim() ?? product.ReceivingLineUnit,
            }));

    public Task<WriteResult<ProductView>> RejectAsync(Guid id, Guid productId, RejectProduct request, Caller caller) =>
        StepAsync(id, productId, caller, ProductStep.Reject, new Validation().Text("reason", request.Reason, Validation.LongText), EventTypes.ProductRejected,
            (_, product) => Task.FromResult(product with { LastComment = request.Reason!.Trim() }));

    public Task<WriteResult<ProductView>> RemoveAsync(
        Guid id, Guid productId, RemoveProduct request, Caller caller) =>
        StepAsync(id, productId, caller, ProductStep.Remove, new Validation().Text("rationale", request.Rationale, Validation.LongText),
            EventTypes.ProductRemovedFromScope,
            (write, product) => Task.FromResult(product with
            {
                LastComment = request.Rationale!.Trim(), RemovedInStage = write.Project.Phase == Phase.Execution ? write.Project.Stage : null,
            }),
            judge: Dimension.Scope);

    public async Task<WriteResult<ProductView>> NameReviewerAsync(
        Guid id, Guid productId, NameQualityResponsible request, Caller caller)
    {
        var validation = new Validation().Text("userId", request.UserId, Validation.ShortText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ProductView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ProductView>(caller, id, async write =>
        {
            if (await ProductStore.GetAsync(write.Db, id, productId) is not { } product)
            {
                return MissingProduct;
            }

            var executiveNames = !(await write.HandbookAsync()).Profile.SeniorSupplierRequired && write.Roles.All(r => r.Role != ProjectRole.SeniorSupplier);
            if ((ProductRules.CheckNaming(write.Standing, product.State, executiveNames) ?? ProductRules.CheckOpen(write.Project.Phase)
                    ?? await write.CheckKnownAsync(("userId", request.UserId))) is { } refused)
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
        return result;
    }

    public async Task<WriteResult<ProductView>> NameLineUnitAsync(
        Guid id, Guid productId, ReceivingLineUnitRequest request, Caller caller)
    {
        var validation = new Validation().Text("receivingLineUnit", request.ReceivingLineUnit, Validation.ShortText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ProductView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ProductView>(caller, id, async write =>
        {
            if ((ProjectAccess.Check(write.Standing, ProjectAction.ManageProducts) ?? ProductRules.CheckOpen(write.Project.Phase)) is { } refused)
            {
                return refused;
            }

            if (await ProductStore.GetAsync(write.Db, id, productId) is not { } product)
            {
                return MissingProduct;
            }

            if (ProductRules.CheckLineUnit(product.State) is { } removed)
            {
                return removed;
            }

            var named = product with { ReceivingLineUnit = request.ReceivingLineUnit!.Trim(), UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now };
            await ProductStore.UpdateAsync(write.Db, id, named);
            write.Record(EventTypes.ReceivingLineUnitNamed, named);
            return named;
        });
        return result;
    }

    /// <summary>
    /// One step of the lifecycle: the product read under the write lock, the rules asked who may and whether its state
    /// allows it, the step's own changes applied, the product saved and the step audited; a measured dimension the step
    /// moves is judged at once.
    /// </summary>
    private async Task<WriteResult<ProductView>> StepAsync(
        Guid id, Guid productId, Caller caller, ProductStep step, Validation validation, EventType<ProductStepData> eventType,
        Func<ProjectWrite, ProductView, Task<ProductView>> apply, ReviewResult? review = null, Dimension? judge = null, (string Field, string? UserId)[]? people = null)
    {
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ProductView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ProductView>(caller, id, async write =>
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
            if ((next.Error ?? await write.CheckKnownAsync(people ?? [])) is { } refused)
            {
                return refused;
            }

            var changed = await apply(write, product with { State = next.Value, UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now });
            await ProductStore.UpdateAsync(write.Db, id, changed);
            write.Record(eventType, new ProductStepData(changed, product.State, changed.State, write.Actor.UserId, changed.LastComment));
            if (judge is { } dimension)
            {
                await Forecasting.JudgeMeasuredAsync(write, await write.TolerancesAsync(), dimension);
            }

            return changed;
        });
        return result;
    }

    /// <summary>The people, the stage, the breakdown and the work package a description names must fit the project.</summary>
    private static async Task<DomainError?> CheckDescription(ProjectWrite write, ProductView product, IReadOnlyList<ProductView> products)
    {
        // Someone a Senior Supplier named stays the quality responsible without holding a role themselves.
        var qualityResponsible = product.QualityResponsibleNamedBy is null ? product.QualityResponsibleUserId : null;
        if (ProductRules.CheckPeople(write.Roles, qualityResponsible, product.AcceptorUserId, (await write.HandbookAsync()).Profile.SeniorSupplierRequired) is { } people)
        {
            return people;
        }

        if (Stages.CheckNotOver(write.Project.Phase, write.Project.Stage, product.Stage) is { } over)
        {
            return over;
        }

        if (product.ParentId is { } parentId
            && ProductRules.CheckParent((product.Id, product.Title), parentId, products.ToDictionary(p => p.Id, p => (p.Title, p.State)),
                products.ToDictionary(p => p.Id, p => p.ParentId)) is { } parentRefused)
        {
            return parentRefused;
        }

        return product.WorkPackageId is { } workPackageId
            ? ProductRules.CheckWorkPackage(workPackageId,
                await WorkPackageStore.GetAsync(write.Db, write.Project.Id, workPackageId) is { } package ? (package.Title, package.Stage) : null, product.Stage)
            : null;
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

    private static readonly DomainError MissingProduct = DomainError.NotFound("The product was not found.");
}
