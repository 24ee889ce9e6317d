using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Programmes;
using ProjectMethod.Api.Projects;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// One programme rolled up: its board and tolerances, each project with phase, RAG, budget, forecast and what is overdue,
/// the sums, benefits per beneficiary, the exceptions its board and the portfolio board decide, and its decision log;
/// the forms to add a project, set the tolerances and decide a breach — through the API's own use cases.
/// </summary>
public sealed class ProgramModel(ProgrammeReader reader, ProgrammeCommands programmes, Database database, IStringLocalizer<Texts> texts) : PageModel, IRefusable
{
    public ProgrammeView? Programme { get; private set; }

    /// <summary>The projects that may join: in no programme and not yet closed, by name.</summary>
    public IReadOnlyList<ProjectRow> Candidates { get; private set; } = [];

    public Refused? Refusal { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public bool PortfolioBoard => User.ToActor().IsPortfolioBoard;

    public bool MayAddProject => PortfolioBoard || Programme?.OwnerUserId == User.ToActor().UserId;

    public static string DecideForm(Guid exceptionId) => $"decide-{exceptionId:N}";

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await LoadAsync(programmeId, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostProjectAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var form = new FormReader(Request.Form, texts);
        return AnswerAsync(programmeId, "project", form, async caller =>
            (await programmes.AddProjectAsync(programmeId, new AddProgrammeProject(form.Id("projectId")), caller)).Problem, "ProgrammeProjectAdded", cancellationToken);
    }

    public Task<IActionResult> OnPostTolerancesAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var form = new FormReader(Request.Form, texts);
        var tolerances = form.Tolerances("tolerances.");
        return AnswerAsync(programmeId, "tolerances", form, async caller =>
            Problem(await programmes.SetTolerancesAsync(programmeId, new ProgrammeTolerances(tolerances.Time, tolerances.Cost), caller)), "ProgrammeTolerancesDone", cancellationToken);
    }

    public Task<IActionResult> OnPostDecideAsync(Guid programmeId, Guid exceptionId, CancellationToken cancellationToken)
    {
        var form = new FormReader(Request.Form, texts);
        return AnswerAsync(programmeId, DecideForm(exceptionId), form, async caller =>
            Problem(await programmes.DecideBreachAsync(programmeId, exceptionId, new ProgrammeBreachDecision(form.Text("rationale")), caller)), "ProgrammeBreachDecided", cancellationToken);
    }

    private static ProblemHttpResult? Problem(Domain.Outcome<Guid> outcome) => outcome.Error is { } refused ? Problems.From(refused) : null;

    private async Task<IActionResult> AnswerAsync(
        Guid programmeId, string formName, FormReader form, Func<Caller, Task<ProblemHttpResult?>> send, string done, CancellationToken cancellationToken)
    {
        var problem = form.IsValid ? await send(Caller.Unconditional(User.ToActor(), cancellationToken)) : Problems.Validation(form.Errors.ToDictionary());
        if (problem is null)
        {
            Done = done;
            return RedirectToPage(new { programmeId });
        }

        Refusal = Refused.From(formName, problem, texts).Keep(HttpContext);
        Response.StatusCode = problem.StatusCode;
        return await LoadAsync(programmeId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        Programme = await reader.ReadAsync(programmeId, cancellationToken);
        Candidates = MayAddProject
            ? (await database.ReadAsync(db => Paging.AllAsync(paging => ProjectStore.ListAsync(db, null, null, NodaTime.Instant.FromUnixTimeSeconds(0), paging), p => p.Id), cancellationToken))
                .Where(p => p.ProgrammeId is null && Domain.Programmes.ProgrammeRules.CheckJoin(null, p.Phase) is null).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList()
            : [];
        return Programme is not null;
    }
}
