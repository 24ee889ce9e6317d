using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>Sign-in: in development one of the demo users; sign-out for everyone.</summary>
public sealed class LoggInnModel(IConfiguration configuration) : PageModel
{
    public bool DevelopmentSignIn { get; } = Web.OffersDevelopmentSignIn(configuration);

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
        await HttpContext.SignOutAsync(Web.Scheme);
        return LocalRedirect("/logg-inn");
    }
}
