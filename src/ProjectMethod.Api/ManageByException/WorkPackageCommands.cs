using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;


namespace ProjectMethod.Api.ManageByException;

/// <summary>
/// Work packages authorised inside their stage's tolerance, their team managers' forecasts, and the issues a forecast past
/// a work package's tolerance raises for the Project Manager.
/// </summary>
public sealed class WorkPackageCommands(ProjectWrites writes)
{

    /// <summary>A work package authorised with its tolerances, inside the stage's.</summary>
    public async Task<WriteResult<WorkPackageView>> CreateAsync(Guid id, CreateWorkPackage request, Caller caller)
    {
        var validation = new Validation()
            .Text("title", request.Title, Validation.ShortText)
            .Required("stage", request.Stage)
            .Text("teamManagerUserId", request.TeamManagerUserId, Validation.ShortText);
        var set = ToleranceInput.Read(ToleranceLevel.WorkPackage, request.Tolerances, ToleranceInput.AllDimensions, validation, "tolerances.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<WorkPackageView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<WorkPackageView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ManageWorkPackages) is { } forbidden)
            {
                return forbidden;
            }

            if (ToleranceInput.CheckActive(set, (await write.HandbookAsync()).Dimensions, "tolerances.") is { IsValid: false } inactive)
            {
                return inactive.ToError();
            }

            if (ToleranceRules.CheckTeamManager(write.Roles, request.TeamManagerUserId!) is { } notTeamManager)
            {
                return notTeamManager;
            }

            if (await InsideStage(write, request.Stage!.Value, set!) is { } outside)
            {
                return outside;
            }

            var package = new WorkPackageRow { Id = Ids.New(write.Now), Stage = request.Stage.Value, Title = request.Title!.Trim(), TeamManagerUserId = request.TeamManagerUserId! };
            await WorkPackageStore.InsertAsync(write.Db, id, package, write.Actor.UserId, write.Now);
            await ToleranceStore.ReplaceAsync(write.Db, id, ToleranceScope.OfWorkPackage(package.Id), set!, write.Actor.UserId, write.Now);
            var view = View(package, set, []);
            write.Record(EventTypes.WorkPackageCreated, view);
            return view;
        });
    }

    /// <summary>A work package's tolerances changed, inside the stage's.</summary>
    public async Task<WriteResult<WorkPackageView>> SetTolerancesAsync(Guid id, Guid workPackageId, ToleranceSetRequest request, Caller caller)
    {
        var validation = new Validation();
        var set = ToleranceInput.Read(ToleranceLevel.WorkPackage, request, ToleranceInput.AllDimensions, validation);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<WorkPackageView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<WorkPackageView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ManageWorkPackages) is { } forbidden)
            {
                return forbidden;
            }

            if (await Find(write, workPackageId) is not { } package)
            {
                return MissingPackage;
            }

            if (ToleranceInput.CheckActive(set, (await write.HandbookAsync()).Dimensions) is { IsValid: false } inactive)
            {
                return inactive.ToError();
            }

            if (await InsideStage(write, package.Stage, set!) is { } outside)
            {
                return outside;
            }

            await ToleranceStore.ReplaceAsync(write.Db, id, ToleranceScope.OfWorkPackage(package.Id), set!, write.Actor.UserId, write.Now);
            var view = View(package, set, await ProductStore.ForProjectAsync(write.Db, id));
            write.Record(EventTypes.TolerancesSet, view.Tolerances!);
            return view;
        });
    }

    /// <summary>A team manager's forecast for the work package; a forecast past its tolerance raises an issue for the Project Manager.</summary>
    public async Task<WriteResult<ForecastView>> ForecastAsync(Guid id, Guid workPackageId, WorkPackageForecast request, Caller caller)
    {
        var validation = new Validation().Text("comment", request.Comment, Validation.LongText, required: false);
        var values = ToleranceInput.Read(request.Values, validation, "values");

        if (!validation.IsValid)
        {
            return WriteResult.Refused<ForecastView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<ForecastView>(caller, id, async write =>
        {
            if (await Find(write, workPackageId) is not { } package)
            {
                return MissingPackage;
            }

            if (package.TeamManagerUserId != write.Actor.UserId || !write.Standing.Holds(ProjectRole.TeamManager))
            {
                return DomainError.Forbidden("Only the work package's team manager forecasts it.");
            }

            var tailoring = await write.TolerancesAsync();
            if (ToleranceInput.CheckForecast(values, tailoring.Dimensions, "values") is { IsValid: false } inactive)
            {
                return inactive.ToError();
            }

            var tolerance = (await ToleranceStore.GetAsync(write.Db, id, ToleranceScope.OfWorkPackage(package.Id)))!;
            // A team manager's forecast reaches only the work package's own products: its quality and scope are measured from them.
            var measured = Forecasting.Apply(await Forecasting.MeasureAsync(write.Db, id, package.Stage, package.Id, tailoring), values, null);

            var evaluation = ToleranceRules.Evaluate(tolerance, values, tailoring.AtRiskThreshold);
            var view = new EvaluationView([], null, evaluation.Select(DimensionView.From).ToList());
            var forecastId = Ids.New(write.Now);
            var comment = request.Comment?.Trim() ?? "";
            await ForecastStore.InsertAsync(write.Db, new ForecastRecord(
                forecastId, id, ForecastLevel.WorkPackage, package.Stage, package.Id, values, null, comment, view, write.Actor.UserId, write.Now));
            var raised = await RaiseIssues(write, package, evaluation, forecastId);
            write.Record(EventTypes.ForecastSubmitted, new ForecastSubmittedData(forecastId, package.Stage, package.Id, view, measured, [], raised.Select(i => i.Id).ToList()));
            return new ForecastView(forecastId, package.Stage, package.Id, comment, view, [], raised, measured, write.Actor.UserId, write.Now);
        });
    }

    /// <summary>An issue resolved by the Project Manager.</summary>
    public async Task<WriteResult<IssueView>> ResolveIssueAsync(Guid id, Guid issueId, ResolveIssue request, Caller caller)
    {
        var validation = new Validation().Text("resolution", request.Resolution, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<IssueView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<IssueView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ResolveIssue) is { } forbidden)
            {
                return forbidden;
            }

            var issue = (await WorkPackageStore.IssuesAsync(write.Db, id)).FirstOrDefault(i => i.Id == issueId);
            if (issue is null)
            {
                return DomainError.NotFound("The issue was not found.");
            }

            if (ToleranceRules.CheckIssueOpen(issue.Status == IssueStatus.Open) is { } resolvedBefore)
            {
                return resolvedBefore;
            }

            var resolved = issue with { Status = IssueStatus.Resolved, Resolution = request.Resolution!.Trim(), ResolvedBy = write.Actor.UserId, ResolvedAt = write.Now };
            await WorkPackageStore.ResolveAsync(write.Db, resolved);
            write.Record(EventTypes.IssueResolved, resolved);
            return resolved;
        });
    }

    private static async Task<IReadOnlyList<IssueView>> RaiseIssues(ProjectWrite write, WorkPackageRow package, IReadOnlyList<DimensionEvaluation> evaluation, Guid forecastId)
    {
        var open = (await WorkPackageStore.IssuesAsync(write.Db, write.Project.Id))
            .Where(i => i.Status == IssueStatus.Open)
            .Select(i => new OpenBreach(ToleranceLevel.WorkPackage, i.Stage, i.WorkPackageId, i.Dimension))
            .ToList();
        var raised = new List<IssueView>();
        foreach (var breach in Breaches.ToRaise(ToleranceLevel.WorkPackage, package.Stage, package.Id, evaluation, open))
        {
            var issue = new IssueView
            {
                Id = Ids.New(write.Now), WorkPackageId = package.Id, Stage = package.Stage, Dimension = breach.Dimension, Status = IssueStatus.Open, ForecastId = forecastId,
                Description = $"{package.Title}: {ToleranceRules.Name(breach.Dimension)} forecast deviates {breach.Evaluation.Deviation} from plan; {breach.Evaluation.AllowedDeviation} allowed.",
                RaisedAt = write.Now,
            };
            await WorkPackageStore.InsertIssueAsync(write.Db, write.Project.Id, issue);
            write.Record(EventTypes.IssueRaised, issue);
            raised.Add(issue);
        }

        return raised;
    }

    private static async Task<DomainError?> InsideStage(ProjectWrite write, int stage, ToleranceSet set) =>
        ToleranceRules.CheckInsideStage(stage, await ToleranceStore.GetAsync(write.Db, write.Project.Id, ToleranceScope.OfStage(stage)), set);

    private static Task<WorkPackageRow?> Find(ProjectWrite write, Guid workPackageId) => WorkPackageStore.GetAsync(write.Db, write.Project.Id, workPackageId);

    private static readonly DomainError MissingPackage = DomainError.NotFound("The work package was not found.");

    internal static WorkPackageView View(WorkPackageRow package, ToleranceSet? set, IEnumerable<ProductView> products) =>
        new(package.Id, package.Stage, package.Title, package.TeamManagerUserId, set is null ? null : ToleranceSetView.From(set, package.Stage, package.Id),
            products.Where(p => p.WorkPackageId == package.Id).Select(p => p.Id).ToList());
}
