using ProjectMethod.Api.Actuals;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.BusinessCases;
using ProjectMethod.Api.Checklists;
using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.History;
using ProjectMethod.Api.Ideas;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Roles;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Api.Web;
using ProjectMethod.Api.Webhooks;
using ProjectMethod.Api.WorkPackages;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;

// A sub-command's own words are not configuration: "backup <file>", "verify [<file>]"; what follows them is.
var operands = args switch
{
    ["backup", _, ..] => 2,
    ["verify", var next, ..] when !next.StartsWith('-') => 2,
    ["verify", ..] or ["demo", ..] => 1,
    _ => 0,
};
var builder = WebApplication.CreateBuilder(args[operands..]);

// Sub-commands: a development token, and the phase machine as a Mermaid diagram.
if (args is ["token", ..])
{
    return DevelopmentTokens.Print(AuthOptions.From(builder.Configuration), args[1..], Console.Out);
}

if (args is ["phase-machine" or "product-machine"])
{
    Console.Out.WriteLine(args[0] == "phase-machine" ? PhaseMachine.Mermaid(CriteriaCatalogue.Default) : ProductMachine.Mermaid());
    return 0;
}

// Maintenance: an online backup of SQLite, and a verification that changes nothing (of the given file, or the configured database).
if (args is ["backup", var target, ..])
{
    return await Maintenance.BackupAsync(Storage.From(builder.Configuration), target, Console.Out);
}

if (args is ["verify", ..])
{
    if (args is [_, var file, ..] && !file.StartsWith('-'))
    {
        if (!File.Exists(file))
        {
            Console.Out.WriteLine($"{file} does not exist.");
            return 2;
        }

        builder.Configuration["Storage:Provider"] = SqliteDialect.Name;
        builder.Configuration["ConnectionStrings:ProjectMethod"] = $"Data Source={file};Mode=ReadOnly";
    }

    builder.AddProjectMethod(new LimitOptions());
    var services = builder.Build().Services;
    return await Maintenance.VerifyAsync(services.GetRequiredService<StorageOptions>(), services.GetRequiredService<Database>(), Console.Out);
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

// The features, in the order of the method.
app.MapProjects().MapRoles().MapBusinessCases().MapChecklists().MapLessons().MapGates();
app.MapTolerances().MapWorkPackages().MapRisks().MapCoCreation().MapForecasts().MapActualCosts().MapExceptions().MapBenefits().MapProducts();
app.MapPeople().MapSectors().MapPortfolio().MapPortfolioReads().MapIdeas().MapHistory().MapEvents().MapWebhooks().MapHandbooks().MapProjectHandbook();
app.MapWeb();

if (args is ["demo", ..])
{
    // The service as usual, filled first with a demo municipality through its own API (Development: dev tokens).
    await app.StartAsync();
    await Demo.SeedAsync(new Uri(app.Urls.First()), AuthOptions.From(app.Configuration), Console.Out, CancellationToken.None);
    await app.WaitForShutdownAsync();
    return 0;
}

await app.RunAsync();
return 0;

/// <summary>The service's entry point; public so tests can host it.</summary>
public partial class Program;
