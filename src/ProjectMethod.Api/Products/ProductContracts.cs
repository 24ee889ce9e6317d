using System.ComponentModel;
using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Products;

namespace ProjectMethod.Api.Products;

/// <summary>One quality criterion of a product: what is checked, how, and how much deviation is acceptable.</summary>
public sealed record QualityCriterion(string? Criterion, string? Method, string? Tolerance = null);

/// <summary>
/// A product description (produktbeskrivelse). The acceptor (a Senior User) and the quality responsible (a Senior
/// Supplier) may be left open in a draft; the description is approved only once it names both.
/// </summary>
public sealed record ProductRequest(
    string? Title, string? Purpose, IReadOnlyList<QualityCriterion>? QualityCriteria, IReadOnlyList<string>? AcceptanceCriteria, int? Stage,
    string? Composition = null, string? Derivation = null, string? QualityResponsibleUserId = null, string? AcceptorUserId = null,
    string? ReceivingLineUnit = null, Guid? ParentId = null, Guid? WorkPackageId = null);

public sealed record QualityCriterionView(string Criterion, string Method, string Tolerance);

public sealed record ProductView
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Purpose { get; init; }

    public required string Composition { get; init; }

    public required string Derivation { get; init; }

    public required IReadOnlyList<QualityCriterionView> QualityCriteria { get; init; }

    public required IReadOnlyList<string> AcceptanceCriteria { get; init; }

    /// <summary>The stage the description names.</summary>
    public required int Stage { get; init; }

    /// <summary>The stage that delivers it: its own, or a later one whose stage plan carries it on.</summary>
    public required int DeliveringStage { get; init; }

    public required ProductState State { get; init; }

    /// <summary>Defects of its latest failed review, open until a review passes it.</summary>
    public required int OpenDefects { get; init; }

    [Person("qualityResponsible")]
    public string? QualityResponsibleUserId { get; init; }

    [Person, Description("The Senior Supplier who named the quality responsible, when it is not the one the description gave.")]
    public string? QualityResponsibleNamedBy { get; init; }

    [Person("acceptor")]
    public string? AcceptorUserId { get; init; }

    public string? ReceivingLineUnit { get; init; }

    public Guid? ParentId { get; init; }

    public Guid? WorkPackageId { get; init; }

    [Person, Description("Who last submitted it for review: never the one who records the review.")]
    public string? SubmittedBy { get; init; }

    /// <summary>The comment, reason or rationale of its latest step.</summary>
    public string? LastComment { get; init; }

    /// <summary>The stage under way when it was removed from scope; null before execution or while it is in scope.</summary>
    public int? RemovedInStage { get; init; }

    [Person]
    public required string CreatedBy { get; init; }

    public required Instant CreatedAt { get; init; }

    [Person]
    public required string UpdatedBy { get; init; }

    public required Instant UpdatedAt { get; init; }
}

/// <summary>An optional comment on approving a description or submitting a product for review.</summary>
public sealed record ProductComment(string? Comment = null);

/// <summary>The quality responsible's review record.</summary>
public sealed record QualityReviewRequest(
    ReviewResult? Result, string? Method, IReadOnlyList<string>? Reviewers, IReadOnlyList<string>? Defects = null, string? Notes = null);

/// <summary>The acceptor's acceptance, with a comment; it may name the line unit that takes the product over.</summary>
public sealed record AcceptProduct(string? Comment, string? ReceivingLineUnit = null);

/// <summary>The acceptor's reason for sending a passed product back to review.</summary>
public sealed record RejectProduct(string? Reason);

/// <summary>The decision to take a product out of scope, with its rationale.</summary>
public sealed record RemoveProduct(string? Rationale);

/// <summary>A Senior Supplier names who reviews a product's quality.</summary>
public sealed record NameQualityResponsible(string? UserId);

/// <summary>The line unit that takes a product over when the project hands it on.</summary>
public sealed record ReceivingLineUnitRequest(string? ReceivingLineUnit);

/// <summary>An entry of the quality register: one review of one product.</summary>
public sealed record QualityReviewView
{
    public required Guid Id { get; init; }

    public required Guid ProductId { get; init; }

    public required string ProductTitle { get; init; }

    public required ReviewResult Result { get; init; }

    public required string Method { get; init; }

    [Person]
    public required IReadOnlyList<string> Reviewers { get; init; }

    public required IReadOnlyList<string> Defects { get; init; }

    public required string Notes { get; init; }

    [Person]
    public required string SubmittedBy { get; init; }

    [Person]
    public required string ReviewedBy { get; init; }

    public required Instant ReviewedAt { get; init; }
}
