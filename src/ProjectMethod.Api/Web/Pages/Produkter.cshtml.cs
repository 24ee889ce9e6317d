using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Risks;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Risks;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The project's products, each with the step of quality review and acceptance that is due and the form for whoever
/// takes it, and its uncertainty register — through the API's own use cases.
/// </summary>
public sealed class ProdukterModel(Database database, ProductCommands products, RiskCommands risks) : ProjectPageModel(database)
{
    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    public RiskRegister Risks { get; private set; } = new([], 0);

    /// <summary>The people of the project organisation, for the fields that name one of them.</summary>
    public IEnumerable<KeyValuePair<string, string>> People(string empty) =>
        new[] { new KeyValuePair<string, string>("", empty) }
            .Concat(Roles.DistinctBy(r => r.UserId).Select(r => new KeyValuePair<string, string>(r.UserId, r.DisplayName)));

    public Task<IActionResult> OnPostDefineAsync(Guid id)
    {
        var form = ReadForm();
        var request = new ProductRequest(form.Text("title"), form.Text("purpose"), Criteria(form), form.Lines("acceptanceCriteria"), form.WholeNumber("stage"),
            QualityResponsibleUserId: form.Text("qualityResponsibleUserId"), AcceptorUserId: form.Text("acceptorUserId"),
            ReceivingLineUnit: form.Text("receivingLineUnit"));
        return SendAsync(id, "define", Operations.DefineProduct, form, () => products.DefineAsync(id, request, Caller), "ProductDone");
    }

    /// <summary>
    /// A draft's description changed by the Project Manager: what the form shows replaces what it held; what it does not
    /// show (composition, derivation, its place in the breakdown and work package) stays as it was.
    /// </summary>
    public async Task<IActionResult> OnPostRedescribeAsync(Guid id, Guid productId)
    {
        var form = ReadForm();
        var current = await Database.ReadAsync(db => ProductStore.GetAsync(db, id, productId), HttpContext.RequestAborted);
        var request = new ProductRequest(form.Text("title"), form.Text("purpose"), Criteria(form), form.Lines("acceptanceCriteria"), form.WholeNumber("stage"),
            current?.Composition, current?.Derivation, form.Text("qualityResponsibleUserId"), form.Text("acceptorUserId"), form.Text("receivingLineUnit"),
            current?.ParentId, current?.WorkPackageId);
        return await SendAsync(id, StepForm(Operations.UpdateProduct, productId), Operations.UpdateProduct, form,
            () => products.RedescribeAsync(id, productId, request, Caller), "ProductStepDone");
    }

    /// <summary>The quality criteria of a form, one per line: criterion; method; tolerance (the last two may be left out).</summary>
    private static List<QualityCriterion> Criteria(FormReader form) =>
        [.. form.Lines("qualityCriteria").Select(line => line.Split(';', 3, StringSplitOptions.TrimEntries))
            .Select(parts => new QualityCriterion(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null))];

    /// <summary>A product's quality criteria as the form writes them, one per line.</summary>
    public static string CriteriaLines(ProductView product) => string.Join("\n", product.QualityCriteria.Select(c =>
        c.Tolerance.Length > 0 ? $"{c.Criterion}; {c.Method}; {c.Tolerance}" : $"{c.Criterion}; {c.Method}"));

    /// <summary>Whether the step on the product is the signed-in person's (the quality responsible reviews, unless they submitted it; the acceptor accepts).</summary>
    public bool IsTheirs(ProductView product, ProductStep step) => ProductRules.IsTheirs(
        new ProductCase(product.State, product.QualityResponsibleUserId, product.AcceptorUserId, product.SubmittedBy, PartsSettled: true), Standing, Project!.Phase, step);

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid productId) => Step(id, productId, Operations.ApproveProduct,
        form => products.ApproveAsync(id, productId, new ProductComment(form.Text("comment")), Caller));

    public Task<IActionResult> OnPostSubmitAsync(Guid id, Guid productId) => Step(id, productId, Operations.SubmitProduct,
        form => products.SubmitAsync(id, productId, new ProductComment(form.Text("comment")), Caller));

    public async Task<IActionResult> OnPostReviewAsync(Guid id, Guid productId)
    {
        var form = ReadForm();
        // The reviewers are found by name as a person field's are; a line that names nobody (or several) is refused beside the field.
        var reviewers = await PersonPicker.ResolveEachAsync(HttpContext, form, "reviewers", Texts);
        var request = new QualityReviewRequest(form.Enum<ReviewResult>("result"), form.Text("method"), reviewers ?? [], form.Lines("defects"), form.Text("notes"));
        return await SendAsync(id, StepForm(Operations.ReviewProduct, productId), Operations.ReviewProduct, form,
            () => products.ReviewAsync(id, productId, request, Caller), "ProductStepDone");
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid productId) => Step(id, productId, Operations.AcceptProduct,
        form => products.AcceptAsync(id, productId, new AcceptProduct(form.Text("comment")), Caller));

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid productId) => Step(id, productId, Operations.RejectProduct,
        form => products.RejectAsync(id, productId, new RejectProduct(form.Text("reason")), Caller));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid productId) => Step(id, productId, Operations.RemoveProductFromScope,
        form => products.RemoveAsync(id, productId, new RemoveProduct(form.Text("rationale")), Caller));

    /// <summary>The form that changes or closes one risk is named by it, so its refusal stays beside it.</summary>
    public static string RiskForm(Guid riskId) => $"risk-{riskId:N}";

    public Task<IActionResult> OnPostUpdateRiskAsync(Guid id, Guid riskId)
    {
        var form = ReadForm();
        var request = new RiskRequest(form.Enum<UncertaintyKind>("kind"), form.Text("title"), form.WholeNumber("probability"), form.WholeNumber("consequence"),
            form.Text("ownerUserId"), form.Text("proximity"), form.Text("strategy"), form.Enum<RiskStatus>("status"));
        return SendAsync(id, RiskForm(riskId), Operations.UpdateRisk, form, () => risks.UpdateAsync(id, riskId, request, Caller), "RiskUpdated");
    }

    public Task<IActionResult> OnPostRiskAsync(Guid id)
    {
        var form = ReadForm();
        var request = new RiskRequest(form.Enum<UncertaintyKind>("kind"), form.Text("title"), form.WholeNumber("probability"), form.WholeNumber("consequence"),
            form.Text("ownerUserId"), form.Text("proximity"), form.Text("strategy"));
        return SendAsync(id, "risk", Operations.RecordRisk, form, () => risks.RecordAsync(id, request, Caller), "RiskDone");
    }

    /// <summary>The form of one product's step is named by the step and the product, so its refusal stays beside it.</summary>
    public static string StepForm(OperationId operation, Guid productId) => $"{operation.Name}-{productId:N}";

    private Task<IActionResult> Step(Guid id, Guid productId, OperationId operation, Func<FormReader, Task<WriteResult<ProductView>>> call)
    {
        var form = ReadForm();
        return SendAsync(id, StepForm(operation, productId), operation, form, () => call(form), "ProductStepDone");
    }

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        Products = await Database.ReadAsync(db => ProductStore.ForProjectAsync(db, Project.Id), cancellationToken);
        var risks = await Database.ReadAsync(db => RiskStore.ForProjectAsync(db, Project.Id), cancellationToken);
        Risks = new RiskRegister(risks, RiskRules.Exposure(risks.Select(r => r.ToDomain())));
    }
}
