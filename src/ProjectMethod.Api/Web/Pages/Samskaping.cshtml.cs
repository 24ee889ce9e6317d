using Microsoft.AspNetCore.Mvc;
using NodaTime;
using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.CoCreation;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// The project's co-creation (samskaping): the stakeholder groups, the plan of how each is involved per phase against what
/// was reached, the activities held, and "you said, we did" — every input with its answer — through the API's own use cases.
/// </summary>
public sealed class SamskapingModel(Database database, IClock clock, CoCreationCommands coCreation) : ProjectPageModel(database)
{
    public CoCreationRegister Register { get; private set; } = CoCreationRegister.Of([], [], [], [], default);

    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    public IReadOnlyList<DecisionView> Decisions { get; private set; } = [];

    public LocalDate Today { get; private set; }

    /// <summary>The name of a group of the register, by its id.</summary>
    public string GroupName(Guid groupId) => Register.Groups.FirstOrDefault(g => g.Id == groupId)?.Name ?? groupId.ToString();

    /// <summary>A plan entry is the plan of a phase not yet left, so it may still change.</summary>
    public bool Changeable(Phase phase) => CoCreationRules.MayReplan(phase, Project.Phase);

    /// <summary>A gap in a phase's involvement is explained once the project has reached the phase.</summary>
    public bool Explainable(Phase phase) => CoCreationRules.MayExplainGap(phase, Project.Phase);

    public static string GapForm(Guid groupId, Phase phase) => $"gap-{groupId:N}-{phase.Wire()}";

    public static string AnswerForm(Guid inputId) => $"answer-{inputId:N}";

    public Task<IActionResult> OnPostGroupAsync(Guid id)
    {
        var form = ReadForm();
        var request = new StakeholderGroupRequest(form.Text("name"), form.Enum<GroupKind>("kind"), form.Text("hardToReach") == "true", form.Text("notes"));
        return SendAsync(id, "group", Operations.AddStakeholderGroup, form, () => coCreation.AddGroupAsync(id, request, Caller), "GroupDone");
    }

    /// <summary>One entry planned or changed: the page sends the whole plan with that entry in place.</summary>
    public Task<IActionResult> OnPostPlanAsync(Guid id)
    {
        var form = ReadForm();
        var entry = new PlanEntryRequest(form.Id("groupId"), form.Enum<Phase>("phase"), form.Enum<InvolvementLevel>("level"), form.Enum<CoCreationPurpose>("purpose"));
        return SendAsync(id, "plan", Operations.SetCoCreationPlan, form, async () =>
        {
            var plan = await CurrentPlanAsync(id);
            var others = plan.Where(p => p.GroupId != entry.GroupId || p.Phase != entry.Phase);
            return await coCreation.SetPlanAsync(id, new CoCreationPlanRequest([.. others, entry]), Caller);
        }, "PlanDone");
    }

    public Task<IActionResult> OnPostUnplanAsync(Guid id, Guid groupId, Phase phase) =>
        SendAsync(id, $"unplan-{groupId:N}-{phase.Wire()}", Operations.SetCoCreationPlan, ReadForm(), async () =>
        {
            var plan = await CurrentPlanAsync(id);
            return await coCreation.SetPlanAsync(id, new CoCreationPlanRequest(plan.Where(p => p.GroupId != groupId || p.Phase != phase).ToList()), Caller);
        }, "PlanDone");

    public Task<IActionResult> OnPostGapAsync(Guid id, Guid groupId, Phase phase)
    {
        var form = ReadForm();
        return SendAsync(id, GapForm(groupId, phase), Operations.ExplainCoCreationGap, form, () =>
            coCreation.ExplainGapAsync(id, new GapExplanationRequest(groupId, phase, form.Text("explanation")), Caller), "GapDone");
    }

    /// <summary>An activity: a group left blank was not invited; 0 means invited, and nobody came.</summary>
    public async Task<IActionResult> OnPostActivityAsync(Guid id)
    {
        var form = ReadForm();
        var groups = (await Database.ReadAsync(db => CoCreationStore.GroupsAsync(db, id), HttpContext.RequestAborted))
            .Select(g => (g.Id, Participants: form.WholeNumber($"participants-{g.Id:N}")))
            .Where(g => g.Participants is not null || form.Text($"participants-{g.Id:N}") is not null)
            .Select(g => new ParticipationRequest(g.Id, g.Participants)).ToList();
        var request = new ActivityRequest(form.Date("date"), form.Enum<ActivityKind>("kind"), form.Enum<Phase>("phase"), form.Enum<InvolvementLevel>("level"),
            groups, form.Text("summary"));
        return await SendAsync(id, "activity", Operations.RecordCoCreationActivity, form, () => coCreation.RecordActivityAsync(id, request, Caller), "ActivityDone");
    }

    public Task<IActionResult> OnPostInputAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "input", Operations.RecordCoCreationInput, form, () =>
            coCreation.RecordInputAsync(id, form.Id("activityId") ?? Guid.Empty, new InputRequest(form.Text("text"), form.Id("groupId")), Caller), "InputDone");
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, Guid inputId)
    {
        var form = ReadForm();
        var request = new InputResponseRequest(form.Enum<InputOutcome>("outcome"), form.Text("explanation"), form.Id("productId"), form.Id("decisionId"));
        return SendAsync(id, AnswerForm(inputId), Operations.AnswerCoCreationInput, form, () => coCreation.RespondAsync(id, inputId, request, Caller), "AnswerDone");
    }

    private async Task<List<PlanEntryRequest>> CurrentPlanAsync(Guid id) =>
        (await Database.ReadAsync(db => CoCreationStore.PlanAsync(db, id), HttpContext.RequestAborted))
            .Select(p => new PlanEntryRequest(p.GroupId, p.Phase, p.Level, p.Purpose)).ToList();

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        Today = BenefitMath.Today(clock);
        (Register, Products, Decisions) = await Database.ReadAsync(async db => (
            await CoCreationStore.RegisterAsync(db, Project.Id, Today),
            await ProductStore.ForProjectAsync(db, Project.Id),
            await GateStore.DecisionsAsync(db, Project.Id, new Paging(Paging.MaxLimit, Guid.Empty, 0))), cancellationToken);
    }
}
