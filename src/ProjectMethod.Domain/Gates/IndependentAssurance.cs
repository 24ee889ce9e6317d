using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Gates;

/// <summary>Independent quality assurance informs BP3 or BP4, and is recorded while the project heads for it.</summary>
public static class IndependentAssurance
{
    public static DomainError? CheckRecordable(DecisionPoint point, Phase phase) =>
        DecisionPoints.Ahead(phase).Contains(point)
            ? null
            : DomainError.Conflict("decision-point-not-ahead", "Decision point not ahead",
                $"Assurance for {WireNames.Of(point)} is recorded while the project heads for it; the project is {WireNames.Of(phase)}.");
}
