using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>"Mine gevinster": the benefits the signed-in employee owns in the line or answers for as Benefit Owner.</summary>
public sealed class GevinsterModel(Database database) : PageModel
{
    public IReadOnlyList<WebStore.MyBenefit> Benefits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Benefits = await database.ReadAsync(db => WebStore.MyBenefitsAsync(db, User.ToActor().UserId), cancellationToken);
}
