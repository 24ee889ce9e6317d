using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The page a page route answers with when it has nothing else to show: not found, not allowed, a request it cannot
/// read — in Norwegian, with the menu and a way on, never the API's JSON.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken] // shown again for a refused form, whose token may be what was wrong
public sealed class FeilModel : PageModel
{
    public int Status { get; private set; }

    public bool SignedIn { get; private set; }

    public async Task OnGetAsync(int status) => await ShowAsync(status);

    public async Task OnPostAsync(int status) => await ShowAsync(status);

    /// <summary>The status's own key: not found, forbidden, bad request, or anything else.</summary>
    public string Key => Status switch { 404 => "404", 403 => "403", 400 => "400", _ => "other" };

    private async Task ShowAsync(int status)
    {
        // Shown again for another page: whoever is signed in to the pages keeps the menu.
        if ((await HttpContext.AuthenticateAsync(Web.Scheme)) is { Succeeded: true } signedIn)
        {
            HttpContext.User = signedIn.Principal;
            SignedIn = true;
        }

        // A failure escaping a page comes here as 500 with its own status already set (503 while the database cannot be reached).
        Status = Response.StatusCode >= 500 ? Response.StatusCode : status is >= 400 and <= 599 ? status : 404;
        Response.StatusCode = Status;
    }
}
