using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Web.Pages;

/// <summary>
/// A project: its phases with the current one marked, the gate ahead with every criterion, its roles and decisions; and,
/// for whoever may, asking for the decision or deciding it — through the same use cases as the API, whose refusals are
/// shown beside the form they concern.
/// </summary>
public sealed class ProsjektModel(Database database, GateReader gates, GateDecisions decisions) : PageModel
{
    public ProjectRow Project { get; private set; } = null!;

    public GateView? Gate { get; private set; }

    public IReadOnlyList<RoleView> Roles { get; private set; } = [];

    public IReadOnlyList<DecisionView> Decisions { get; private set; } = [];

    /// <summary>Whether the signed-in employee prepares a decision point of this project (and so may ask).</summary>
    public bool MayRequest { get; private set; }

    /// <summary>Whether the signed-in employee decides at this project's decision points.</summary>
    public bool MayDecide { get; private set; }

    /// <summary>The refusal of the last form sent, as the API words it: its detail, the fields it names, the criteria unmet.</summary>
    public Refused? Refusal { get; private set; }

    [TempData]
    public string? Done { get; set; }

    [BindProperty]
    public string? Recommendation { get; set; }

    [BindProperty(Name = "decision")]
    public string? DecisionChoice { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    /// <summary>A refusal as the API words it, for the form it concerns: its detail, the fields it names, the criteria unmet.</summary>
    public sealed record Refused(string Form, string Detail, IReadOnlyDictionary<string, string[]> Fields, IReadOnlyList<string> Unmet)
    {
        public static Refused From(string form, ProblemHttpResult problem)
        {
            var details = problem.ProblemDetails;
            return new Refused(
                form,
                details.Detail ?? details.Title ?? "",
                details.Extensions.TryGetValue("errors", out var errors) && errors is IDictionary<string, string[]> fields
                    ? fields.ToDictionary(f => f.Key, f => f.Value)
                    : new Dictionary<string, string[]>(),
                details.Extensions.TryGetValue("unmetCriteria", out var unmet) && unmet is IEnumerable<CriterionResult> criteria
                    ? criteria.Select(c => c.Description).ToList()
                    : []);
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await decisions.RequestAsync(HttpContext, id, new RequestDecision(Recommendation));
        return await AnswerAsync(id, "request", result.Problem, "RequestDone", cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        Decision? decision = DecisionChoice switch { "approve" => Decision.Approve, "reject" => Decision.Reject, _ => null };
        var result = await decisions.DecideAsync(HttpContext, id, new MakeDecision(decision, Rationale));
        return await AnswerAsync(id, "decide", result.Problem, result.Value.Vote is null ? "DecisionDone" : "VoteDone", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, string form, ProblemHttpResult? problem, string done, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            Done = done;
            return RedirectToPage(new { id });
        }

        Refusal = Refused.From(form, problem);
        Response.StatusCode = problem.StatusCode;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await database.ReadAsync(db => ProjectStore.GetAsync(db, id), cancellationToken) is not { } project)
        {
            return false;
        }

        Project = project;
        Gate = (await gates.ReadAsync(project, null, cancellationToken)).Value;
        (Roles, Decisions) = await database.ReadAsync(async db => (
            await RoleStore.ViewsAsync(db, id),
            await GateStore.DecisionsAsync(db, id, new Paging(Paging.MaxLimit, Guid.Empty, 0))), cancellationToken);
        var assignments = Roles.Select(r => new Domain.Roles.RoleAssignment(r.Id, r.Role, r.UserId, r.DisplayName));
        var standing = ProjectStanding.Of(User.ToActor(), assignments, project.ProposerId);
        MayRequest = Gate is { OpenRequest: null } && ProjectAccess.Before.Preparer(standing) is null;
        MayDecide = Gate is { OpenRequest: not null } && ProjectAccess.Before.Decider(standing) is null;
        return true;
    }
}
