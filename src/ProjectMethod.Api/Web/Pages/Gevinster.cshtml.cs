using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>"Mine gevinster": the benefits the signed-in employee owns in the line or answers for as Benefit Owner, each with its status and next measurement.</summary>
public sealed class GevinsterModel(Inbox inbox) : PageModel
{
    public IReadOnlyList<Inbox.OwnedBenefit> Benefits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Benefits = await inbox.BenefitsAsync(User.ToActor().UserId, cancellationToken);
}
