using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Products;

/// <summary>A step someone takes on a product; each is one action of the API.</summary>
public enum ProductStep
{
    Approve,
    Submit,
    Review,
    Accept,
    Reject,
    Remove,
}

/// <summary>What the quality responsible found.</summary>
public enum ReviewResult
{
    Passed,
    Failed,
}

/// <summary>A product as the rules of its lifecycle see it.</summary>
public sealed record ProductCase(
    ProductState State, string? QualityResponsibleUserId, string? AcceptorUserId, string? SubmittedBy, bool PartsSettled);

/// <summary>Who takes which step on a product, in which phase, and what the breakdown may look like (DESIGN §3, §6).</summary>
public static class ProductRules
{
    /// <summary>Products are described from concept until execution ends; nothing is added to the scope after BP4.</summary>
    public static DomainError? CheckDefine(Phase phase) =>
        phase is Phase.Concept or Phase.Planning or Phase.Execution
            ? null
            : DomainError.Conflict("products-closed", "Products closed",
                $"Products are described from concept until execution ends; the project is {WireNames.Of(phase)}.");

    /// <summary>Products move through their lifecycle until the project leaves closure; after that they are history.</summary>
    public static DomainError? CheckOpen(Phase phase) =>
        phase is Phase.Concept or Phase.Planning or Phase.Execution or Phase.Closure
            ? null
            : DomainError.Conflict("products-closed", "Products closed", $"Products no longer change once the project is {WireNames.Of(phase)}.");

    /// <summary>
    /// The acceptor is a Senior User of the project; the quality responsible a Senior Supplier (or someone one names). A
    /// project whose category makes the Senior Supplier optional, and that has none, may name anyone to answer for quality
    /// but the acceptor: the one who reviews a product never also accepts it.
    /// </summary>
    public static DomainError? CheckPeople(
        IReadOnlyList<RoleAssignment> roles, string? qualityResponsibleUserId, string? acceptorUserId, bool seniorSupplierRequired = true)
    {
        if (acceptorUserId is not null && !roles.Any(r => r.UserId == acceptorUserId && r.Role == ProjectRole.SeniorUser))
        {
            return DomainError.Conflict("acceptor-not-senior-user", "Acceptor is not a Senior User",
                $"{acceptorUserId} is no Senior User of the project: the user side accepts products.");
        }

        if (qualityResponsibleUserId is not null && !seniorSupplierRequired && roles.All(r => r.Role != ProjectRole.SeniorSupplier))
        {
            return qualityResponsibleUserId == acceptorUserId
                ? DomainError.Conflict("quality-responsible-is-acceptor", "Quality responsible accepts",
                    $"{qualityResponsibleUserId} accepts the product and cannot also answer for its quality review.")
                : null;
        }

        if (qualityResponsibleUserId is not null && !roles.Any(r => r.UserId == qualityResponsibleUserId && r.Role == ProjectRole.SeniorSupplier))
        {
            return DomainError.Conflict("quality-responsible-not-senior-supplier", "Quality responsible is not a Senior Supplier",
                $"{qualityResponsibleUserId} is no Senior Supplier of the project; a Senior Supplier may name someone else for a product once it exists.");
        }

        return null;
    }

    /// <summary>
    /// A Senior Supplier answers for quality, and names who reviews a product; never once it is final. Where the category
    /// makes the supplier optional and the project has none, the Executive names them.
    /// </summary>
    public static DomainError? CheckNaming(ProjectStanding standing, ProductState state, bool executiveNames = false)
    {
        if (!standing.Holds(ProjectRole.SeniorSupplier) && !(executiveNames && standing.Holds(ProjectRole.Executive)))
        {
            return DomainError.Forbidden(executiveNames
                ? "The project has no Senior Supplier: its Executive names a product's quality responsible."
                : "Only a Senior Supplier names a product's quality responsible.");
        }

        return ProductMachine.IsFinal(state)
            ? DomainError.Conflict("product-final", "Product final", $"The product is {WireNames.Of(state)}; nobody reviews it again.")
            : null;
    }

    /// <summary>Whoever may take the step, then whether the product's state allows it; the state the product moves to.</summary>
    public static Outcome<ProductState> Step(ProductCase product, ProjectStanding standing, Phase phase, ProductStep step, ReviewResult? result = null)
    {
        if (CheckWho(product, standing, phase, step) is { } forbidden)
        {
            return forbidden;
        }

        if (CheckOpen(phase) is { } closed)
        {
            return closed;
        }

        if (step == ProductStep.Approve && (product.AcceptorUserId is null || product.QualityResponsibleUserId is null))
        {
            return DomainError.Conflict("product-description-incomplete", "Product description incomplete",
                "A description is approved only when it names its acceptor and its quality responsible.");
        }

        var trigger = step switch
        {
            ProductStep.Approve => ProductMachine.Trigger.Approve,
            ProductStep.Submit => ProductMachine.Trigger.Submit,
            ProductStep.Review => result == ReviewResult.Passed ? ProductMachine.Trigger.Pass : ProductMachine.Trigger.Fail,
            ProductStep.Accept => ProductMachine.Trigger.Accept,
            ProductStep.Reject => ProductMachine.Trigger.Reject,
            _ => ProductMachine.Trigger.Remove,
        };
        var machine = ProductMachine.Create(new ProductConditions(product.State, product.PartsSettled));
        if (!machine.CanFire(trigger, out var unmet))
        {
            return DomainError.Conflict("product-step-not-allowed", "Not allowed in the product's state",
                unmet is { Count: > 0 } ? string.Join(" ", unmet) : $"A product that is {WireNames.Of(product.State)} cannot be {Done(step)}.");
        }

        machine.Fire(trigger);
        return machine.State;
    }

    /// <summary>Whether making <paramref name="parentId"/> the parent of <paramref name="productId"/> would close a loop in the breakdown.</summary>
    public static bool FormsCycle(Guid productId, Guid parentId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = parentId; current is { } id; current = parentOf.GetValueOrDefault(id))
        {
            if (id == productId || !seen.Add(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A product is delivered in its own stage, or in the latest stage whose plan carries it on.</summary>
    public static int DeliveringStage(Guid productId, int stage, IReadOnlyDictionary<int, IReadOnlyList<Guid>> carriedByStage) =>
        carriedByStage.Where(c => c.Key > stage && c.Value.Contains(productId)).Select(c => c.Key).DefaultIfEmpty(stage).Max();

    /// <summary>Whether the person may take the step on this product (its state and the phase aside): whose step it is, and four eyes.</summary>
    public static bool IsTheirs(ProductCase product, ProjectStanding standing, Phase phase, ProductStep step) => CheckWho(product, standing, phase, step) is null;

    private static DomainError? CheckWho(ProductCase product, ProjectStanding standing, Phase phase, ProductStep step)
    {
        var user = standing.Actor.UserId;
        var isAcceptor = product.AcceptorUserId == user && standing.Holds(ProjectRole.SeniorUser);
        switch (step)
        {
            case ProductStep.Approve when !(standing.Holds(ProjectRole.Executive) || isAcceptor):
                return DomainError.Forbidden("Only the Executive or the product's acceptor approves its description.");
            case ProductStep.Submit when !standing.Holds(ProjectRole.ProjectManager):
                return DomainError.Forbidden("Only the Project Manager submits a product for quality review.");
            case ProductStep.Review when product.QualityResponsibleUserId != user:
                return DomainError.Forbidden("Only the product's quality responsible records its review.");
            case ProductStep.Review when product.SubmittedBy == user:
                return new DomainError(ErrorKind.Forbidden, "four-eyes", "Four eyes", "Whoever submitted a product for review never records its review.");
            case ProductStep.Accept or ProductStep.Reject when !isAcceptor:
                return DomainError.Forbidden("Only the product's acceptor, a Senior User, accepts or rejects it.");
            case ProductStep.Remove when phase == Phase.Execution && !(standing.Holds(ProjectRole.Executive) || standing.Actor.IsPortfolioBoard):
                return DomainError.Forbidden("Only the Executive, or the portfolio board, removes a product from scope.");
            case ProductStep.Remove when phase != Phase.Execution && !standing.Actor.IsPortfolioBoard:
                return DomainError.Forbidden("Outside a stage the scope is the project's: only the portfolio board removes a product from scope.");
            default:
                return null;
        }
    }

    private static string Done(ProductStep step) => step switch
    {
        ProductStep.Approve => "approved",
        ProductStep.Submit => "submitted for review",
        ProductStep.Review => "reviewed",
        ProductStep.Accept => "accepted",
        ProductStep.Reject => "rejected",
        _ => "removed from scope",
    };

    /// <summary>A description is changed while it is a draft; once approved it stands.</summary>
    public static DomainError? CheckRedescribe(ProductState state) =>
        state == ProductState.Draft
            ? null
            : DomainError.Conflict("product-not-draft", "Product not a draft", $"The product is {WireNames.Of(state)}: its description was approved and no longer changes.");

    /// <summary>A line unit takes over any product but one removed from scope.</summary>
    public static DomainError? CheckLineUnit(ProductState state) =>
        state == ProductState.RemovedFromScope
            ? DomainError.Conflict("product-final", "Product final", "The product was removed from scope; no line unit takes it over.")
            : null;

    /// <summary>A product is part of a product of the same project that is in scope, and a breakdown has no cycles.</summary>
    /// <param name="product">The product and its title.</param>
    /// <param name="parentId">The product it is to be part of.</param>
    /// <param name="inScope">The project's products, their titles and states.</param>
    /// <param name="parentOf">Each product's parent, as the breakdown stands.</param>
    public static DomainError? CheckParent(
        (Guid Id, string Title) product, Guid parentId, IReadOnlyDictionary<Guid, (string Title, ProductState State)> inScope, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        if (!inScope.TryGetValue(parentId, out var parent) || parent.State == ProductState.RemovedFromScope)
        {
            return DomainError.Conflict("product-parent-invalid", "Invalid parent", $"Product {parentId} is no product in scope of this project.");
        }

        return FormsCycle(product.Id, parentId, parentOf)
            ? DomainError.Conflict("product-parent-invalid", "Invalid parent", $"{parent.Title} is part of {product.Title}: a breakdown has no cycles.")
            : null;
    }

    /// <summary>A product is delivered by a work package of the project, of the stage that delivers the product.</summary>
    public static DomainError? CheckWorkPackage(Guid workPackageId, (string Title, int Stage)? package, int productStage) =>
        package is not { } found
            ? DomainError.Conflict("work-package-invalid", "Invalid work package", $"Work package {workPackageId} is not a work package of this project.")
            : found.Stage != productStage
                ? DomainError.Conflict("work-package-invalid", "Invalid work package",
                    $"{found.Title} is a work package of stage {found.Stage}; the product is delivered in stage {productStage}.")
                : null;

    /// <summary>A stage plan carries on only unfinished products of earlier stages of the same project.</summary>
    public static DomainError? CheckCarriable(Guid productId, (string Title, int Stage, ProductState State)? product, int stage) =>
        product is not { } found
            ? DomainError.Conflict("product-not-carriable", "Product cannot be carried on", $"Product {productId} is not a product of this project.")
            : found.Stage >= stage || ProductMachine.IsFinal(found.State)
                ? DomainError.Conflict("product-not-carriable", "Product cannot be carried on",
                    $"{found.Title} is {WireNames.Of(found.State)} and of stage {found.Stage}: a stage plan carries on only unfinished products of earlier stages.")
                : null;
}

/// <summary>
/// A product as the gates and the derived tolerance dimensions see it. <see cref="Stage"/> is the stage that delivers it:
/// its own, or a later one whose plan carries it on.
/// </summary>
public sealed record ProductFact(
    Guid Id, string Title, int Stage, ProductState State, int QualityCriteria, bool HasReceivingLineUnit, int OpenDefects, int? RemovedInStage,
    Guid? WorkPackageId = null);

/// <summary>The quality and scope dimensions measured from the products, not typed by hand (DESIGN §4, §6).</summary>
public static class ProductMeasures
{
    /// <summary>Open defects: those of the latest failed review of each product not yet passed, removed products aside.</summary>
    public static int OpenDefects(IEnumerable<ProductFact> products) =>
        products.Where(p => p.State != ProductState.RemovedFromScope).Sum(p => p.OpenDefects);

    /// <summary>Products removed from scope: during the stage given, or in the whole project when none is.</summary>
    public static int RemovedFromScope(IEnumerable<ProductFact> products, int? stage = null) =>
        products.Count(p => p.State == ProductState.RemovedFromScope && (stage is null || p.RemovedInStage == stage));

    /// <summary>A product is described once the user side approved its description with at least one quality criterion.</summary>
    public static bool IsDescribed(ProductFact product) =>
        product.State is not (ProductState.Draft or ProductState.RemovedFromScope) && product.QualityCriteria > 0;
}
