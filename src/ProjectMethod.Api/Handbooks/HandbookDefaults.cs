using Microsoft.Extensions.Options;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tolerances;

namespace ProjectMethod.Api.Handbooks;

/// <summary>What the configuration still decides about handbooks: the contents of the versions made before they held them.</summary>
public static class HandbookDefaults
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
}
