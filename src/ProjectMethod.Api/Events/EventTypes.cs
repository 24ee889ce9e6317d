using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Api.WorkPackages;

namespace ProjectMethod.Api.Events;

/// <summary>
/// The audit events and what each carries; the change feed and webhooks publish them as <c>no.projectmethod.&lt;name&gt;</c>,
/// and the OpenAPI document describes each payload as the <c>data</c> of its webhook.
/// </summary>
public static class EventTypes
{
    public static readonly EventType<ProjectProposedData> ProjectProposed = new("projectProposed");
    public static readonly EventType<IdeaSubmittedData> IdeaSubmitted = new("ideaSubmitted");
    public static readonly EventType<IdeaTriagedData> IdeaTriaged = new("ideaTriaged");
    public static readonly EventType<MandateWrittenData> MandateWritten = new("mandateWritten");
    public static readonly EventType<RoleAssignedData> RoleAssigned = new("roleAssigned");
    public static readonly EventType<RoleRemovedData> RoleRemoved = new("roleRemoved");
    public static readonly EventType<RoleReplacedData> RoleReplaced = new("roleReplaced");
    public static readonly EventType<SectorView> SectorSet = new("sectorSet");
    public static readonly EventType<BusinessCaseWrittenData> BusinessCaseWritten = new("businessCaseWritten");
    public static readonly EventType<BusinessCaseReviewedData> BusinessCaseReviewed = new("businessCaseReviewed");
    public static readonly EventType<LessonRecordedData> LessonRecorded = new("lessonRecorded");
    public static readonly EventType<LessonsReviewedData> LessonsReviewed = new("lessonsReviewed");
    public static readonly EventType<LessonPublishedData> LessonPublished = new("lessonPublished");
    public static readonly EventType<ReportWrittenData> LessonsReportWritten = new("lessonsReportWritten");
    public static readonly EventType<ReportWrittenData> EndReportWritten = new("endReportWritten");
    public static readonly EventType<ChecklistItemUpdatedData> ChecklistItemUpdated = new("checklistItemUpdated");
    public static readonly EventType<DecisionRequestedData> DecisionRequested = new("decisionRequested");
    public static readonly EventType<DecisionView> DecisionMade = new("decisionMade");
    public static readonly EventType<ToleranceSetView> TolerancesSet = new("tolerancesSet");
    public static readonly EventType<StagePlanView> StagePlanned = new("stagePlanned");
    public static readonly EventType<WorkPackageView> WorkPackageCreated = new("workPackageCreated");
    public static readonly EventType<RiskView> RiskRecorded = new("riskRecorded");
    public static readonly EventType<RiskView> RiskUpdated = new("riskUpdated");
    public static readonly EventType<ForecastSubmittedData> ForecastSubmitted = new("forecastSubmitted");
    public static readonly EventType<ActualCostBookedData> ActualCostBooked = new("actualCostBooked");
    public static readonly EventType<ExceptionRaisedData> ExceptionRaised = new("exceptionRaised");
    public static readonly EventType<ExceptionReportedData> ExceptionReported = new("exceptionReported");
    public static readonly EventType<ExceptionDecidedData> ExceptionDecided = new("exceptionDecided");
    public static readonly EventType<ExceptionSupersededData> ExceptionSuperseded = new("exceptionSuperseded");
    public static readonly EventType<IssueView> IssueRaised = new("issueRaised");
    public static readonly EventType<IssueView> IssueResolved = new("issueResolved");
    public static readonly EventType<BenefitView> BenefitDefined = new("benefitDefined");
    public static readonly EventType<MeasurementView> BenefitMeasured = new("benefitMeasured");
    public static readonly EventType<BenefitEvaluatedData> BenefitEvaluated = new("benefitEvaluated");
    public static readonly EventType<BenefitsReviewView> BenefitsReviewed = new("benefitsReviewed");
    public static readonly EventType<BenefitChangeView> BenefitChangeProposed = new("benefitChangeProposed");
    public static readonly EventType<BenefitChangeView> BenefitChangeDecided = new("benefitChangeDecided");
    public static readonly EventType<ProductView> ProductDefined = new("productDefined");
    public static readonly EventType<ProductView> ProductUpdated = new("productUpdated");
    public static readonly EventType<ProductStepData> ProductApproved = new("productApproved");
    public static readonly EventType<ProductStepData> ProductSubmitted = new("productSubmitted");
    public static readonly EventType<ProductStepData> ProductReviewed = new("productReviewed");
    public static readonly EventType<ProductStepData> ProductAccepted = new("productAccepted");
    public static readonly EventType<ProductStepData> ProductRejected = new("productRejected");
    public static readonly EventType<ProductStepData> ProductRemovedFromScope = new("productRemovedFromScope");
    public static readonly EventType<ProductView> QualityResponsibleNamed = new("qualityResponsibleNamed");
    public static readonly EventType<ProductView> ReceivingLineUnitNamed = new("receivingLineUnitNamed");
    public static readonly EventType<StakeholderGroupView> CoCreationGroupAdded = new("coCreationGroupAdded");
    public static readonly EventType<CoCreationPlanView> CoCreationPlanSet = new("coCreationPlanSet");
    public static readonly EventType<PlanEntryView> CoCreationGapExplained = new("coCreationGapExplained");
    public static readonly EventType<ActivityView> CoCreationActivityRecorded = new("coCreationActivityRecorded");
    public static readonly EventType<InputView> CoCreationInputRecorded = new("coCreationInputRecorded");
    public static readonly EventType<CoCreationInputAnsweredData> CoCreationInputAnswered = new("coCreationInputAnswered");
    public static readonly EventType<GateVoteView> GateVoteRecorded = new("gateVoteRecorded");
    public static readonly EventType<HandbookDraftedData> HandbookDrafted = new("handbookDrafted");
    public static readonly EventType<HandbookVersionView> HandbookDraftEdited = new("handbookDraftEdited");
    public static readonly EventType<HandbookPublishedData> HandbookPublished = new("handbookPublished");
    public static readonly EventType<HandbookMovedData> HandbookMoved = new("handbookMoved");
    public static readonly EventType<WebhookSubscribedData> WebhookSubscribed = new("webhookSubscribed");
    public static readonly EventType<WebhookRemovedData> WebhookRemoved = new("webhookRemoved");

    /// <summary>Subscribes to every event type.</summary>
    public const string All = "*";

    /// <summary>Every event type by its name: what the feed filters on, webhooks subscribe to and the document lists.</summary>
    public static IReadOnlyDictionary<string, EventType> ByName { get; } = typeof(EventTypes).GetFields()
        .Where(f => f.IsStatic && f.FieldType.IsAssignableTo(typeof(EventType)))
        .Select(f => (EventType)f.GetValue(null)!)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The names of every event type.</summary>
    public static IReadOnlySet<string> Known { get; } = ByName.Keys.ToHashSet(StringComparer.Ordinal);
}

/// <summary>An event type: its name, and the type of the payload it records (its CloudEvent's <c>data</c>).</summary>
public abstract class EventType
{
    private protected EventType(string name) => Name = name;

    /// <summary>The name, camelCase (<c>decisionMade</c>); published as <c>no.projectmethod.decisionMade</c>.</summary>
    public string Name { get; }

    /// <summary>What every event of this type carries, serialised as stored: people as their user ids.</summary>
    public abstract Type Payload { get; }

    public override string ToString() => Name;
}

/// <summary>An event type whose every event carries a <typeparamref name="TPayload"/>: recording one with anything else does not compile.</summary>
public sealed class EventType<TPayload>(string name) : EventType(name)
    where TPayload : notnull
{
    public override Type Payload => typeof(TPayload);
}
