using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Web;

var builder = WebApplication.CreateBuilder(args[SubCommands.OperandsOf(args)..]);
if (await SubCommands.RunInsteadOfServiceAsync(args, builder) is { } exitCode)
{
    return exitCode;
}

var limits = builder.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
});
builder.AddProjectMethod(limits);
builder.AddWeb();

var app = builder.Build();
await app.Services.GetRequiredService<Migrations>().ApplyAsync(CancellationToken.None);
await FirstStart.FillFromConfigurationAsync(app.Services);
await FirstStart.FillProjectRagAsync(app.Services);
app.UseProjectMethod(limits);
app.MapFeatures();

if (args is ["demo", ..])
{
    await SubCommands.RunDemoAsync(app);
    return 0;
}

await app.RunAsync();
return 0;

/// <summary>The service's entry point; public so tests can host it.</summary>
public partial class Program;
