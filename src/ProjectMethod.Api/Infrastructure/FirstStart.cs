using Microsoft.Extensions.Options;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Handbooks;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>What a start fills in once after an upgrade, before the service answers: facts that newer versions keep and older ones did not.</summary>
public static class FirstStart
{
    /// <summary>
    /// The versions that existed before handbooks held their dimensions and threshold take them from the configuration
    /// (<c>Tolerances:*</c>) at the first start; after that the configuration changes no version and no project.
    /// </summary>
    public static async Task FillFromConfigurationAsync(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<ToleranceSettings>>().Value;
        await services.GetRequiredService<Database>().WriteAsync(async db => (true, await HandbookStore.SeedAsync(db, configured)), CancellationToken.None);
    }

    /// <summary>What an upgrade fills in at the first start: projects whose highlight reports predate the RAG they now carry.</summary>
    public static async Task FillProjectRagAsync(IServiceProvider services)
    {
        await services.GetRequiredService<Database>().WriteAsync(async db => (true, await ForecastStore.BackfillRagAsync(db)), CancellationToken.None);
    }
}
