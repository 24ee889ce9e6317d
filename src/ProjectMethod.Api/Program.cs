using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.BusinessCases;
using ProjectMethod.Api.Checklists;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Forecasts;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.History;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Roles;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Api.Webhooks;
using ProjectMethod.Api.WorkPackages;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;

var builder = WebApplication.CreateBuilder(args);

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

var limits = builder.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
});
builder.AddProjectMethod(limits);

var app = builder.Build();
await app.Services.GetRequiredService<Migrations>().ApplyAsync(CancellationToken.None);
await FirstStart.FillFromConfigurationAsync(app.Services);
await FirstStart.FillProjectRagAsync(app.Services);
app.UseProjectMethod(limits);

// The features, in the order of the method.
app.MapProjects().MapRoles().MapBusinessCases().MapChecklists().MapLessons().MapGates();
app.MapTolerances().MapWorkPackages().MapRisks().MapForecasts().MapExceptions().MapBenefits().MapProducts();
app.MapPortfolio().MapHistory().MapEvents().MapWebhooks().MapHandbooks().MapProjectHandbook();

await app.RunAsync();
return 0;

/// <summary>The service's entry point; public so tests can host it.</summary>
public partial class Program;
