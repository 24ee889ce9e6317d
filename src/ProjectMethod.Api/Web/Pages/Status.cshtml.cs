using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Exceptions;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// Status and exceptions: the highlight report (a forecast judged at once against the stage's and the project's
/// tolerances, with the RAG of each dimension on each level), the reports before it, and the exceptions a forecast raised —
/// the Project Manager's exception report and the decision of whoever owns the tolerance.
/// </summary>
public sealed class StatusModel(Database database, ToleranceReader toleranceReader, ExceptionCommands exceptions, ForecastCommands forecasts) : ProjectPageModel(database)
{
    /// <summary>An exception's record (the exception report and the decision) as PDF.</summary>
    public Task<IActionResult> OnGetExceptionAsync(Guid id, Guid exception, [FromServices] ExceptionDocuments documents) =>
        DocumentAsync(id, (t, cancellationToken) => documents.RecordAsync(Project, exception, t, cancellationToken, Standing.Actor), $"unntak-{exception}.pdf");

    public EvaluationView? Latest { get; private set; }

    public IReadOnlyList<ForecastEntry> Reports { get; private set; } = [];

    public IReadOnlyList<ExceptionView> Exceptions { get; private set; } = [];

    public TolerancesView Tolerances { get; private set; } = null!;

    public Task<IActionResult> OnPostForecastAsync(Guid id)
    {
        var form = ReadForm();
        var values = new ForecastValues(form.Date("values.time"), form.Number("values.cost"), form.Number("values.quality"), form.Number("values.scope"),
            form.Number("values.benefit"), form.Number("values.sustainability"));
        var comments = Enum.GetValues<Domain.Tolerances.Dimension>().Select(Domain.Tolerances.ToleranceRules.Name)
            .Select(name => (name, text: form.Text($"narrative.dimensionComments.{name}"))).Where(c => c.text is not null)
            .ToDictionary(c => c.name, c => c.text!);
        var narrative = new HighlightNarrative(form.Text("narrative.achieved"), form.Text("narrative.next"), form.Text("narrative.issuesAndRisks"), comments);
        return SendAsync(id, "forecast", Operations.SubmitForecast, form,
            () => forecasts.SubmitAsync(id, new SubmitForecast(form.WholeNumber("stage"), values, null, form.Text("comment"), narrative), Caller),
            "ForecastDone");
    }

    /// <summary>The newest highlight report of the stage under way: the next one starts from its values and its issues and risks.</summary>
    public ForecastEntry? LastOfStage => Reports.FirstOrDefault(r => r.Level == ForecastLevel.Stage && r.Stage == Project.Stage);

    /// <summary>The value a dimension's field starts from: the last report's, as the form shows it.</summary>
    public string? StartingValue(Domain.Tolerances.Dimension dimension) => LastOfStage?.Values is not { } values
        ? null
        : dimension switch
        {
            Domain.Tolerances.Dimension.Time => values.Time?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Domain.Tolerances.Dimension.Cost => Plain(values.Cost),
            Domain.Tolerances.Dimension.Quality => Plain(values.Quality),
            Domain.Tolerances.Dimension.Scope => Plain(values.Scope),
            Domain.Tolerances.Dimension.Benefit => Plain(values.Benefit),
            Domain.Tolerances.Dimension.Sustainability => Plain(values.Sustainability),
            _ => null,
        };

    private static string? Plain(decimal? value) => value is { } number ? Numbers.Format(number) : null;

    public Task<IActionResult> OnPostReportAsync(Guid id, Guid exceptionId)
    {
        var form = ReadForm();
        var options = form.Lines("options").Select(line => line.Split(';', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new ExceptionOption(parts[0], parts.Length > 1 ? parts[1] : null)).ToList();
        var report = new ExceptionReport(form.Text("cause"), form.Text("consequences"), options, form.Text("recommendation"));
        return SendAsync(id, ReportForm(exceptionId), Operations.ReportException, form,
            () => exceptions.ReportAsync(id, exceptionId, report, Caller), "ExceptionReported");
    }

    /// <summary>The baseline a decision on the page would leave, shown to the decider before it is sent for good.</summary>
    public (Guid ExceptionId, BaselineProposal Proposal)? Preview { get; private set; }

    /// <summary>
    /// The owner's decision. A new baseline is first shown as it would be, old against new per dimension; it is sent once
    /// the decider confirms exactly what was shown (a form changed after the review is shown again).
    /// </summary>
    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid exceptionId)
    {
        var form = ReadForm();
        var decision = form.Enum<ExceptionDecision>("decision");
        var newBaseline = decision is ExceptionDecision.ApproveExceptionPlan or ExceptionDecision.AdjustTolerances;
        var plan = decision == ExceptionDecision.ApproveExceptionPlan
            ? new StagePlanChange(form.Date("plan.plannedEnd"), form.Number("plan.budget"), form.WholeNumber("plan.productsInScope"))
            : null;
        var request = new ExceptionDecisionRequest(decision, form.Text("rationale"), plan, newBaseline ? form.ToleranceChanges("tolerances.") : null);
        var name = DecisionForm(exceptionId);
        return SendAsync(id, name, Operations.DecideException, form,
            () => exceptions.DecideAsync(id, exceptionId, request, Caller), "ExceptionDecided",
            newBaseline ? () => ReviewAsync(exceptionId, name, request, form.Text("reviewed")) : null);
    }

    /// <summary>The page again with the baseline the decision would leave, unless the decider confirmed exactly that one.</summary>
    private async Task<IActionResult?> ReviewAsync(Guid exceptionId, string form, ExceptionDecisionRequest request, string? reviewed)
    {
        if (ExceptionBaseline.ReadChanges(request, new Validation()) is not { } changes)
        {
            return null;
        }

        var proposal = await Database.ReadAsync(async db => await ExceptionStore.GetAsync(db, Project.Id, exceptionId) is { } exception
            ? await ExceptionBaseline.ProposeAsync(db, Project.Id, exception, exception.Stage ?? Project.Stage ?? 1, changes, request.Plan, Standing.Actor.UserId, default)
            : default, HttpContext.RequestAborted);

        // What the use case would refuse, it refuses when sent; what was reviewed as it stands is sent.
        if (proposal.Value is not { } baseline || baseline.Fingerprint == reviewed)
        {
            return null;
        }

        Preview = (exceptionId, baseline);
        return await ShowForReviewAsync(form);
    }

    public static string ReportForm(Guid exceptionId) => $"report-{exceptionId:N}";

    public static string DecisionForm(Guid exceptionId) => $"decide-{exceptionId:N}";

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        var mayRead = Archive.ExemptionReader.MayRead(Standing);
        (Latest, Exceptions) = await Database.ReadAsync(async db =>
            ((await ForecastStore.LatestStageEvaluationAsync(db, Project.Id)).Status,
                (await ExceptionStore.ForProjectAsync(db, Project.Id)).Select(e => e.SeenBy(mayRead)).ToList()), cancellationToken);
        Reports = (await Database.ReadAsync(db => ForecastStore.PageAsync(db, Project.Id, new Paging(Paging.MaxLimit, Guid.Empty, 0)), cancellationToken))
            .Where(r => r.Level == ForecastLevel.Stage).Reverse().Take(10).ToList();
        Tolerances = await toleranceReader.ReadAsync(Project, cancellationToken);
        Costs = await Database.ReadAsync(db => Actuals.ActualCostStore.ReadAsync(db, Project.Id), cancellationToken);
    }

    /// <summary>Each stage's cost: budget, the newest forecast and what the finance system has booked.</summary>
    public Actuals.ActualCosts Costs { get; private set; } = new([], []);
}
