using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Domain.Tests;

public class ProductTests
{
    private static readonly ProjectStanding Siri = Facts.Standing("siri");
    private static readonly ProjectStanding Sven = Facts.Standing("sven");

    private static ProductCase Case(ProductState state, string? submittedBy = "per", bool partsSettled = true) =>
        new(state, QualityResponsibleUserId: "sven", AcceptorUserId: "siri", submittedBy, partsSettled);

    private static ProjectStanding Who(ProductStep step) => step switch
    {
        ProductStep.Approve or ProductStep.Accept or ProductStep.Reject => Siri,
        ProductStep.Submit => Facts.Pm,
        ProductStep.Review => Sven,
        _ => Facts.Exec,
    };

    [Theory]
    [InlineData(ProductState.Draft, ProductStep.Approve, null, ProductState.Approved)]
    [InlineData(ProductState.Approved, ProductStep.Submit, null, ProductState.InReview)]
    [InlineData(ProductState.InReview, ProductStep.Review, ReviewResult.Passed, ProductState.Passed)]
    [InlineData(ProductState.InReview, ProductStep.Review, ReviewResult.Failed, ProductState.Failed)]
    [InlineData(ProductState.Failed, ProductStep.Submit, null, ProductState.InReview)]
    [InlineData(ProductState.Passed, ProductStep.Accept, null, ProductState.Accepted)]
    [InlineData(ProductState.Passed, ProductStep.Reject, null, ProductState.InReview)]
    [InlineData(ProductState.Draft, ProductStep.Remove, null, ProductState.RemovedFromScope)]
    [InlineData(ProductState.Failed, ProductStep.Remove, null, ProductState.RemovedFromScope)]
    [InlineData(ProductState.Passed, ProductStep.Remove, null, ProductState.RemovedFromScope)]
    public void Each_step_moves_the_product_as_the_lifecycle_says(ProductState from, ProductStep step, ReviewResult? result, ProductState to) =>
        ProductRules.Step(Case(from), Who(step), Phase.Execution, step, result).Value.Should().Be(to);

    [Theory]
    [InlineData(ProductState.Draft, ProductStep.Submit)]
    [InlineData(ProductState.Draft, ProductStep.Review)]
    [InlineData(ProductState.Approved, ProductStep.Approve)]
    [InlineData(ProductState.Approved, ProductStep.Accept)]
    [InlineData(ProductState.InReview, ProductStep.Accept)]
    [InlineData(ProductState.InReview, ProductStep.Submit)]
    [InlineData(ProductState.Failed, ProductStep.Accept)]
    [InlineData(ProductState.Failed, ProductStep.Review)]
    [InlineData(ProductState.Passed, ProductStep.Submit)]
    [InlineData(ProductState.Accepted, ProductStep.Remove)]
    [InlineData(ProductState.Accepted, ProductStep.Reject)]
    [InlineData(ProductState.RemovedFromScope, ProductStep.Approve)]
    [InlineData(ProductState.RemovedFromScope, ProductStep.Remove)]
    public void A_step_its_state_does_not_allow_is_a_conflict(ProductState from, ProductStep step) =>
        ProductRules.Step(Case(from), Who(step), Phase.Execution, step, ReviewResult.Passed).Error!.Code.Should().Be("product-step-not-allowed");

    [Fact]
    public void Accepted_and_removed_are_final()
    {
        foreach (var state in new[] { ProductState.Accepted, ProductState.RemovedFromScope })
        {
            ProductMachine.IsFinal(state).Should().BeTrue();
            ProductMachine.Create(new ProductConditions(state, true)).GetInfo().States.Single(s => Equals(s.UnderlyingState, state)).Transitions.Should().BeEmpty();
        }

        Enum.GetValues<ProductState>().Count(ProductMachine.IsFinal).Should().Be(2);
    }

    [Fact]
    public void A_composite_product_is_accepted_only_when_its_parts_are_settled()
    {
        var refused = ProductRules.Step(Case(ProductState.Passed, partsSettled: false), Siri, Phase.Execution, ProductStep.Accept);
        refused.Error!.Code.Should().Be("product-step-not-allowed");
        refused.Error.Detail.Should().Be(ProductMachine.PartsOpen);
    }

    [Fact]
    public void Whoever_submitted_it_never_records_its_review()
    {
        var named = Case(ProductState.InReview, submittedBy: "sven");
        ProductRules.Step(named, Sven, Phase.Execution, ProductStep.Review, ReviewResult.Passed).Error!.Code.Should().Be("four-eyes");
        ProductRules.Step(Case(ProductState.InReview), Facts.Pm, Phase.Execution, ProductStep.Review, ReviewResult.Passed).Error!.Kind
            .Should().Be(ErrorKind.Forbidden);
    }

    [Fact]
    public void Only_the_acceptor_accepts_and_only_while_a_senior_user()
    {
        var otherSeniorUser = Facts.Standing("sara", [.. Facts.Ready(Phase.Execution).Roles, Facts.Role(ProjectRole.SeniorUser, "sara")]);
        ProductRules.Step(Case(ProductState.Passed), otherSeniorUser, Phase.Execution, ProductStep.Accept).Error!.Kind.Should().Be(ErrorKind.Forbidden);
        ProductRules.Step(Case(ProductState.Passed), Facts.Exec, Phase.Execution, ProductStep.Accept).Error!.Kind.Should().Be(ErrorKind.Forbidden);
        var siriWithoutRole = Facts.Standing("siri", [Facts.Executive, Facts.ProjectManager]);
        ProductRules.Step(Case(ProductState.Passed), siriWithoutRole, Phase.Execution, ProductStep.Accept).Error!.Kind.Should().Be(ErrorKind.Forbidden);
    }

    [Theory]
    [InlineData(Phase.Execution, "eva", true)]
    [InlineData(Phase.Execution, "bjorn", true)]
    [InlineData(Phase.Execution, "per", false)]
    [InlineData(Phase.Planning, "eva", false)]
    [InlineData(Phase.Planning, "bjorn", true)]
    [InlineData(Phase.Closure, "eva", false)]
    public void Scope_is_removed_by_the_executive_in_a_stage_and_by_the_board_at_any_time(Phase phase, string who, bool allowed)
    {
        var standing = who switch { "bjorn" => Facts.Board, "eva" => Facts.Exec, _ => Facts.Pm };
        var outcome = ProductRules.Step(Case(ProductState.Approved), standing, phase, ProductStep.Remove);
        (outcome.Error is null).Should().Be(allowed);
    }

    [Theory]
    [InlineData(Phase.Proposed, false, false)]
    [InlineData(Phase.Concept, true, true)]
    [InlineData(Phase.Execution, true, true)]
    [InlineData(Phase.Closure, false, true)]
    [InlineData(Phase.Realisation, false, false)]
    [InlineData(Phase.Completed, false, false)]
    public void Products_are_described_from_concept_to_execution_and_move_until_closure_ends(Phase phase, bool define, bool move)
    {
        (ProductRules.CheckDefine(phase) is null).Should().Be(define);
        (ProductRules.CheckOpen(phase) is null).Should().Be(move);
    }

    [Fact]
    public void A_description_is_approved_only_once_it_names_its_people()
    {
        var open = new ProductCase(ProductState.Draft, null, "siri", null, true);
        ProductRules.Step(open, Facts.Exec, Phase.Planning, ProductStep.Approve).Error!.Code.Should().Be("product-description-incomplete");
        ProductRules.CheckPeople(Facts.Ready(Phase.Planning).Roles, "siri", "siri")!.Code.Should().Be("quality-responsible-not-senior-supplier");
        ProductRules.CheckPeople(Facts.Ready(Phase.Planning).Roles, "sven", "sven")!.Code.Should().Be("acceptor-not-senior-user");
        ProductRules.CheckPeople(Facts.Ready(Phase.Planning).Roles, "sven", "siri").Should().BeNull();
        ProductRules.CheckNaming(Facts.Pm, ProductState.Approved)!.Kind.Should().Be(ErrorKind.Forbidden);
        ProductRules.CheckNaming(Sven, ProductState.Accepted)!.Code.Should().Be("product-final");
        ProductRules.CheckNaming(Sven, ProductState.Failed).Should().BeNull();
    }

    [Theory]
    [InlineData("approve", "eva", true)]
    [InlineData("approve", "siri", true)]
    [InlineData("approve", "sven", false)]
    [InlineData("approve", "per", false)]
    [InlineData("accept", "siri", true)]
    [InlineData("accept", "eva", false)]
    [InlineData("remove", "eva", true)]
    [InlineData("remove", "bjorn", true)]
    [InlineData("remove", "per", false)]
    [InlineData("review", "nils", true)]
    public void The_first_look_before_the_body_admits_whoever_the_rule_could_admit(string step, string who, bool admitted)
    {
        Func<ProjectStanding, DomainError?> check = step switch
        {
            "approve" => ProjectAccess.Before.ProductApprover,
            "accept" => ProjectAccess.Before.ProductAcceptor,
            "remove" => ProjectAccess.Before.ScopeDecider,
            _ => ProjectAccess.Before.ProductReviewer,
        };
        var standing = who == "bjorn" ? Facts.Board : Facts.Standing(who);
        (check(standing) is null).Should().Be(admitted);
    }

    [Fact]
    public void A_breakdown_has_no_cycles()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var parentOf = new Dictionary<Guid, Guid?> { [a] = null, [b] = a, [c] = b, [d] = null };
        ProductRules.FormsCycle(a, c, parentOf).Should().BeTrue("c is part of b, which is part of a");
        ProductRules.FormsCycle(a, a, parentOf).Should().BeTrue();
        ProductRules.FormsCycle(d, c, parentOf).Should().BeFalse();
        ProductRules.FormsCycle(c, a, parentOf).Should().BeFalse();
    }

    [Fact]
    public void A_product_is_delivered_by_the_latest_stage_that_carries_it_on()
    {
        var id = Guid.NewGuid();
        ProductRules.DeliveringStage(id, 1, new Dictionary<int, IReadOnlyList<Guid>>()).Should().Be(1);
        ProductRules.DeliveringStage(id, 1, new Dictionary<int, IReadOnlyList<Guid>> { [2] = [id], [3] = [id], [4] = [Guid.NewGuid()] }).Should().Be(3);
        ProductRules.DeliveringStage(id, 3, new Dictionary<int, IReadOnlyList<Guid>> { [2] = [id] }).Should().Be(3);
    }

    [Fact]
    public void Quality_counts_open_defects_in_scope_and_scope_the_products_removed()
    {
        ProductFact[] products =
        [
            Facts.Product(1, ProductState.Failed, openDefects: 3),
            Facts.Product(2, ProductState.InReview, openDefects: 2),
            Facts.Product(1, ProductState.RemovedFromScope, openDefects: 4, removedInStage: 1),
            Facts.Product(2, ProductState.RemovedFromScope, removedInStage: 2),
            Facts.Product(1, ProductState.RemovedFromScope),
        ];
        ProductMeasures.OpenDefects(products).Should().Be(5);
        ProductMeasures.RemovedFromScope(products).Should().Be(3);
        ProductMeasures.RemovedFromScope(products, 1).Should().Be(1);
        ProductMeasures.RemovedFromScope(products, 2).Should().Be(1);
    }

    [Fact]
    public void The_lifecycle_exports_to_mermaid()
    {
        var mermaid = ProductMachine.Mermaid();
        mermaid.Should().Contain("Draft --> Approved : Approve");
        mermaid.Should().Contain("Failed --> InReview : Submit");
        mermaid.Should().Contain("Passed --> Accepted : Accept");
        mermaid.Should().Contain("Passed --> InReview : Reject");
        mermaid.Should().NotContain("Accepted -->").And.NotContain("RemovedFromScope -->");
    }
}

public class ProductCriteriaTests
{
    private static CriterionResult Judge(GateFacts facts, DecisionPoint point, string id) =>
        CriteriaCatalogue.Default.For(point).Single(c => c.Id == id).Judge(facts);

    [Fact]
    public void Bp3_needs_an_approved_description_for_stage_1()
    {
        var ready = Facts.Ready(Phase.Planning);
        Judge(ready, DecisionPoint.Bp3, "products-described").Met.Should().BeTrue();

        var drafts = ready with { Products = [Facts.Product(1, ProductState.Draft, "Sensorer"), Facts.Product(2, ProductState.Approved)] };
        var result = Judge(drafts, DecisionPoint.Bp3, "products-described");
        result.Met.Should().BeFalse();
        result.Principle.Should().Be(Principle.P6);
        result.Detail.Should().Be("No product of stage 1 has an approved description. Still drafts: Sensorer.");

        var removed = ready with { Products = [Facts.Product(1, ProductState.RemovedFromScope)] };
        Judge(removed, DecisionPoint.Bp3, "products-described").Met.Should().BeFalse();
        var withoutCriteria = ready with { Products = [Facts.Product(1, ProductState.Approved) with { QualityCriteria = 0 }] };
        Judge(withoutCriteria, DecisionPoint.Bp3, "products-described").Met.Should().BeFalse();
    }

    [Theory]
    [InlineData(ProductState.Passed, true)]
    [InlineData(ProductState.Accepted, true)]
    [InlineData(ProductState.RemovedFromScope, true)]
    [InlineData(ProductState.InReview, false)]
    [InlineData(ProductState.Failed, false)]
    [InlineData(ProductState.Approved, false)]
    public void A_stage_boundary_needs_the_stages_products_settled(ProductState state, bool met)
    {
        var facts = Facts.Ready(Phase.Execution, 2) with
        {
            Products = [Facts.Product(2, state, "Rutiner"), Facts.Product(3, ProductState.Approved)],
        };
        var result = Judge(facts, DecisionPoint.StageBoundary, "stage-products-planned");
        result.Met.Should().Be(met);
        if (!met)
        {
            result.Detail.Should().StartWith("Not settled in stage 2: Rutiner (");
        }
    }

    [Fact]
    public void A_stage_boundary_needs_the_next_stages_products_described()
    {
        var facts = Facts.Ready(Phase.Execution, 1) with { Products = [Facts.Product(1, ProductState.Accepted), Facts.Product(2, ProductState.Draft, "Neste")] };
        Judge(facts, DecisionPoint.StageBoundary, "stage-products-planned").Detail.Should().Be("No product of stage 2 has an approved description. Still drafts: Neste.");
    }

    [Fact]
    public void Bp4_needs_every_product_accepted_or_removed_and_names_the_others()
    {
        var facts = Facts.Ready(Phase.Execution) with
        {
            Products = [Facts.Product(1, ProductState.Accepted), Facts.Product(1, ProductState.RemovedFromScope), Facts.Product(1, ProductState.Passed, "A"),
                Facts.Product(2, ProductState.Draft, "B")],
        };
        var result = Judge(facts, DecisionPoint.Bp4, "products-accepted");
        result.Met.Should().BeFalse();
        result.Detail.Should().Be("Not accepted: A (passed); B (draft).");
    }

    [Fact]
    public void Bp5_needs_a_receiving_line_unit_for_every_accepted_product()
    {
        var facts = Facts.Ready(Phase.Closure) with
        {
            Products = [Facts.Product(1, ProductState.Accepted) with { HasReceivingLineUnit = false, Title = "Veileder" },
                Facts.Product(1, ProductState.RemovedFromScope) with { HasReceivingLineUnit = false }],
        };
        var result = Judge(facts, DecisionPoint.Bp5, "products-handed-over");
        result.Met.Should().BeFalse();
        result.Detail.Should().Be("No receiving line unit: Veileder.");
    }
}
