using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>Ready means the database answers and its schema is in place.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var migrations = await database.ReadAsync(Migrations.CountAppliedAsync, cancellationToken);
            return migrations > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No migrations applied.");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or DatabaseUnavailableException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}

public static class Health
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
