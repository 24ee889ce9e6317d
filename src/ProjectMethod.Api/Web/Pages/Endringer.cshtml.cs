using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.Changes;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Domain.Changes;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// Change control (endringskontroll): the issue register with each issue's impact and decision, the form anyone with a
/// role raises an issue on, the change authority's answer, and the Executive naming the change authority — through the
/// API's own use cases.
/// </summary>
public sealed class EndringerModel(Database database, ChangeCommands changes) : ProjectPageModel(database)
{
    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    public ChangeAuthorityView? Authority { get; private set; }

    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    /// <summary>The products an issue may take out of scope: neither accepted nor already removed.</summary>
    public IEnumerable<ProductView> Removable => Products.Where(p => !Domain.Products.ProductMachine.IsFinal(p.State));

    public string ProductTitle(Guid productId) => Products.FirstOrDefault(p => p.Id == productId)?.Title ?? productId.ToString();

    public static string DecideForm(Guid changeId) => $"decide-{changeId:N}";

    /// <summary>
    /// Whether the signed-in employee is shown the answer form: an undecided issue they did not raise, and they are the
    /// Executive, on the portfolio board, or the named change authority within its limits.
    /// </summary>
    public bool MayDecide(ChangeView change) =>
        May(Operations.DecideChange) && ChangeRules.CheckUndecided(change.State) is null
        && ChangeRules.CheckDecider(Standing, change.RaisedBy, Authority is { } a ? new ChangeAuthority(a.UserId, a.CostLimit, a.DaysLimit) : null,
            new BaselineImpact(change.Impact.Days ?? 0, change.Impact.Cost ?? 0, change.AddProducts.Count, change.RemoveProductIds.Count)) is null;

    public async Task<IActionResult> OnPostRaiseAsync(Guid id)
    {
        var form = ReadForm();
        var days = form.WholeNumber("days");
        var cost = form.Number("cost");
        var add = form.Text("addTitle") is { } title ? new[] { new NewProduct(title, form.Text("addPurpose")) } : [];
        var request = new RaiseChange(form.Enum<ChangeKind>("kind"), form.Text("title"), form.Text("description"),
            new ChangeImpact(days ?? 0, cost ?? 0, form.Text("quality"), form.Text("scope"), form.Text("benefit"), form.Text("risk")), add, form.Ids("removeProductIds"));
        return await SendAsync(id, "raise", Operations.RaiseChange, form, () => changes.RaiseAsync(id, request, Caller), "ChangeRaisedDone");
    }

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid changeId)
    {
        var form = ReadForm();
        return SendAsync(id, DecideForm(changeId), Operations.DecideChange, form,
            () => changes.DecideAsync(id, changeId, new DecideChange(form.Enum<ChangeOutcome>("outcome"), form.Text("rationale")), Caller), "ChangeDecidedDone");
    }

    public async Task<IActionResult> OnPostAuthorityAsync(Guid id)
    {
        var form = ReadForm();
        var person = await PersonPicker.ResolveAsync(HttpContext, form, "userId", Texts);
        return await SendAsync(id, "authority", Operations.SetChangeAuthority, form,
            () => changes.SetAuthorityAsync(id, new SetChangeAuthority(person, form.Number("costLimit"), form.WholeNumber("daysLimit")), Caller), "ChangeAuthorityDone");
    }

    /// <summary>Whether the Executive is the one looking: only they name the change authority.</summary>
    public bool MayNameAuthority => May(Operations.SetChangeAuthority) && Standing.Holds(ProjectRole.Executive);

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        (Changes, Authority, Products) = await Database.ReadAsync(
            async db => (await ChangeStore.OfProjectAsync(db, Project.Id), await ChangeStore.AuthorityAsync(db, Project.Id), await ProductStore.ForProjectAsync(db, Project.Id)),
            cancellationToken);
    }
}
