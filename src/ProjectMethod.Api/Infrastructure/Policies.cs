using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The authorisation policies of the global roles; project roles are checked by the domain's access rules.</summary>
public static class Policies
{
    public const string FeedReaders = "feed-readers";
    public const string AuditVerifiers = "audit-verifiers";
    public const string PortfolioBoard = "portfolio-board";
    public const string Admins = "admins";

    /// <summary>Who keeps the register of people in step with the municipality's directory: an admin or an integrator.</summary>
    public const string DirectorySync = "directory-sync";

    /// <summary>Who subscribes webhooks: an admin (who sees and removes every subscription) or an integrator (its own).</summary>
    public const string WebhookOwners = "webhook-owners";

    /// <summary>The municipality's archive adapter, posting receipts back: an integrator.</summary>
    public const string ArchiveAdapters = "archive-adapters";

    /// <summary>The project office: whoever manages the handbooks (admin or portfolio board).</summary>
    public const string ProjectOffice = "project-office";

    public static IServiceCollection AddPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(FeedReaders, policy => policy.RequireRole(GlobalRoles.Integrator, GlobalRoles.PortfolioBoard))
            .AddPolicy(AuditVerifiers, policy => policy.RequireRole(GlobalRoles.PortfolioBoard, GlobalRoles.Admin))
            .AddPolicy(PortfolioBoard, policy => policy.RequireRole(GlobalRoles.PortfolioBoard))
            .AddPolicy(Admins, policy => policy.RequireRole(GlobalRoles.Admin))
            .AddPolicy(DirectorySync, policy => policy.RequireRole(GlobalRoles.Admin, GlobalRoles.Integrator))
            .AddPolicy(WebhookOwners, policy => policy.RequireRole(GlobalRoles.Admin, GlobalRoles.Integrator))
            .AddPolicy(ArchiveAdapters, policy => policy.RequireRole(GlobalRoles.Integrator))
            .AddPolicy(ProjectOffice, policy => policy.RequireRole(GlobalRoles.Admin, GlobalRoles.PortfolioBoard));
        return services;
    }
}
