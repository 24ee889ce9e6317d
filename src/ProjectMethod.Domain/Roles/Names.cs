namespace ProjectMethod.Domain.Roles;

/// <summary>The roles' names as people read them in messages.</summary>
public static class Names
{
    public static string Of(ProjectRole role) => role switch
    {
        ProjectRole.Executive => "Executive",
        ProjectRole.SeniorUser => "Senior User",
        ProjectRole.SeniorSupplier => "Senior Supplier",
        ProjectRole.ProjectManager => "Project Manager",
        ProjectRole.BenefitOwner => "Benefit Owner",
        ProjectRole.TeamManager => "Team Manager",
        ProjectRole.ProjectAssurance => "Project Assurance",
        ProjectRole.ProjectSupport => "Project Support",
        _ => role.ToString(),
    };

    /// <summary>The role as the API writes it (projectManager): how a reason names it for each language to translate.</summary>
    public static string Wire(ProjectRole role) => WireNames.Of(role);
}
