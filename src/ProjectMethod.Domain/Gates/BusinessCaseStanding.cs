namespace ProjectMethod.Domain.Gates;

/// <summary>Where the business case (prosjektbegrunnelse) stands in the current phase or stage (P1).</summary>
public enum BusinessCaseStanding
{
    Missing,
    NotConfirmedInThisPhase,
    Confirmed,

    /// <summary>The Executive found it no longer justified in this phase: only stop is open.</summary>
    Unjustified,
}

internal static class BusinessCaseStandings
{
    public static BusinessCaseStanding Of(GateFacts facts)
    {
        if (facts.BusinessCaseVersion is null)
        {
            return BusinessCaseStanding.Missing;
        }

        var review = facts.LatestBusinessCaseReview;
        if (review is null || review.Phase != facts.Phase || review.Stage != facts.Stage)
        {
            return BusinessCaseStanding.NotConfirmedInThisPhase;
        }

        if (!review.Justified)
        {
            return BusinessCaseStanding.Unjustified;
        }

        // A newer version written after the confirmation has not been confirmed.
        return review.CaseVersion == facts.BusinessCaseVersion
            ? BusinessCaseStanding.Confirmed
            : BusinessCaseStanding.NotConfirmedInThisPhase;
    }
}

/// <summary>What the Executive's review of the business case asks of it.</summary>
public static class BusinessCaseRules
{
    /// <summary>A review confirms a business case that was written.</summary>
    public static DomainError? CheckReviewable(bool written) =>
        written ? null : DomainError.Conflict("no-business-case", "No business case", "There is no business case to review yet.");
}
