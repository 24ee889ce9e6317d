using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;

namespace ProjectMethod.Domain.Gates;

/// <summary>
/// P6 at the gates: a stage starts with its products described; a stage ends with its products settled; execution
/// ends with every product accepted or removed from scope; closure hands every accepted product to a line unit.
/// </summary>
public sealed class ProductCriteria : ICriteriaSet
{
    public IEnumerable<(DecisionPoint, GateCriterion)> Criteria()
    {
        yield return (DecisionPoint.Bp3, new("products-described", Principle.P6,
            "At least one product of stage 1 has an approved description with quality criteria.",
            f => Described(f, 1)));
        yield return (DecisionPoint.StageBoundary, new("stage-products-planned", Principle.P6,
            "The products of the ending stage are passed, accepted or removed (or carried on by the next stage's plan); the next stage's products are described.",
            f => f.Stage is { } stage && Unsettled(f, stage) is { Count: > 0 } open
                ? CriterionCheck.Fail($"Not settled in stage {stage}: {string.Join("; ", open.Select(Name))}.",
                    Reason.Of("products-not-settled", ReasonArgument.Number(stage), ReasonArgument.Text(open.Select(p => p.Title))))
                : Described(f, f.NextStage)));
        yield return (DecisionPoint.Bp4, new("products-accepted", Principle.P6,
            "Every product is accepted or removed from scope.",
            f => f.Products.Where(p => !ProductMachine.IsFinal(p.State)).ToList() is { Count: > 0 } open
                ? CriterionCheck.Fail($"Not accepted: {string.Join("; ", open.Select(Name))}.", Reason.Of("products-not-accepted", ReasonArgument.Text(open.Select(p => p.Title))))
                : CriterionCheck.Pass()));
        yield return (DecisionPoint.Bp5, new("products-handed-over", Principle.P6,
            "Every accepted product has a receiving line unit.",
            f => f.Products.Where(p => p.State == ProductState.Accepted && !p.HasReceivingLineUnit).Select(p => p.Title).ToList() is { Count: > 0 } orphans
                ? CriterionCheck.Fail($"No receiving line unit: {string.Join("; ", orphans)}.", Reason.Of("products-without-line-unit", ReasonArgument.Text(orphans)))
                : CriterionCheck.Pass()));
    }

    private static CriterionCheck Described(GateFacts facts, int stage)
    {
        var ofStage = facts.Products.Where(p => p.Stage == stage && p.State != ProductState.RemovedFromScope).ToList();
        var drafts = ofStage.Where(p => !ProductMeasures.IsDescribed(p)).Select(p => p.Title).ToList();
        var remark = drafts.Count > 0 ? $" Still drafts: {string.Join("; ", drafts)}." : "";
        return ofStage.Any(ProductMeasures.IsDescribed)
            ? drafts.Count > 0 ? CriterionCheck.Pass(remark.Trim(), Reason.Of("products-still-drafts", ReasonArgument.Text(drafts))) : CriterionCheck.Pass()
            : CriterionCheck.Fail($"No product of stage {stage} has an approved description.{remark}", Reason.Of("no-approved-product", ReasonArgument.Number(stage)));
    }

    private static List<ProductFact> Unsettled(GateFacts facts, int stage) =>
        facts.Products.Where(p => p.Stage == stage && p.State is not (ProductState.Passed or ProductState.Accepted or ProductState.RemovedFromScope)).ToList();

    private static string Name(ProductFact product) => $"{product.Title} ({WireNames.Of(product.State)})";
}
