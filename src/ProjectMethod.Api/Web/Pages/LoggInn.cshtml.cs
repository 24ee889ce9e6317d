using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>Sign-in: in development one of the demo users, otherwise the municipality's OpenID Connect sign-in; sign-out for everyone.</summary>
public sealed class LoggInnModel(IConfiguration configuration) : PageModel
{
    public bool DevelopmentSignIn { get; } = Web.OffersDevelopmentSignIn(configuration);

    /// <summary>Whether the municipality's sign-in (OpenID Connect) is configured.</summary>
    public bool MunicipalSignIn { get; } = Web.SignIn.From(configuration) is not null;

    public IActionResult OnPostOidc(string? returnUrl) => MunicipalSignIn
        ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, Web.OidcScheme)
        : BadRequest();

    public async Task<IActionResult> OnPostAsync(string? userId, string? returnUrl)
    {
        if (!DevelopmentSignIn || Web.DemoUsers.FirstOrDefault(u => u.UserId == userId) is not { UserId: not null } user)
        {
            return BadRequest();
        }

        await HttpContext.SignInAsync(Web.Scheme, Web.Principal(user.UserId, user.Name, user.Roles));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    public async Task<IActionResult> OnPostLoggUtAsync()
    {
        if (MunicipalSignIn)
        {
            // Ends the session at the municipality's sign-in too, which sends the browser back to this page.
            return SignOut(new AuthenticationProperties { RedirectUri = "/logg-inn" }, Web.Scheme, Web.OidcScheme);
        }

        await HttpContext.SignOutAsync(Web.Scheme);
        return LocalRedirect("/logg-inn");
    }
}
