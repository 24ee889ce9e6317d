using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Roles;

/// <summary>A combination rule of the project organisation that an assignment would break.</summary>
public sealed record RoleRuleViolation(string Rule, string Description)
{
    /// <summary>The refusal of a change that breaks the rule, naming it.</summary>
    public DomainError ToError() =>
        DomainError.Conflict("role-rule-broken", "Role rule broken", Description) with { Extensions = new Dictionary<string, object?> { ["rule"] = Rule } };
}

/// <summary>
/// The rules of DESIGN §3 for who may hold which roles together. One rule set, used both when a role is assigned
/// and again at the decision points.
/// </summary>
public static class RoleRules
{
    private static readonly ProjectRole[] SingleHolderRoles = [ProjectRole.Executive, ProjectRole.ProjectManager, ProjectRole.BenefitOwner];

    private sealed record Exclusion(string Rule, ProjectRole First, ProjectRole Second, string Description, Func<RoleWaivers, bool>? WaivedBy = null);

    private static readonly Exclusion[] Exclusions =
    [
        new("executive-not-project-manager", ProjectRole.Executive, ProjectRole.ProjectManager,
            "The Executive cannot also be the Project Manager."),
        new("assurance-independent", ProjectRole.ProjectAssurance, ProjectRole.ProjectManager,
            "Project Assurance is never the Project Manager."),
        new("assurance-independent", ProjectRole.ProjectAssurance, ProjectRole.TeamManager,
            "Project Assurance is never a Team Manager."),
        new("assurance-independent", ProjectRole.ProjectAssurance, ProjectRole.ProjectSupport,
            "Project Assurance is never Project Support: support works for the Project Manager, assurance looks at the project for the board."),
        new("project-manager-not-on-board", ProjectRole.ProjectManager, ProjectRole.SeniorUser,
            "The Project Manager holds no board role (Senior User) unless the handbook's projectManagerMayHoldBoardRole waiver allows it.",
            w => w.ProjectManagerMayHoldBoardRole),
        new("project-manager-not-on-board", ProjectRole.ProjectManager, ProjectRole.SeniorSupplier,
            "The Project Manager holds no board role (Senior Supplier) unless the handbook's projectManagerMayHoldBoardRole waiver allows it.",
            w => w.ProjectManagerMayHoldBoardRole),
        new("business-and-supplier-apart", ProjectRole.Executive, ProjectRole.SeniorSupplier,
            "The Executive represents the business and cannot also be a Senior Supplier."),
        new("user-and-supplier-apart", ProjectRole.SeniorUser, ProjectRole.SeniorSupplier,
            "A Senior User cannot also be a Senior Supplier for the same project unless the handbook's seniorUserMayBeSeniorSupplier waiver allows it (an in-house project).",
            w => w.SeniorUserMayBeSeniorSupplier),
        new("benefit-owner-in-the-line", ProjectRole.BenefitOwner, ProjectRole.ProjectManager,
            "The Benefit Owner is a line manager and cannot be the Project Manager."),
        new("benefit-owner-in-the-line", ProjectRole.BenefitOwner, ProjectRole.SeniorSupplier,
            "The Benefit Owner may be the Executive or a Senior User, not a Senior Supplier."),
        new("benefit-owner-in-the-line", ProjectRole.BenefitOwner, ProjectRole.TeamManager,
            "The Benefit Owner may be the Executive or a Senior User, not a Team Manager."),
    ];

    /// <summary>Every rule the whole set of assignments breaks.</summary>
    public static IReadOnlyList<RoleRuleViolation> Violations(IReadOnlyCollection<RoleAssignment> assignments, RoleWaivers waivers)
    {
        var violations = new List<RoleRuleViolation>();
        foreach (var role in SingleHolderRoles)
        {
            if (assignments.Count(a => a.Role == role) > 1)
            {
                violations.Add(new RoleRuleViolation($"single-{Kebab(role)}", $"A project has exactly one {Names.Of(role)}."));
            }
        }

        foreach (var person in assignments.GroupBy(a => a.UserId, StringComparer.Ordinal))
        {
            var held = person.Select(a => a.Role).ToList();
            if (held.Count != held.Distinct().Count())
            {
                violations.Add(new RoleRuleViolation("no-duplicate-role", $"{person.Key} holds the same role twice."));
            }

            violations.AddRange(Exclusions
                .Where(e => held.Contains(e.First) && held.Contains(e.Second))
                .Where(e => e.WaivedBy?.Invoke(waivers) != true)
                .Select(e => new RoleRuleViolation(e.Rule, e.Description)));
        }

        return violations;
    }

    /// <summary>The first rule that adding this assignment would break, or null when it may be made.</summary>
    public static RoleRuleViolation? CheckAssignment(
        IReadOnlyCollection<RoleAssignment> existing, RoleAssignment candidate, RoleWaivers waivers)
    {
        var before = Violations(existing, waivers).ToHashSet();
        return Violations([.. existing, candidate], waivers).FirstOrDefault(v => !before.Contains(v));
    }

    /// <summary>
    /// The first rule that putting <paramref name="candidate"/> in place of <paramref name="replaced"/> would break, or
    /// null when the replacement may be made: the combination rules hold for the organisation as it would be.
    /// </summary>
    public static RoleRuleViolation? CheckReplacement(
        IReadOnlyCollection<RoleAssignment> existing, RoleAssignment replaced, RoleAssignment candidate, RoleWaivers waivers)
    {
        if (string.Equals(replaced.UserId, candidate.UserId, StringComparison.Ordinal))
        {
            return new RoleRuleViolation("same-holder", $"{candidate.UserId} already holds this role: a replacement names somebody else.");
        }

        return CheckAssignment(existing.Where(a => a.Id != replaced.Id).ToList(), candidate with { Role = replaced.Role }, waivers);
    }

    /// <summary>
    /// A role that a decision point already passed required stays filled: the Executive from concept on, the Project
    /// Manager and the Benefit Owner from planning on, a Senior User and a Senior Supplier from execution on (DESIGN §2).
    /// Such a holder is replaced, not removed. Null when the removal may be made.
    /// </summary>
    public static RoleRuleViolation? CheckRemoval(IReadOnlyCollection<RoleAssignment> existing, RoleAssignment removed, Phase phase)
    {
        var requiredFrom = removed.Role switch
        {
            ProjectRole.Executive => (Phase?)Phase.Concept,
            ProjectRole.ProjectManager or ProjectRole.BenefitOwner => Phase.Planning,
            ProjectRole.SeniorUser or ProjectRole.SeniorSupplier => Phase.Execution,
            _ => null,
        };
        var othersHoldIt = existing.Any(a => a.Id != removed.Id && a.Role == removed.Role);
        return requiredFrom is { } from && phase >= from && phase != Phase.Rejected && !othersHoldIt
            ? new RoleRuleViolation("role-required",
                $"The project has passed the decision point that requires its {Names.Of(removed.Role)}: replace {removed.UserId} instead of removing them.")
            : null;
    }

    private static string Kebab(ProjectRole role) => role switch
    {
        ProjectRole.Executive => "executive",
        ProjectRole.ProjectManager => "project-manager",
        ProjectRole.BenefitOwner => "benefit-owner",
        _ => role.ToString().ToLowerInvariant(),
    };
}
