using ProjectMethod.Domain.Handbooks;

namespace ProjectMethod.Domain.Roles;

/// <summary>A combination rule of the project organisation that an assignment would break.</summary>
public sealed record RoleRuleViolation(string Rule, string Description);

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

    private static string Kebab(ProjectRole role) => role switch
    {
        ProjectRole.Executive => "executive",
        ProjectRole.ProjectManager => "project-manager",
        ProjectRole.BenefitOwner => "benefit-owner",
        _ => role.ToString().ToLowerInvariant(),
    };
}
