namespace ProjectMethod.Domain.Roles;

/// <summary>A role in the project organisation (prosjektorganisasjonen).</summary>
public enum ProjectRole
{
    /// <summary>Prosjekteier: the business interest; exactly one.</summary>
    Executive,

    /// <summary>Seniorbruker: the user interest; one or more.</summary>
    SeniorUser,

    /// <summary>Seniorleverandør: the supplier interest; one or more.</summary>
    SeniorSupplier,

    /// <summary>Prosjektleder; exactly one.</summary>
    ProjectManager,

    /// <summary>Gevinstansvarlig: a line manager; exactly one.</summary>
    BenefitOwner,

    TeamManager,

    ProjectAssurance,

    /// <summary>Prosjektstøtte: administers the project for the Project Manager (registers, plans, meetings); never its assurance.</summary>
    ProjectSupport,
}

/// <summary>One person holding one role on one project.</summary>
public sealed record RoleAssignment(Guid Id, ProjectRole Role, string UserId, string DisplayName);

/// <summary>Global roles carried in the token.</summary>
public static class GlobalRoles
{
    public const string PortfolioBoard = "portfolio-board";
    public const string Admin = "admin";
    public const string Integrator = "integrator";
}
