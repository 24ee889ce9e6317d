using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectMethod.Api.Ideas;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// "Ideer": any employee sends an idea and sees the answer to each they sent; the project office answers the ideas that
/// wait — propose, park or decline, with the rationale the sender gets — through the API's own use cases.
/// </summary>
public sealed class IdeerModel(Database database, IStringLocalizer<Texts> texts, IdeaCommands ideas) : PageModel, IRefusable
{
    public IReadOnlyList<IdeaView> Sent { get; private set; } = [];

    public IReadOnlyList<IdeaView> Waiting { get; private set; } = [];

    public bool ProjectOffice => User.ToActor().IsPortfolioBoard;

    public Refused? Refusal { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public static string TriageForm(Guid ideaId) => $"triage-{ideaId:N}";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>An idea and its answer as PDF: the sender's own, or any for the project office (as the API reads it).</summary>
    public async Task<IActionResult> OnGetAnswerAsync(Guid idea, [FromServices] IdeaDocuments documents, CancellationToken cancellationToken) =>
        await documents.AnswerAsync(idea, User.ToActor(), Infrastructure.Documents.PaperTexts.OfPages(), cancellationToken) is { } pdf
            ? File(pdf, Infrastructure.Documents.MediaTypes.Pdf, $"svar-pa-ide-{idea}.pdf")
            : NotFound();

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        var form = new FormReader(Request.Form, texts);
        var result = await ideas.SubmitAsync(
            new SubmitIdea(form.Text("title"), form.Text("description"), form.Enum<IdeaOrigin>("origin"), form.Text("sector")), Caller.Unconditional(User.ToActor(), HttpContext.RequestAborted));
        return await AnswerAsync("send", result, "IdeaSent", cancellationToken);
    }

    public async Task<IActionResult> OnPostTriageAsync(Guid ideaId, CancellationToken cancellationToken)
    {
        if (!ProjectOffice)
        {
            return await AnswerAsync(TriageForm(ideaId), WriteResult.Refused<IdeaView>(Problems.From(Domain.DomainError.Forbidden("Only the project office answers ideas."))), "", cancellationToken);
        }

        var form = new FormReader(Request.Form, texts);
        var result = await ideas.TriageAsync(ideaId, new TriageIdea(form.Enum<TriageDecision>("decision"), form.Text("rationale")), Caller.Unconditional(User.ToActor(), HttpContext.RequestAborted));
        return await AnswerAsync(TriageForm(ideaId), result, result.Value?.Status == IdeaStatus.Proposed ? "IdeaProposed" : "IdeaAnswered", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(string form, WriteResult<IdeaView> result, string done, CancellationToken cancellationToken)
    {
        if (result.Problem is not { } problem)
        {
            Done = done;
            return RedirectToPage();
        }

        Refusal = Refused.From(form, problem, texts).Keep(HttpContext);
        Response.StatusCode = problem.StatusCode;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.ToActor().UserId;
        (Sent, Waiting) = await database.ReadAsync(async db =>
            (await IdeaStore.SentByAsync(db, userId), ProjectOffice ? await IdeaStore.OpenAsync(db) : []), cancellationToken);
    }
}
