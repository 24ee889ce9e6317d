using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Programmes;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// "Programmer": every programme with its owner, sectors, projects and open exceptions; the portfolio board creates one —
/// through the API's own use cases.
/// </summary>
public sealed class ProgrammerModel(ProgrammeReader reader, ProgrammeCommands programmes, IStringLocalizer<Texts> texts) : PageModel, IRefusable
{
    public IReadOnlyList<ProgrammeSummary> Programmes { get; private set; } = [];

    public bool PortfolioBoard => User.ToActor().IsPortfolioBoard;

    public Refused? Refusal { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Programmes = await reader.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var form = new FormReader(Request.Form, texts);
        var owner = await PersonPicker.ResolveAsync(HttpContext, form, "ownerUserId", texts);
        var member = await PersonPicker.ResolveAsync(HttpContext, form, "boardUserId", texts);
        var tolerances = form.Tolerances("tolerances.");
        ProblemHttpResult? problem;
        if (!form.IsValid)
        {
            problem = Problems.Validation(form.Errors.ToDictionary());
        }
        else
        {
            var request = new CreateProgramme(form.Text("name"), form.Text("description"), owner, member is null ? [] : [member],
                Request.Form["sectors"].OfType<string>().ToList(), new ProgrammeTolerances(tolerances.Time, tolerances.Cost));
            var created = await programmes.CreateAsync(request, Caller.Unconditional(User.ToActor(), cancellationToken));
            if (created.Error is null)
            {
                Done = "ProgrammeCreated";
                return RedirectToPage("/Program", new { programmeId = created.Value });
            }

            problem = Problems.From(created.Error);
        }

        Refusal = Refused.From("create", problem, texts).Keep(HttpContext);
        Response.StatusCode = problem.StatusCode;
        Programmes = await reader.ListAsync(cancellationToken);
        return Page();
    }
}
