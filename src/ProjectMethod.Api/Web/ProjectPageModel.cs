using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Web;

/// <summary>
/// The API's first look at a caller, by operation: the check a route declares on the project (its
/// <see cref="ProjectGuardMetadata"/>). A page asks it before it shows a form and before it sends one, so a form is offered
/// to exactly the people the API's access table lets through — the pages keep no list of their own.
/// </summary>
public sealed class WebOperations(EndpointDataSource endpoints)
{
    private readonly Lazy<Dictionary<string, Func<ProjectStanding, DomainError?>>> checks = new(() => endpoints.Endpoints
        .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Gate: e.Metadata.GetMetadata<ProjectGuardMetadata>()))
        .Where(e => e.Name is not null)
        .ToDictionary(e => e.Name!, e => e.Gate?.Check ?? (_ => null)));

    /// <summary>The refusal the API gives this caller for the operation before it reads the body, if any.</summary>
    public DomainError? Check(OperationId operation, ProjectStanding standing) =>
        checks.Value.TryGetValue(operation.Name, out var check)
            ? check(standing)
            : throw new ArgumentException($"No operation {operation}.", nameof(operation));
}

/// <summary>
/// A page of one project: the project, its roles and the signed-in employee's standing on it, and the way its forms are
/// sent — to the API's own use case for the operation, after the API's first check, with the refusal kept for the form
/// it concerns and shown beside it.
/// </summary>
public abstract class ProjectPageModel(Database database) : PageModel, IRefusable
{
    public ProjectRow Project { get; private set; } = null!;

    public IReadOnlyList<RoleView> Roles { get; private set; } = [];

    public ProjectStanding Standing { get; private set; } = null!;

    /// <summary>The case number (saksnummer) of the project's case file in the municipality's archive, once receipted.</summary>
    public string? CaseNumber { get; private set; }

    public Refused? Refusal { get; private set; }

    /// <summary>The name a refusal has when it concerns no form on the page (it is shown under the page's heading).</summary>
    public const string PageForm = "page";

    [TempData]
    public string? Done { get; set; }

    protected Database Database => database;

    /// <summary>Who sends the form and the version of the project the page showed, for the use case the form goes to.</summary>
    protected Caller Caller { get; private set; } = null!;

    protected IStringLocalizer Texts => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();

    /// <summary>Whether the API lets the signed-in employee past its first check for the operation.</summary>
    public bool May(OperationId operation) => Project is not null && !Domain.Phases.DecisionPoints.IsTerminal(Project.Phase)
        && HttpContext.RequestServices.GetRequiredService<WebOperations>().Check(operation, Standing) is null;

    public virtual async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadStandingAsync(id, cancellationToken) ? await ShowAsync() : NotFound();

    /// <summary>
    /// A document of the project to download, in the language the pages are read in: not found when the project or the
    /// document is not there. Whoever may read the page may read its documents.
    /// </summary>
    protected async Task<IActionResult> DocumentAsync(Guid id, Func<PaperTexts, CancellationToken, Task<byte[]?>> make, string fileName)
    {
        var cancellationToken = HttpContext.RequestAborted;
        return await LoadStandingAsync(id, cancellationToken) && await make(PaperTexts.OfPages(), cancellationToken) is { } pdf
            ? File(pdf, MediaTypes.Pdf, fileName)
            : NotFound();
    }

    /// <summary>What the page shows beyond the project and its roles.</summary>
    protected abstract Task LoadPageAsync(CancellationToken cancellationToken);

    /// <summary>Where a form sent with success leads: back to the same page (a page with more in its route says so).</summary>
    protected virtual object RouteAfterSuccess(Guid id) => new { id };

    protected FormReader ReadForm() => new(Request.Form, Texts);

    /// <summary>Sends a form through the operation's use case; on success back to the page with what was done.</summary>
    protected async Task<IActionResult> SendAsync<TResult>(Guid id, string form, OperationId operation, FormReader reader, Func<Task<TResult>> call, string done)
        where TResult : INestedHttpResult
    {
        if (await FirstCheckAsync(id, form, operation, reader) is { } refused)
        {
            return refused;
        }

        var result = await call();
        return await AnswerAsync(id, form, result.Result as ProblemHttpResult, done);
    }

    /// <summary>
    /// Sends a form through a use case shared as a class (its result carries the refusal itself). A review, where given,
    /// may show the page again with what the form would do (<see cref="ShowForReviewAsync"/>) instead of sending it.
    /// </summary>
    protected async Task<IActionResult> SendAsync<T>(
        Guid id, string form, OperationId operation, FormReader reader, Func<Task<WriteResult<T>>> call, string done, Func<Task<IActionResult?>>? review = null)
    {
        if (await FirstCheckAsync(id, form, operation, reader) is { } refused)
        {
            return refused;
        }

        if (review is not null && await review() is { } reviewed)
        {
            return reviewed;
        }

        var result = await call();
        return await AnswerAsync(id, form, result.Problem, done);
    }

    /// <summary>
    /// The first look at a form sent: the project and who is asking, read without the page's own data — a form accepted
    /// leads elsewhere, so the page is read only when it is shown again with a refusal.
    /// </summary>
    private async Task<IActionResult?> FirstCheckAsync(Guid id, string form, OperationId operation, FormReader reader)
    {
        if (!await LoadStandingAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        // The version the page showed is the write's precondition, as If-Match is the API's.
        var expected = Request.Form[ProjectVersionTagHelper.Field] is { Count: 1 } version && long.TryParse(version, out var shown)
            ? ExpectedVersion.Exactly(shown)
            : ExpectedVersion.Any;
        Caller = new Caller(User.ToActor(), expected, HttpContext.RequestAborted);

        if (HttpContext.RequestServices.GetRequiredService<WebOperations>().Check(operation, Standing) is { } forbidden)
        {
            // Whoever the first check refuses is offered no such form: the refusal is shown at the top of the page.
            return await AnswerAsync(id, PageForm, Problems.From(forbidden), "");
        }

        if (!reader.IsValid)
        {
            Refusal = Refused.OfFields(form, reader.Errors, Texts).Keep(HttpContext);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync();
        }

        return null;
    }

    private async Task<IActionResult> AnswerAsync(Guid id, string form, ProblemHttpResult? problem, string done)
    {
        if (problem is null)
        {
            Done = done;
            return RedirectToPage(RouteAfterSuccess(id));
        }

        // A refused write changed nothing; the form's version stays the one the project had when the form was sent.
        Refusal = Refused.From(form, problem, Texts).Keep(HttpContext);
        Response.StatusCode = problem.StatusCode;
        return await ShowAsync();
    }

    /// <summary>The page again, its form showing what was sent, for the sender to review what it would do before it is sent for good.</summary>
    protected Task<IActionResult> ShowForReviewAsync(string form)
    {
        SentForm.Keep(HttpContext, form);
        return ShowAsync();
    }

    /// <summary>Whether what the page is about (beyond the project) exists; a page about one benefit says so.</summary>
    protected virtual bool Found => true;

    /// <summary>The page with its own data, read now; not found when what it is about is not there.</summary>
    private async Task<IActionResult> ShowAsync()
    {
        await LoadPageAsync(HttpContext.RequestAborted);
        return Found ? Page() : NotFound();
    }

    /// <summary>The project, its roles and the signed-in employee's standing on it; false when there is no such project.</summary>
    private async Task<bool> LoadStandingAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await database.ReadAsync(async db =>
            await ProjectStore.GetAsync(db, id) is { } project
                ? (project, await RoleStore.ViewsAsync(db, id), await Archive.ArchiveStore.CaseNumberAsync(db, id),
                   await Programmes.ProgrammeStore.SeatAsync(db, project.ProgrammeId, User.ToActor().UserId))
                : default, cancellationToken);
        if (loaded.project is null)
        {
            return false;
        }

        (Project, Roles, CaseNumber, var seat) = loaded;
        ProjectScope.Remember(HttpContext, Project);
        var assignments = Roles.Select(r => new Domain.Roles.RoleAssignment(r.Id, r.Role, r.UserId, r.DisplayName));
        Standing = ProjectStanding.Of(User.ToActor(), assignments, Project.ProposerId) with { Programme = seat };
        return true;
    }
}
