using System.Text.Json;
using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Ideas;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Events;

// What the events that carry no view of their own record. Each is an event's payload as stored, and its webhook's data:
// people are user ids, as in everything stored (a view's answer shows them with their names).

/// <summary>A proposal: its name, sector and description, the handbook version it is bound to, and the idea it grew from.</summary>
public sealed record ProjectProposedData(string Name, string Sector, string Description, HandbookReference Handbook, Guid? IdeaId);

/// <summary>The mandate as written, with the category it proposes and the facts behind it where given.</summary>
public sealed record MandateWrittenData(string Purpose, string Background, Projects.CategoryAssessment? Assessment = null, ProjectCategory? ProposedCategory = null);

/// <summary>A confirmed category changed by the Executive (medium ↔ large) or the portfolio board, with the rationale.</summary>
public sealed record CategoryChangedData(ProjectCategory From, ProjectCategory To, string Rationale);

/// <summary>An idea sent in (its text is read from the idea, for the one who sent it and the project office).</summary>
public sealed record IdeaSubmittedData(Guid IdeaId, string Title, IdeaOrigin Origin, string Sector);

/// <summary>The project office's answer to an idea, and the proposal it became.</summary>
public sealed record IdeaTriagedData(Guid IdeaId, TriageDecision Decision, string Rationale, Guid? ProjectId);

/// <summary>A role given: the assignment, the role, and the user id and name of who holds it.</summary>
public sealed record RoleAssignedData(Guid AssignmentId, ProjectRole Role, string UserId, string DisplayName);

/// <summary>A role handed from one person to another, with the products whose duties went with it.</summary>
public sealed record RoleReplacedData(
    Guid AssignmentId, Guid NewAssignmentId, ProjectRole Role, string FromUserId, string ToUserId, string DisplayName, string Rationale, IReadOnlyList<Guid> Products);

/// <summary>A role assignment ended, and why.</summary>
public sealed record RoleRemovedData(Guid AssignmentId, ProjectRole Role, string UserId, string Rationale);

/// <summary>A new version of the business case.</summary>
public sealed record BusinessCaseWrittenData(int Version);

/// <summary>The Executive's judgement that a version of the business case is (or is not) still justified.</summary>
public sealed record BusinessCaseReviewedData(int CaseVersion, Phase Phase, int? Stage, bool Justified, string Comment);

/// <summary>A lesson recorded in the lessons log.</summary>
public sealed record LessonRecordedData(Guid LessonId, string Title);

/// <summary>A lesson published for other projects: one event per lesson, whether published alone or with the lessons report.</summary>
public sealed record LessonPublishedData(Guid LessonId);

/// <summary>The earlier lessons read before BP2, or why none were relevant.</summary>
public sealed record LessonsReviewedData(Guid ReviewId, IReadOnlyList<Guid> LessonIds, string? NoneRelevantReason);

/// <summary>An end project report or lessons report, with the co-creation activities and inputs it cites.</summary>
public sealed record ReportWrittenData(Guid ReportId, string Summary, IReadOnlyList<Guid> ActivityIds, IReadOnlyList<Guid> InputIds);

/// <summary>A checklist item's answer.</summary>
public sealed record ChecklistItemUpdatedData(string ItemId, DecisionPoint DecisionPoint, ChecklistStatus Status, string? Comment);

/// <summary>A decision asked of the decider, with the Project Manager's recommendation.</summary>
public sealed record DecisionRequestedData(Guid RequestId, DecisionPoint DecisionPoint, string Recommendation);

/// <summary>
/// A forecast: a stage's by the Project Manager (with the exceptions it raised) or a work package's by its team manager
/// (with the issues it raised), judged against the tolerances.
/// </summary>
/// <param name="ForecastId">The forecast, as the project's forecasts list it.</param>
/// <param name="Stage">The stage forecast, or the work package's stage.</param>
/// <param name="WorkPackageId">The work package forecast; null for a stage forecast.</param>
/// <param name="Evaluation">The forecast judged per level against its tolerances.</param>
/// <param name="Measured">The values the service measured itself (quality, scope, risk, benefits), and those given by hand.</param>
/// <param name="Raised">The exceptions the forecast raised (a stage forecast).</param>
/// <param name="Issues">The issues for the Project Manager the forecast raised (a work package forecast).</param>
public sealed record ForecastSubmittedData(
    Guid ForecastId, int Stage, Guid? WorkPackageId, EvaluationView Evaluation, IReadOnlyList<MeasuredValue> Measured, IReadOnlyList<Guid> Raised, IReadOnlyList<Guid> Issues);

/// <summary>A cost booked by the finance system for a stage and month (yyyy-MM); replaced when that month was booked before.</summary>
public sealed record ActualCostBookedData(int Stage, string Period, decimal Amount, string? Reference, bool Replaced);

/// <summary>A forecast outside tolerance, raised to the level that owns the tolerance.</summary>
public sealed record ExceptionRaisedData(
    Guid ExceptionId, ToleranceLevel Level, int? Stage, Guid? BenefitId, Dimension Dimension, decimal ForecastValue, decimal Plan, decimal Deviation, decimal Allowed,
    Decider Owner);

/// <summary>The Project Manager's exception report.</summary>
public sealed record ExceptionReportedData(Guid ExceptionId, ExceptionReport Report);

/// <summary>The owner's decision on an exception, the state it left the exception in, and its exemption from public access if any.</summary>
public sealed record ExceptionDecidedData(
    Guid ExceptionId, ExceptionDecision Decision, string Rationale, ExceptionState State, Archive.ExemptionBasis? Exemption = null, string? PublicTitle = null);

/// <summary>An open exception settled by a stop at a decision point.</summary>
public sealed record ExceptionSupersededData(Guid ExceptionId, ExceptionState State, string Rationale);

/// <summary>A benefit's final evaluation.</summary>
public sealed record BenefitEvaluatedData(Guid BenefitId, BenefitOutcome? Outcome, string Explanation);

/// <summary>A product's step (approved, submitted, reviewed, accepted, rejected, removed from scope): the product after it, and who took it.</summary>
public sealed record ProductStepData(ProductView Product, ProductState From, ProductState To, string Actor, string? Comment);

/// <summary>
/// What a programme's event records: the programme, the project it concerns (if one), the tolerances set (if any), the
/// portfolio board's rationale, and the breach raised or decided.
/// </summary>
public sealed record ProgrammeEventData(Guid ProgrammeId, string Name, Guid? ProjectId, ManageByException.ToleranceSetView? Tolerances)
{
    public string? Rationale { get; init; }

    public Programmes.ProgrammeExceptionView? Exception { get; init; }
}

/// <summary>The project's answer to a co-creation input.</summary>
public sealed record CoCreationInputAnsweredData(Guid InputId, InputResponseView Response);

/// <summary>
/// A new draft of a sector's handbook, and the version it was copied from: the sector's latest, or for its first draft
/// the standard handbook's (<c>copiedFromSector</c> <c>standard</c>).
/// </summary>
public sealed record HandbookDraftedData(string Sector, int Version, int? CopiedFrom, string? CopiedFromSector = null);

/// <summary>A handbook version published.</summary>
public sealed record HandbookPublishedData(string Sector, int Version);

/// <summary>A project moved from one version of its handbook to another, and why.</summary>
public sealed record HandbookMovedData(string Sector, int From, int To, string Rationale);

/// <summary>A webhook subscription made (its secret is never recorded).</summary>
public sealed record WebhookSubscribedData(Guid SubscriptionId, string Url, IReadOnlyList<string> EventTypes);

/// <summary>A webhook subscription removed.</summary>
public sealed record WebhookRemovedData(Guid SubscriptionId);

/// <summary>
/// A state change as a CloudEvents 1.0 event (JSON format): <c>id</c> is the audit sequence number, <c>type</c>
/// <c>no.projectmethod.&lt;event&gt;</c>, <c>subject</c> the project id.
/// </summary>
public sealed record CloudEvent(
    string Specversion,
    string Id,
    string Source,
    string Type,
    string? Subject,
    Instant Time,
    string Datacontenttype,
    long Sequence,
    string Actor,
    JsonElement Data)
{
    public const string TypePrefix = "no.projectmethod.";

    public static CloudEvent From(long sequence, Guid? projectId, string type, string actor, Instant time, string payload) => new(
        "1.0",
        sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        projectId is null ? "/projectmethod" : $"/projectmethod/projects/{projectId:D}",
        TypePrefix + type,
        projectId?.ToString("D"),
        time,
        "application/json",
        sequence,
        actor,
        JsonDocument.Parse(payload).RootElement.Clone());
}

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
    public static readonly EventType<Archive.ArchiveDocumentIssuedData> ArchiveDocumentIssued = new("archiveDocumentIssued");
    public static readonly EventType<Archive.ArchiveRecordData> ArchiveRecordReceipted = new("archiveRecordReceipted");
    public static readonly EventType<Archive.ArchiveRecordData> ArchiveRecordFailed = new("archiveRecordFailed");
    public static readonly EventType<Archive.ArchiveRecordData> ArchiveRecordResent = new("archiveRecordResent");
    public static readonly EventType<Archive.PoliticalDecisionView> PoliticalDecisionRecorded = new("politicalDecisionRecorded");
    public static readonly EventType<CategoryChangedData> CategoryChanged = new("categoryChanged");
    public static readonly EventType<Actions.ActionView> ActionAdded = new("actionAdded");
    public static readonly EventType<Actions.ActionView> ActionDone = new("actionDone");
    public static readonly EventType<Assurance.IndependentAssuranceView> IndependentAssuranceRecorded = new("independentAssuranceRecorded");
    public static readonly EventType<Changes.ChangeView> ChangeRaised = new("changeRaised");
    public static readonly EventType<Changes.ChangeView> ChangeDecided = new("changeDecided");
    public static readonly EventType<Changes.ChangeAuthorityView> ChangeAuthoritySet = new("changeAuthoritySet");
    public static readonly EventType<ProgrammeEventData> ProgrammeCreated = new("programmeCreated");
    public static readonly EventType<ProgrammeEventData> ProgrammeTolerancesSet = new("programmeTolerancesSet");
    public static readonly EventType<ProgrammeEventData> ProgrammeProjectAdded = new("programmeProjectAdded");
    public static readonly EventType<ProgrammeEventData> ProgrammeExceptionRaised = new("programmeExceptionRaised");
    public static readonly EventType<ProgrammeEventData> ProgrammeExceptionDecided = new("programmeExceptionDecided");
    public static readonly EventType<Programmes.ParticipatingSectors> ParticipatingSectorsSet = new("participatingSectorsSet");
    public static readonly EventType<Groups.GroupView> GroupSet = new("groupSet");

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
