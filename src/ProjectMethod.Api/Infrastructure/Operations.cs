namespace ProjectMethod.Api.Infrastructure;

/// <summary>An operation's id: its endpoint's name, the document's <c>operationId</c>, and what a page asks the API's first check about.</summary>
public sealed record OperationId(string Name)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every operation of the API by its id, in the order the features map them. Endpoints are named from here, and pages
/// ask about an operation by it; at start-up every named endpoint must be here and every entry name one endpoint.
/// </summary>
public static class Operations
{
    public static readonly OperationId ListActualCosts = new("listActualCosts");

    public static readonly OperationId BookActualCost = new("bookActualCost");

    public static readonly OperationId GetProjectArchive = new("getProjectArchive");

    public static readonly OperationId ListPoliticalDecisions = new("listPoliticalDecisions");

    public static readonly OperationId RecordPoliticalDecision = new("recordPoliticalDecision");

    public static readonly OperationId ListIndependentAssurances = new("listIndependentAssurances");

    public static readonly OperationId RecordIndependentAssurance = new("recordIndependentAssurance");

    public static readonly OperationId ChangeCategory = new("changeCategory");

    public static readonly OperationId ListActions = new("listActions");

    public static readonly OperationId AddAction = new("addAction");

    public static readonly OperationId CompleteAction = new("completeAction");

    public static readonly OperationId ListChanges = new("listChanges");

    public static readonly OperationId RaiseChange = new("raiseChange");

    public static readonly OperationId DecideChange = new("decideChange");

    public static readonly OperationId SetChangeAuthority = new("setChangeAuthority");

    public static readonly OperationId ListProgrammes = new("listProgrammes");

    public static readonly OperationId CreateProgramme = new("createProgramme");

    public static readonly OperationId GetProgramme = new("getProgramme");

    public static readonly OperationId SetProgrammeTolerances = new("setProgrammeTolerances");

    public static readonly OperationId AddProgrammeProject = new("addProgrammeProject");

    public static readonly OperationId DecideProgrammeException = new("decideProgrammeException");

    public static readonly OperationId SetParticipatingSectors = new("setParticipatingSectors");

    public static readonly OperationId ListGroups = new("listGroups");

    public static readonly OperationId CreateGroup = new("createGroup");

    public static readonly OperationId ReplaceGroup = new("replaceGroup");

    public static readonly OperationId ListArchiveRecords = new("listArchiveRecords");

    public static readonly OperationId ResendArchiveRecord = new("resendArchiveRecord");

    public static readonly OperationId ReceiptArchiveRecord = new("receiptArchiveRecord");

    public static readonly OperationId ListBenefits = new("listBenefits");

    public static readonly OperationId GetBenefit = new("getBenefit");

    public static readonly OperationId DefineBenefit = new("defineBenefit");

    public static readonly OperationId UpdateBenefit = new("updateBenefit");

    public static readonly OperationId RegisterMeasurement = new("registerMeasurement");

    public static readonly OperationId EvaluateBenefit = new("evaluateBenefit");

    public static readonly OperationId ListBenefitVersions = new("listBenefitVersions");

    public static readonly OperationId ListBenefitChanges = new("listBenefitChanges");

    public static readonly OperationId GetBenefitChange = new("getBenefitChange");

    public static readonly OperationId ProposeBenefitChange = new("proposeBenefitChange");

    public static readonly OperationId DecideBenefitChange = new("decideBenefitChange");

    public static readonly OperationId ReviewBenefits = new("reviewBenefits");

    public static readonly OperationId GetBusinessCase = new("getBusinessCase");

    public static readonly OperationId ListBusinessCaseVersions = new("listBusinessCaseVersions");

    public static readonly OperationId GetBusinessCaseVersion = new("getBusinessCaseVersion");

    public static readonly OperationId WriteBusinessCase = new("writeBusinessCase");

    public static readonly OperationId ReviewBusinessCase = new("reviewBusinessCase");

    public static readonly OperationId GetChecklist = new("getChecklist");

    public static readonly OperationId UpdateChecklistItem = new("updateChecklistItem");

    public static readonly OperationId GetCoCreation = new("getCoCreation");

    public static readonly OperationId AddStakeholderGroup = new("addStakeholderGroup");

    public static readonly OperationId SetCoCreationPlan = new("setCoCreationPlan");

    public static readonly OperationId ExplainCoCreationGap = new("explainCoCreationGap");

    public static readonly OperationId RecordCoCreationActivity = new("recordCoCreationActivity");

    public static readonly OperationId RecordCoCreationInput = new("recordCoCreationInput");

    public static readonly OperationId AnswerCoCreationInput = new("answerCoCreationInput");

    public static readonly OperationId GetEvents = new("getEvents");

    public static readonly OperationId VerifyAudit = new("verifyAudit");

    public static readonly OperationId ListExceptions = new("listExceptions");

    public static readonly OperationId GetException = new("getException");

    public static readonly OperationId ReportException = new("reportException");

    public static readonly OperationId DecideException = new("decideException");

    public static readonly OperationId ListEscalations = new("listEscalations");

    public static readonly OperationId SubmitForecast = new("submitForecast");

    public static readonly OperationId ListForecasts = new("listForecasts");

    public static readonly OperationId GetForecast = new("getForecast");

    public static readonly OperationId GetGate = new("getGate");

    public static readonly OperationId RequestDecision = new("requestDecision");

    public static readonly OperationId Decide = new("decide");

    public static readonly OperationId GetGateRequest = new("getGateRequest");

    public static readonly OperationId ListDecisions = new("listDecisions");

    public static readonly OperationId GetDecision = new("getDecision");

    public static readonly OperationId ListHandbooks = new("listHandbooks");

    public static readonly OperationId GetHandbook = new("getHandbook");

    public static readonly OperationId GetHandbookVersion = new("getHandbookVersion");

    public static readonly OperationId CreateHandbookDraft = new("createHandbookDraft");

    public static readonly OperationId GetHandbookDraft = new("getHandbookDraft");

    public static readonly OperationId UpdateHandbookDraft = new("updateHandbookDraft");

    public static readonly OperationId PublishHandbookDraft = new("publishHandbookDraft");

    public static readonly OperationId GetProjectHandbook = new("getProjectHandbook");

    public static readonly OperationId MoveProjectHandbook = new("moveProjectHandbook");

    public static readonly OperationId GetProjectHistory = new("getProjectHistory");

    public static readonly OperationId SubmitIdea = new("submitIdea");

    public static readonly OperationId ListIdeas = new("listIdeas");

    public static readonly OperationId GetIdea = new("getIdea");

    public static readonly OperationId TriageIdea = new("triageIdea");

    public static readonly OperationId ListProjectLessons = new("listProjectLessons");

    public static readonly OperationId RecordLesson = new("recordLesson");

    public static readonly OperationId PublishLesson = new("publishLesson");

    public static readonly OperationId ReviewLessons = new("reviewLessons");

    public static readonly OperationId WriteLessonsReport = new("writeLessonsReport");

    public static readonly OperationId WriteEndReport = new("writeEndReport");

    public static readonly OperationId ListReports = new("listReports");

    public static readonly OperationId GetReport = new("getReport");

    public static readonly OperationId SearchLessons = new("searchLessons");

    public static readonly OperationId SearchPeople = new("searchPeople");

    public static readonly OperationId GetPerson = new("getPerson");

    public static readonly OperationId PutPerson = new("putPerson");

    public static readonly OperationId GetPortfolio = new("getPortfolio");

    public static readonly OperationId GetPortfolioReport = new("getPortfolioReport");

    public static readonly OperationId ListPortfolioDecisions = new("listPortfolioDecisions");

    public static readonly OperationId ListPortfolioForecasts = new("listPortfolioForecasts");

    public static readonly OperationId ListPortfolioBenefits = new("listPortfolioBenefits");

    public static readonly OperationId ListProducts = new("listProducts");

    public static readonly OperationId GetProduct = new("getProduct");

    public static readonly OperationId DefineProduct = new("defineProduct");

    public static readonly OperationId UpdateProduct = new("updateProduct");

    public static readonly OperationId ApproveProduct = new("approveProduct");

    public static readonly OperationId SubmitProduct = new("submitProduct");

    public static readonly OperationId ReviewProduct = new("reviewProduct");

    public static readonly OperationId AcceptProduct = new("acceptProduct");

    public static readonly OperationId RejectProduct = new("rejectProduct");

    public static readonly OperationId RemoveProductFromScope = new("removeProductFromScope");

    public static readonly OperationId NameQualityResponsible = new("nameQualityResponsible");

    public static readonly OperationId NameReceivingLineUnit = new("nameReceivingLineUnit");

    public static readonly OperationId GetQualityRegister = new("getQualityRegister");

    public static readonly OperationId ProposeProject = new("proposeProject");

    public static readonly OperationId ListProjects = new("listProjects");

    public static readonly OperationId GetProject = new("getProject");

    public static readonly OperationId GetSteeringPack = new("getSteeringPack");

    public static readonly OperationId WriteMandate = new("writeMandate");

    public static readonly OperationId ListRisks = new("listRisks");

    public static readonly OperationId GetRisk = new("getRisk");

    public static readonly OperationId RecordRisk = new("recordRisk");

    public static readonly OperationId UpdateRisk = new("updateRisk");

    public static readonly OperationId ListRoles = new("listRoles");

    public static readonly OperationId AssignRole = new("assignRole");

    public static readonly OperationId ReplaceRole = new("replaceRole");

    public static readonly OperationId RemoveRole = new("removeRole");

    public static readonly OperationId ListSectors = new("listSectors");

    public static readonly OperationId PutSector = new("putSector");

    public static readonly OperationId GetTolerances = new("getTolerances");

    public static readonly OperationId SetProjectTolerances = new("setProjectTolerances");

    public static readonly OperationId SetStageTolerances = new("setStageTolerances");

    public static readonly OperationId PlanStage = new("planStage");

    public static readonly OperationId SubscribeWebhook = new("subscribeWebhook");

    public static readonly OperationId ListWebhooks = new("listWebhooks");

    public static readonly OperationId DeleteWebhook = new("deleteWebhook");

    public static readonly OperationId ListWorkPackages = new("listWorkPackages");

    public static readonly OperationId CreateWorkPackage = new("createWorkPackage");

    public static readonly OperationId SetWorkPackageTolerances = new("setWorkPackageTolerances");

    public static readonly OperationId ForecastWorkPackage = new("forecastWorkPackage");

    public static readonly OperationId ListIssues = new("listIssues");

    public static readonly OperationId ResolveIssue = new("resolveIssue");

    public static readonly OperationId ListMyNotifications = new("listMyNotifications");

    public static readonly OperationId GetNotificationPreferences = new("getNotificationPreferences");

    public static readonly OperationId SetNotificationPreferences = new("setNotificationPreferences");

    public static readonly OperationId RenewCalendarFeed = new("renewCalendarFeed");

    /// <summary>Every operation in the catalogue.</summary>
    public static IReadOnlyList<OperationId> All { get; } = typeof(Operations).GetFields()
        .Where(f => f.IsStatic && f.FieldType == typeof(OperationId))
        .Select(f => (OperationId)f.GetValue(null)!)
        .ToList();

    /// <summary>
    /// Stops the start when the endpoints and the catalogue disagree: a named endpoint the catalogue lacks, an entry no
    /// endpoint carries, or a name two endpoints share.
    /// </summary>
    public static void CheckAgainst(IEnumerable<Endpoint> endpoints)
    {
        var named = endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToList();
        var faults = named.Except(All.Select(o => o.Name)).Select(n => $"the endpoint {n} is not in the catalogue")
            .Concat(All.Select(o => o.Name).Except(named).Select(n => $"no endpoint is named {n}"))
            .Concat(named.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{g.Key} names {g.Count()} endpoints"))
            .ToList();
        if (faults.Count > 0)
        {
            throw new InvalidOperationException($"The operations and their endpoints disagree: {string.Join("; ", faults)}.");
        }
    }
}

public static class OperationNaming
{
    /// <summary>Names the endpoint by its operation id (its <c>operationId</c> in the document).</summary>
    public static TBuilder WithName<TBuilder>(this TBuilder builder, OperationId operation)
        where TBuilder : IEndpointConventionBuilder => builder.WithName(operation.Name);
}
