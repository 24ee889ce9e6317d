using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>A project proposal (prosjektforslag) by any employee, through the API's own use case; the proposer writes the mandate next.</summary>
public sealed class NyttProsjektModel(IStringLocalizer<Texts> texts, ProjectCommands projects) : PageModel, IRefusable
{
    public Refused? Refusal { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var form = new FormReader(Request.Form, texts);
        var result = await projects.ProposeAsync(new ProposeProject(form.Text("name"), form.Text("sector"), form.Text("description")), Caller.Unconditional(User.ToActor(), HttpContext.RequestAborted));
        if (result.Problem is not { } problem)
        {
            TempData["Done"] = "ProposalDone";
            return RedirectToPage("/Styring", new { id = result.Value!.Id });
        }

        Refusal = Refused.From("propose", problem, texts).Keep(HttpContext);
        Response.StatusCode = problem.StatusCode;
        return Page();
    }
}
