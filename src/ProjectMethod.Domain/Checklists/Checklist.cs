using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Checklists;

/// <summary>The state of one checklist item (sjekklistepunkt).</summary>
public enum ChecklistStatus
{
    Open,
    Done,
    NotRelevant,
    StillOpen,
}

/// <summary>A handbook's checklist item for one decision point, in Norwegian and English.</summary>
public sealed record ChecklistItem(string Id, DecisionPoint DecisionPoint, string TextNb, string TextEn, bool Mandatory);

/// <summary>A checklist item as it stands on one project.</summary>
public sealed record ChecklistEntry(ChecklistItem Item, ChecklistStatus Status, string? Comment);

public static class ChecklistRules
{
    public const int MinimumJustificationLength = 10;

    /// <summary>notRelevant and stillOpen must say why, in at least ten characters.</summary>
    public static DomainError? Validate(ChecklistStatus status, string? comment)
    {
        var needsJustification = status is ChecklistStatus.NotRelevant or ChecklistStatus.StillOpen;
        return needsJustification && (comment?.Trim().Length ?? 0) < MinimumJustificationLength
            ? DomainError.Invalid("justification-required", "Justification required",
                $"Status {status} needs a comment of at least {MinimumJustificationLength} characters saying why.")
            : null;
    }

    /// <summary>A mandatory item lets a decision through only when done or justified as not relevant.</summary>
    public static bool Blocks(ChecklistEntry entry) =>
        entry.Item.Mandatory && entry.Status is not (ChecklistStatus.Done or ChecklistStatus.NotRelevant);

    /// <summary>An item is answered while the project heads for its decision point.</summary>
    public static DomainError? CheckAnswerable(DecisionPoint decisionPoint, Phase phase) =>
        DecisionPoints.Ahead(phase).Contains(decisionPoint)
            ? null
            : DomainError.Conflict("checklist-closed", "Checklist closed",
                $"Items of {Access.ProjectAccess.Describe(decisionPoint)} are answered while the project heads for it; it is {WireNames.Of(phase)} now.");
}
