using Microsoft.AspNetCore.Http.Json;
using NodaTime;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.BusinessCases;
using ProjectMethod.Api.Checklists;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Exceptions;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.History;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Roles;
using ProjectMethod.Api.Tolerances;
using ProjectMethod.Api.Webhooks;

var builder = WebApplication.CreateBuilder(args);

if (args is ["token", ..])
{
    return DevelopmentTokens.Print(AuthOptions.From(builder.Configuration), args[1..], Console.Out);
}

if (args is ["phase-machine"])
{
    Console.Out.WriteLine(PhaseMachine.Mermaid(CriteriaCatalogue.Default));
    return 0;
}

var limits = builder.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
});

// Infrastructure
var storage = Storage.From(builder.Configuration);
builder.Services.AddSingleton(storage);
builder.Services.AddSingleton(SqlDialect.For(storage));
builder.Services.AddSingleton<Database>();
builder.Services.AddSingleton<Migrations>();
builder.Services.AddSingleton<IClock>(new MicrosecondClock(SystemClock.Instance));
builder.Services.AddSingleton<ProjectWrites>();
builder.Services.Configure<JsonOptions>(options => Json.Configure(options.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddBearerAuth(AuthOptions.From(builder.Configuration));
builder.Services.AddEventPolicies();
builder.Services.AddWebhookPolicy();
builder.Services.AddHardening(limits);
builder.Services.AddProjectMethodOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

// Webhooks: the outbox's sender, and the only HTTP client that leaves the service (no redirects followed)
builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
builder.Services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
builder.Services.AddSingleton<WebhookSender>();
builder.Services.AddHostedService(services => services.GetRequiredService<WebhookSender>());

// The facts each feature contributes to the decision points
builder.Services.AddSingleton<GateFactsLoader>();
builder.Services.AddSingleton<IGateFactsSource, BusinessCaseFacts>();
builder.Services.AddSingleton<IGateFactsSource, LessonFacts>();
builder.Services.AddSingleton<IGateFactsSource, ChecklistFacts>();
builder.Services.AddSingleton<IGateFactsSource, ToleranceFacts>();
builder.Services.AddSingleton<IGateFactsSource, BenefitFacts>();
builder.Services.Configure<ToleranceSettings>(builder.Configuration.GetSection(ToleranceSettings.Section));
builder.Services.AddSingleton(services => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ToleranceSettings>>().Value);

TypeHandlers.Register();
var app = builder.Build();
await app.Services.GetRequiredService<Migrations>().ApplyAsync(CancellationToken.None);

app.UseProblemResponses();
app.UseSecurityHeaders();
app.UseStatusCodePages(StatusCodePages.WriteProblem);
app.UseBodyLimit(limits);
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "ProjectMethod v1");
    options.RoutePrefix = "swagger";
});
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<Idempotency>();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealth();

app.MapProjects();
app.MapRoles();
app.MapBusinessCases();
app.MapChecklists();
app.MapLessons();
app.MapGates();
app.MapTolerances();
app.MapWorkPackages();
app.MapRisks();
app.MapExceptions();
app.MapBenefits();
app.MapPortfolio();
app.MapHistory();
app.MapEvents();
app.MapWebhooks();

await app.RunAsync();
return 0;

/// <summary>The service's entry point; public so tests can host it.</summary>
public partial class Program;
