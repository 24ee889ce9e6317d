using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Assurance;

/// <summary>What an independent quality assurer recommends the decider do at the decision point.</summary>
public enum AssuranceRecommendation
{
    Proceed,
    ProceedWithConditions,
    DoNotProceed,
}

/// <summary>
/// Independent quality assurance (ekstern kvalitetssikring) before BP3 or BP4: the assurer, from outside the project's
/// line, their organisation, the day they concluded, their recommendation and the conclusion in their words.
/// </summary>
public sealed record RecordIndependentAssurance(
    DecisionPoint? DecisionPoint, string? Assessor, string? Organisation, LocalDate? ConcludedOn, AssuranceRecommendation? Recommendation, string? Conclusion);

/// <summary>An independent quality assurance recorded with the project, and who recorded it when.</summary>
public sealed record IndependentAssuranceView(
    Guid Id, DecisionPoint DecisionPoint, string Assessor, string Organisation, LocalDate ConcludedOn, AssuranceRecommendation Recommendation,
    string Conclusion, [property: Person] string RecordedBy, Instant RecordedAt);

/// <summary>The project's independent quality assurances, oldest first.</summary>
public sealed record IndependentAssuranceList(IReadOnlyList<IndependentAssuranceView> Items)
{
    /// <summary>Always null: the collection comes whole.</summary>
    public string? NextCursor => null;
}
