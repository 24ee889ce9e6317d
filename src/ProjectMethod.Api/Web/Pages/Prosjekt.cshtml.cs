using Microsoft.AspNetCore.Mvc;
using ProjectMethod.Api.BusinessCases;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// A project: its phases with the current one marked, the gate ahead with every criterion, its roles, decisions and
/// history; and, for whoever may, asking for the decision, deciding it and appointing roles — through the same use cases
/// as the API, whose refusals are shown beside the form they concern.
/// </summary>
public sealed class ProsjektModel(
    Database database, GateReader gates, GateCommands decisions, BusinessCaseReader businessCase, RoleCommands roles, SteeringPackReader packs,
    ProjectCommands projects, Assurance.AssuranceCommands assurances, Actions.ActionCommands actions, Groups.GroupCommands groups, Programmes.ProgrammeCommands programmes, NodaTime.IClock clock) : ProjectPageModel(database)
{
    /// <summary>The phases, stages and decision points, planned against actual, drawn above their table.</summary>
    public Timeline Timeline { get; private set; } = null!;

    /// <summary>The steering group's pack as PDF.</summary>
    public Task<IActionResult> OnGetPackAsync(Guid id, [FromServices] SteeringPackDocuments documents) =>
        DocumentAsync(id, async (t, cancellationToken) => await documents.PackAsync((await packs.ReadAsync(Project, null, cancellationToken)).SeenBy(Archive.ExemptionReader.MayRead(Standing)), t, cancellationToken),
            $"styringsgruppepakke-{id}.pdf");

    /// <summary>A decision's record as PDF.</summary>
    public Task<IActionResult> OnGetDecisionAsync(Guid id, Guid decision, [FromServices] GateDocuments documents) =>
        DocumentAsync(id, (t, cancellationToken) => documents.DecisionRecordAsync(id, decision, t, cancellationToken, Standing.Actor), $"beslutning-{decision}.pdf");

    public GateView? Gate { get; private set; }

    public IReadOnlyList<DecisionView> Decisions { get; private set; } = [];

    /// <summary>The political bodies' decisions about the project, oldest meeting first.</summary>
    public IReadOnlyList<Archive.PoliticalDecisionView> Political { get; private set; } = [];

    /// <summary>The project's newest events, newest first, a run of the same event by the same person folded into one row.</summary>
    public IReadOnlyList<HistoryRun> History { get; private set; } = [];

    /// <summary>Whether the signed-in employee prepares the decision point ahead and nobody has asked yet.</summary>
    public bool MayRequest => Gate is { OpenRequest: null } && May(Operations.RequestDecision);

    /// <summary>Whether the signed-in employee decides (or votes) on the open request.</summary>
    public bool MayDecide => Gate is { OpenRequest: not null } && May(Operations.Decide);

    /// <summary>The business case as it stands, read while a decision is asked for: the deciders see what they decide on.</summary>
    public BusinessCases.BusinessCaseView? BusinessCase { get; private set; }

    public string? DecisionChoice => Request.HasFormContentType ? Request.Form["decision"].ToString() : null;

    public Task<IActionResult> OnPostRequestAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "request", Operations.RequestDecision, form,
            () => decisions.RequestAsync(id, new RequestDecision(form.Text("recommendation")), Caller), "RequestDone");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        var form = ReadForm();
        var voted = false;
        var answer = await SendAsync(id, "decide", Operations.Decide, form, async () =>
        {
            var decision = form.Enum<Domain.Phases.Decision>("decision");
            var category = decision == Domain.Phases.Decision.Approve ? form.Enum<ProjectCategory>("category") : null;
            var result = await decisions.DecideAsync(id, new MakeDecision(decision, form.Text("rationale"), Category: category), Caller);
            voted = result.Value?.Vote is not null;
            return result;
        }, "DecisionDone");
        Done = Done is null ? null : voted ? "VoteDone" : "DecisionDone";
        return answer;
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id)
    {
        var form = ReadForm();
        var person = await PersonPicker.ResolveAsync(HttpContext, form, "userId", Texts);
        return await SendAsync(id, "assign", Operations.AssignRole, form, () => roles.AssignAsync(id,
            new AssignRole(form.Enum<ProjectRole>("role"), person), Caller), "RoleDone");
    }

    /// <summary>Somebody else in a role, with the reason (the board for the Executive, the Executive for the rest).</summary>
    public async Task<IActionResult> OnPostReplaceAsync(Guid id, Guid assignmentId)
    {
        var form = ReadForm();
        var person = await PersonPicker.ResolveAsync(HttpContext, form, "userId", Texts);
        return await SendAsync(id, ReplaceForm(assignmentId), Operations.ReplaceRole, form, () => roles.ReplaceAsync(id, assignmentId,
            new ReplaceRole(person, form.Text("rationale")), Caller), "RoleReplacedDone");
    }

    /// <summary>A role assignment ended, with the reason.</summary>
    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid assignmentId)
    {
        var form = ReadForm();
        return SendAsync(id, RemoveForm(assignmentId), Operations.RemoveRole, form,
            () => roles.RemoveAsync(id, assignmentId, new RemoveRole(form.Text("rationale")), Caller), "RoleRemovedDone");
    }

    /// <summary>A confirmed category changed: the Executive between medium and large, the portfolio board any change.</summary>
    public Task<IActionResult> OnPostCategoryAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "category", Operations.ChangeCategory, form,
            () => projects.ChangeCategoryAsync(id, new ChangeCategory(form.Enum<ProjectCategory>("category"), form.Text("rationale")), Caller), "CategoryDone");
    }

    /// <summary>Independent quality assurance recorded by the Executive or the portfolio board.</summary>
    public Task<IActionResult> OnPostAssuranceAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "assurance", Operations.RecordIndependentAssurance, form, () => assurances.RecordAsync(id, new Assurance.RecordIndependentAssurance(
            form.Enum<Domain.Phases.DecisionPoint>("decisionPoint"), form.Text("assessor"), form.Text("organisation"), form.Date("concludedOn"),
            form.Enum<Assurance.AssuranceRecommendation>("recommendation"), form.Text("conclusion")), Caller), "AssuranceDone");
    }

    /// <summary>A follow-up action given to a decision (or a steering group meeting) by the Executive or the board.</summary>
    public async Task<IActionResult> OnPostActionAsync(Guid id)
    {
        var form = ReadForm();
        var owner = await PersonPicker.ResolveAsync(HttpContext, form, "ownerUserId", Texts);
        return await SendAsync(id, "action", Operations.AddAction, form,
            () => actions.AddAsync(id, new Actions.AddAction(form.Text("what"), owner, form.Date("dueOn"), form.Id("decisionId")), Caller), "ActionDone");
    }

    /// <summary>The owner marks their action done, with a note.</summary>
    public Task<IActionResult> OnPostActionDoneAsync(Guid id, Guid actionId)
    {
        var form = ReadForm();
        return SendAsync(id, DoneForm(actionId), Operations.CompleteAction, form,
            () => actions.CompleteAsync(id, actionId, new Actions.CompleteAction(form.Text("note")), Caller), "ActionCompleted");
    }

    public static string DoneForm(Guid actionId) => $"done-{actionId:N}";

    /// <summary>A reference group, a working group or the board's observers, set up by the Executive or the Project Manager.</summary>
    public async Task<IActionResult> OnPostGroupAsync(Guid id)
    {
        var form = ReadForm();
        var members = await PersonPicker.ResolveEachAsync(HttpContext, form, "members", Texts);
        return await SendAsync(id, "group", Operations.CreateGroup, form, () => groups.SaveAsync(id, null, GroupRequestOf(form, members), Caller), "ProjectGroupSaved");
    }

    /// <summary>A group changed: its name, mandate and members.</summary>
    public async Task<IActionResult> OnPostGroupChangeAsync(Guid id, Guid groupId)
    {
        var form = ReadForm();
        var members = await PersonPicker.ResolveEachAsync(HttpContext, form, "members", Texts);
        return await SendAsync(id, GroupForm(groupId), Operations.ReplaceGroup, form, () => groups.SaveAsync(id, groupId, GroupRequestOf(form, members), Caller), "ProjectGroupSaved");
    }

    private static Groups.GroupRequest GroupRequestOf(FormReader form, IReadOnlyList<string>? members) =>
        new(form.Enum<Domain.Organisation.BoardGroupKind>("kind"), form.Text("name"), form.Text("mandate"), members ?? [], form.Ids("stakeholderGroupIds"));

    public static string GroupForm(Guid groupId) => $"group-{groupId:N}";

    /// <summary>The sectors the project involves beside its lead sector, named by the Executive or the portfolio board.</summary>
    public Task<IActionResult> OnPostSectorsAsync(Guid id)
    {
        var form = ReadForm();
        return SendAsync(id, "sectors", Operations.SetParticipatingSectors, form,
            () => programmes.SetParticipatingAsync(id, new Programmes.ParticipatingSectors(Request.Form["sectors"].OfType<string>().ToList()), Caller), "ParticipatingSectorsDone");
    }

    /// <summary>The sectors the project involves beside its lead sector.</summary>
    public IReadOnlyList<string> Participating { get; private set; } = [];

    /// <summary>The groups around the board, by kind.</summary>
    public IReadOnlyList<Groups.GroupView> Groups { get; private set; } = [];

    /// <summary>The project's stakeholder groups, which a reference or working group may take in for citizens.</summary>
    public IReadOnlyList<CoCreation.StakeholderGroupView> StakeholderGroups { get; private set; } = [];

    /// <summary>The stakeholder groups a group takes in, by name.</summary>
    public IEnumerable<string> StakeholderNames(Groups.GroupView group) =>
        group.StakeholderGroupIds.Select(s => StakeholderGroups.FirstOrDefault(g => g.Id == s)?.Name ?? s.ToString());

    /// <summary>Whether the signed-in employee may change a group of this kind.</summary>
    public bool MayManage(Domain.Organisation.BoardGroupKind kind) => May(Operations.ReplaceGroup) && Domain.Organisation.GroupRules.CheckManage(Standing, kind) is null;

    /// <summary>The project's follow-up actions, open first by due day.</summary>
    public IReadOnlyList<Actions.ActionView> FollowUps { get; private set; } = [];

    /// <summary>What an action follows, as the page names it: the gate decision's title, an exception, or a steering group meeting.</summary>
    public string Follows(Actions.ActionView action) => action.DecisionId switch
    {
        null => Texts["SteeringGroupMeeting"],
        { } id => Decisions.FirstOrDefault(d => d.Id == id)?.Title ?? Texts["AnExceptionDecision"],
    };

    /// <summary>The decisions an action may follow: the project's gate decisions, newest first.</summary>
    public IEnumerable<KeyValuePair<string, string>> ActionSources =>
        new[] { new KeyValuePair<string, string>("", Texts["SteeringGroupMeeting"]) }
            .Concat(Decisions.OrderByDescending(d => d.DecidedAt).Select(d => new KeyValuePair<string, string>(d.Id.ToString(), d.Title)));

    /// <summary>The project's independent quality assurances, oldest first.</summary>
    public IReadOnlyList<Assurance.IndependentAssuranceView> Assurances { get; private set; } = [];

    /// <summary>The category and the mandate's proposal with its facts.</summary>
    public ProjectCategoryView Category => ProjectView.CategoryOf(Project);

    /// <summary>Whether the signed-in employee may change the confirmed category.</summary>
    public bool MayChangeCategory => Project.Category is not null && May(Operations.ChangeCategory);

    /// <summary>Whether the signed-in employee may record assurance now: the Executive or the board, before BP3 or BP4.</summary>
    public bool MayRecordAssurance =>
        Project.Phase is Domain.Phases.Phase.Planning or Domain.Phases.Phase.Execution && May(Operations.RecordIndependentAssurance);

    public static string ReplaceForm(Guid assignmentId) => $"replace-{assignmentId:N}";

    public static string RemoveForm(Guid assignmentId) => $"remove-{assignmentId:N}";

    /// <summary>Whether the signed-in employee may replace or remove this assignment: the board the Executive, the Executive (or the board) the rest.</summary>
    public bool MayChange(RoleView role) => May(Operations.ReplaceRole) && ProjectAccess.Check(Standing, ProjectAccess.AppointmentOf(role.Role)) is null;

    /// <summary>The idea the project came from, when the project office proposed it from one.</summary>
    public Ideas.IdeaView? Idea { get; private set; }

    protected override async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        Idea = Project.IdeaId is { } ideaId ? await Database.ReadAsync(db => Ideas.IdeaStore.GetAsync(db, ideaId), cancellationToken) : null;
        Gate = (await gates.ReadAsync(Project, null, cancellationToken)).Value;
        BusinessCase = Gate?.OpenRequest is null ? null : await businessCase.ReadAsync(Project, cancellationToken);
        var mayRead = Archive.ExemptionReader.MayRead(Standing);
        Decisions = (await Database.ReadAsync(db => GateStore.DecisionsAsync(db, Project.Id, new Paging(Paging.MaxLimit, Guid.Empty, 0)), cancellationToken))
            .Select(d => d.SeenBy(mayRead)).ToList();
        Political = await Database.ReadAsync(db => Archive.ArchiveStore.PoliticalAsync(db, Project.Id), cancellationToken);
        Assurances = await Database.ReadAsync(db => Assurance.AssuranceStore.OfProjectAsync(db, Project.Id), cancellationToken);
        var today = Domain.Benefits.BenefitMath.Today(clock);
        FollowUps = (await Database.ReadAsync(db => Actions.ActionStore.OfProjectAsync(db, Project.Id), cancellationToken))
            .Select(a => a.ToView(today)).OrderBy(a => a.State).ThenBy(a => a.DueOn).ToList();
        (Groups, StakeholderGroups, Participating) = await Database.ReadAsync(
            async db => (await Api.Groups.GroupStore.OfProjectAsync(db, Project.Id), await CoCreation.CoCreationStore.GroupsAsync(db, Project.Id),
                await Programmes.ProgrammeStore.ParticipatingAsync(db, Project.Id)), cancellationToken);
        Timeline = await packs.TimelineAsync(Project, cancellationToken);
        History = HistoryRun.Fold(await Database.ReadAsync(db => AuditStore.NewestForProjectAsync(db, Project.Id, Paging.MaxLimit), cancellationToken));
    }
}
