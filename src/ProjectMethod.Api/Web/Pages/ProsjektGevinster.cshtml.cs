using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The project's benefits: each with its figures and a link to its chart, the form to define one, the Benefit Owner's
/// confirmation that they are still realistic, and the proposed changes of a baselined benefit for whoever decides them.
/// </summary>
public sealed class ProsjektGevinsterModel(Database database, IClock clock, BenefitCommands benefits) : ProjectPageModel(database)
{
    public sealed record Change(BenefitView Benefit, BenefitChangeView Proposed);

    public IReadOnlyList<BenefitView> Benefits { get; private set; } = [];

    public IReadOnlyList<Change> Changes { get; private set; } = [];

    public static readonly IReadOnlyList<string> Intervals = ["P1M", "P3M", "P6M", "P1Y"];

    public async Task<IActionResult> OnPostDefineAsync(Guid id)
    {
        var form = ReadForm();
        Period? interval = PeriodPattern.NormalizingIso.Parse(form.Text("measurementInterval") ?? "") is { Success: true } parsed ? parsed.Value : null;
        var owner = await PersonPicker.ResolveAsync(HttpContext, form, "ownerUserId", Texts);
        var request = new BenefitRequest(form.Text("title"), form.Enum<BenefitType>("type"), form.Text("indicator"), form.Text("unit"), interval,
            form.Text("ownerUnit"), owner, Point(form, "baseline"), Point(form, "target"), form.Number("allowedShortfall"),
            form.Enums<Domain.Benefits.Beneficiary>("beneficiaries"), form.Text("targetGroup"));
        return await SendAsync(id, "define", Operations.DefineBenefit, form, () => benefits.DefineAsync(id, request, Caller), "BenefitDone");
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "review", Operations.ReviewBenefits, form,
            () => benefits.ReviewAsync(id, new BenefitsReviewRequest(form.Bool("realistic"), form.Text("comment")), Caller), "BenefitsReviewDone");
    }

    public Task<IActionResult> OnPostDecideChangeAsync(Guid id, Guid benefitId, Guid changeId)
    {
        var form = ReadForm();
        return SendAsync(id, ChangeForm(changeId), Operations.DecideBenefitChange, form, () => benefits.DecideChangeAsync(id, benefitId, changeId,
            new DecideBenefitChange(form.Enum<ChangeDecision>("decision"), form.Text("rationale")), Caller), "BenefitChangeDecided");
    }

    public static string ChangeForm(Guid changeId) => $"change-{changeId:N}";

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        var (rows, measurements) = await Database.ReadAsync(async db =>
            (await BenefitStore.ForProjectAsync(db, Project.Id), await BenefitStore.MeasurementsAsync(db, Project.Id)), cancellationToken);
        Benefits = rows.Select(b => BenefitView.From(b, measurements, BenefitMath.Today(clock), Project.Phase)).ToList();
        var changes = new List<Change>();
        foreach (var benefit in Benefits)
        {
            var proposed = await Database.ReadAsync(db => BenefitStore.ChangesAsync(db, benefit.Id), cancellationToken);
            changes.AddRange(proposed.Where(c => c.State == BenefitChangeState.Proposed).Select(c => new Change(benefit, c)));
        }

        Changes = changes;
    }

    private static PointRequest? Point(FormReader form, string name) =>
        form.Text($"{name}.value") is null && form.Text($"{name}.date") is null ? null : new PointRequest(form.Number($"{name}.value"), form.Date($"{name}.date"));
}
