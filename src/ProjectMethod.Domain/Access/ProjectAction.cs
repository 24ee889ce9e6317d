namespace ProjectMethod.Domain.Access;

/// <summary>A change someone may ask to make to a project; who may is decided by <see cref="ProjectAccess"/>.</summary>
public enum ProjectAction
{
    WriteMandate,
    AppointExecutive,
    AppointOtherRole,
    WriteBusinessCase,
    ReviewBusinessCase,
    RecordLesson,
    ReviewLessons,
    PublishLesson,
    WriteLessonsReport,
    WriteEndReport,
    SetProjectTolerances,
    SetStageTolerances,
    PlanStage,
    ManageWorkPackages,
    SubmitForecast,
    RecordRisk,
    UpdateRisk,
    ReportException,
    ResolveIssue,
    DefineBenefit,
    ReviewBenefits,
    EvaluateBenefit,
    ProposeBenefitChange,
    ManageProducts,
    NameQualityResponsible,
    MoveHandbook,
    ManageCoCreation,
    RecordCoCreationActivity,
}
