using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>A project proposal (prosjektforslag) by any employee, through the API's own use case; the proposer writes the mandate next.</summary>
public sealed class NyttProsjektModel(Database database, IClock clock, IStringLocalizer<Texts> texts) : PageModel, IRefusable
{
    public Refused? Refusal { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var form = new FormReader(Request.Form, texts);
        var result = await Proposals.ProposeAsync(new ProposeProject(form.Text("name"), form.Text("sector"), form.Text("description")), HttpContext, database, clock);
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
