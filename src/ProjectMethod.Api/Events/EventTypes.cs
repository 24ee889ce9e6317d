namespace ProjectMethod.Api.Events;

/// <summary>The names of the audit events; the change feed and webhooks publish them as <c>no.projectmethod.&lt;name&gt;</c>.</summary>
public static class EventTypes
{
    public const string ProjectProposed = "projectProposed";
    public const string IdeaSubmitted = "ideaSubmitted";
    public const string IdeaTriaged = "ideaTriaged";
    public const string MandateWritten = "mandateWritten";
    public const string RoleAssigned = "roleAssigned";
    public const string RoleRemoved = "roleRemoved";
    public const string RoleReplaced = "roleReplaced";
    public const string SectorSet = "sectorSet";
    public const string BusinessCaseWritten = "businessCaseWritten";
    public const string BusinessCaseReviewed = "businessCaseReviewed";
    public const string LessonRecorded = "lessonRecorded";
    public const string LessonsReviewed = "lessonsReviewed";
    public const string LessonPublished = "lessonPublished";
    public const string LessonsReportWritten = "lessonsReportWritten";
    public const string EndReportWritten = "endReportWritten";
    public const string ChecklistItemUpdated = "checklistItemUpdated";
    public const string DecisionRequested = "decisionRequested";
    public const string DecisionMade = "decisionMade";
    public const string TolerancesSet = "tolerancesSet";
    public const string StagePlanned = "stagePlanned";
    public const string WorkPackageCreated = "workPackageCreated";
    public const string RiskRecorded = "riskRecorded";
    public const string RiskUpdated = "riskUpdated";
    public const string ForecastSubmitted = "forecastSubmitted";
    public const string ActualCostBooked = "actualCostBooked";
    public const string ExceptionRaised = "exceptionRaised";
    public const string ExceptionReported = "exceptionReported";
    public const string ExceptionDecided = "exceptionDecided";
    public const string ExceptionSuperseded = "exceptionSuperseded";
    public const string IssueRaised = "issueRaised";
    public const string IssueResolved = "issueResolved";
    public const string BenefitDefined = "benefitDefined";
    public const string BenefitMeasured = "benefitMeasured";
    public const string BenefitEvaluated = "benefitEvaluated";
    public const string BenefitsReviewed = "benefitsReviewed";
    public const string BenefitChangeProposed = "benefitChangeProposed";
    public const string BenefitChangeDecided = "benefitChangeDecided";
    public const string ProductDefined = "productDefined";
    public const string ProductUpdated = "productUpdated";
    public const string ProductApproved = "productApproved";
    public const string ProductSubmitted = "productSubmitted";
    public const string ProductReviewed = "productReviewed";
    public const string ProductAccepted = "productAccepted";
    public const string ProductRejected = "productRejected";
    public const string ProductRemovedFromScope = "productRemovedFromScope";
    public const string QualityResponsibleNamed = "qualityResponsibleNamed";
    public const string ReceivingLineUnitNamed = "receivingLineUnitNamed";
    public const string CoCreationGroupAdded = "coCreationGroupAdded";
    public const string CoCreationPlanSet = "coCreationPlanSet";
    public const string CoCreationGapExplained = "coCreationGapExplained";
    public const string CoCreationActivityRecorded = "coCreationActivityRecorded";
    public const string CoCreationInputRecorded = "coCreationInputRecorded";
    public const string CoCreationInputAnswered = "coCreationInputAnswered";
    public const string GateVoteRecorded = "gateVoteRecorded";
    public const string HandbookDrafted = "handbookDrafted";
    public const string HandbookDraftEdited = "handbookDraftEdited";
    public const string HandbookPublished = "handbookPublished";
    public const string HandbookMoved = "handbookMoved";
    public const string WebhookSubscribed = "webhookSubscribed";
    public const string WebhookRemoved = "webhookRemoved";

    /// <summary>Subscribes to every event type.</summary>
    public const string All = "*";

    public static IReadOnlySet<string> Known { get; } = typeof(EventTypes).GetFields()
        .Where(f => f.IsLiteral && f.Name != nameof(All))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
