using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Ideas;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Events;

// What the events that carry no view of their own record. Each is an event's payload as stored, and its webhook's data:
// people are user ids, as in everything stored (a view's answer shows them with their names).

/// <summary>A proposal: its name, sector and description, the handbook version it is bound to, and the idea it grew from.</summary>
public sealed record ProjectProposedData(string Name, string Sector, string Description, HandbookReference Handbook, Guid? IdeaId);

/// <summary>The mandate as written.</summary>
public sealed record MandateWrittenData(string Purpose, string Background);

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

/// <summary>The owner's decision on an exception, and the state it left the exception in.</summary>
public sealed record ExceptionDecidedData(Guid ExceptionId, ExceptionDecision Decision, string Rationale, ExceptionState State);

/// <summary>An open exception settled by a stop at a decision point.</summary>
public sealed record ExceptionSupersededData(Guid ExceptionId, ExceptionState State, string Rationale);

/// <summary>A benefit's final evaluation.</summary>
public sealed record BenefitEvaluatedData(Guid BenefitId, BenefitOutcome? Outcome, string Explanation);

/// <summary>A product's step (approved, submitted, reviewed, accepted, rejected, removed from scope): the product after it, and who took it.</summary>
public sealed record ProductStepData(ProductView Product, ProductState From, ProductState To, string Actor, string? Comment);

/// <summary>The project's answer to a co-creation input.</summary>
public sealed record CoCreationInputAnsweredData(Guid InputId, InputResponseView Response);

/// <summary>A new draft of a sector's handbook, and the version it was copied from.</summary>
public sealed record HandbookDraftedData(string Sector, int Version, int? CopiedFrom);

/// <summary>A handbook version published.</summary>
public sealed record HandbookPublishedData(string Sector, int Version);

/// <summary>A project moved from one version of its handbook to another, and why.</summary>
public sealed record HandbookMovedData(string Sector, int From, int To, string Rationale);

/// <summary>A webhook subscription made (its secret is never recorded).</summary>
public sealed record WebhookSubscribedData(Guid SubscriptionId, string Url, IReadOnlyList<string> EventTypes);

/// <summary>A webhook subscription removed.</summary>
public sealed record WebhookRemovedData(Guid SubscriptionId);
