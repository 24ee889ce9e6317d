using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.BusinessCases;
using ProjectMethod.Api.Checklists;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Webhooks;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The service's parts, registered once: storage, time, JSON, auth, limits, webhooks and the gates' facts.</summary>
public static class Composition
{
    public static WebApplicationBuilder AddProjectMethod(this WebApplicationBuilder builder, LimitOptions limits)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Storage, time and JSON
        var storage = Storage.From(configuration);
        services.AddSingleton(storage);
        services.AddSingleton(SqlDialect.For(storage));
        services.AddSingleton<Database>();
        services.AddSingleton<Migrations>();
        services.AddSingleton<IClock>(new MicrosecondClock(SystemClock.Instance));
        services.AddSingleton<ProjectWrites>();
        services.AddSingleton<People.PeopleReader>();
        services.AddSingleton<People.PeopleCommands>();
        services.AddSingleton<ProjectViews>();
        services.AddSingleton<Gates.GateReader>();
        services.AddSingleton<Gates.GateCommands>();
        services.AddSingleton<Documents.Letterhead>();
        services.AddSingleton<Gates.GateDocuments>();
        services.AddSingleton<Handbooks.HandbookDocuments>();
        services.AddSingleton<Benefits.BenefitDocuments>();
        services.AddSingleton<Ideas.IdeaDocuments>();
        services.AddSingleton<ManageByException.ExceptionDocuments>();
        services.AddSingleton<Portfolio.PortfolioReportReader>();
        services.AddSingleton<Portfolio.PortfolioDocuments>();
        services.AddSingleton<Lessons.LessonDocuments>();
        services.AddSingleton<ManageByException.ForecastDocuments>();
        services.AddSingleton<Projects.SteeringPackReader>();
        services.AddSingleton<Projects.SteeringPackDocuments>();
        services.AddSingleton<Portfolio.PortfolioReader>();
        services.AddSingleton<Benefits.BenefitCommands>();
        services.AddSingleton<BusinessCases.BusinessCaseCommands>();
        services.AddSingleton<Checklists.ChecklistCommands>();
        services.AddSingleton<CoCreation.CoCreationCommands>();
        services.AddSingleton<ManageByException.ExceptionCommands>();
        services.AddSingleton<ManageByException.ForecastCommands>();
        services.AddSingleton<Ideas.IdeaCommands>();
        services.AddSingleton<Lessons.LessonCommands>();
        services.AddSingleton<Products.ProductCommands>();
        services.AddSingleton<ProjectCommands>();
        services.AddSingleton<Risks.RiskCommands>();
        services.AddSingleton<Roles.RoleCommands>();
        services.AddSingleton<ToleranceCommands>();
        services.AddSingleton<Handbooks.HandbookCommands>();
        services.AddSingleton<BusinessCases.BusinessCaseReader>();
        services.AddSingleton<Ideas.IdeaReader>();
        services.AddSingleton<Lessons.LessonReader>();
        services.AddSingleton<ToleranceReader>();
        services.AddSingleton<ManageByException.WorkPackageCommands>();
        services.AddSingleton<Actuals.ActualCostCommands>();
        services.AddSingleton<Sectors.SectorCommands>();
        services.AddSingleton<Webhooks.WebhookCommands>();
        services.Configure<JsonOptions>(options => Json.Configure(options.SerializerOptions));
        // In the API's answers (never in what is stored) a user id marked as a person is the person with their name.
        services.AddOptions<JsonOptions>().Configure<People.PeopleReader>((options, directory) =>
            options.SerializerOptions.TypeInfoResolver = options.SerializerOptions.TypeInfoResolver!.WithAddedModifier(People.PersonFields.Writer(directory)));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        TypeHandlers.Register();

        // Who may, and how much
        services.AddBearerAuth(AuthOptions.From(configuration));
        services.AddPolicies();
        services.AddHardening(limits);
        services.AddProjectMethodOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // Webhooks: the outbox's sender, and the only HTTP client that leaves the service (no redirects followed)
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = NetworkGuard.Connect(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks),
        });
        services.AddSingleton<WebhookSender>();

        // The archive: the outbox's sender, its transports (chosen by Archive:Transport) and the documents it issues
        services.Configure<Archive.ArchiveOptions>(configuration.GetSection(Archive.ArchiveOptions.Section));
        services.AddHttpClient(HttpArchiveTransport.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<HttpArchiveTransport>();
        services.AddSingleton<FolderArchiveTransport>();
        services.AddSingleton<Archive.RecordDocuments>();
        services.AddSingleton<Archive.PoliticalDecisionCommands>();
        services.AddSingleton<Assurance.AssuranceCommands>();
        services.AddSingleton<Actions.ActionCommands>();
        services.AddSingleton<Changes.ChangeCommands>();
        services.AddSingleton<Programmes.ProgrammeCommands>();
        services.AddSingleton<Programmes.ProgrammeReader>();
        services.AddSingleton<Groups.GroupCommands>();
        services.AddSingleton<Archive.ArchiveCommands>();
        services.AddSingleton<ArchiveSender>();
        services.AddHostedService(provider => provider.GetRequiredService<ArchiveSender>());
        services.AddHostedService(provider => provider.GetRequiredService<WebhookSender>());

        // Notifications: e-mail through the municipality's mail server (an outbox and its sender), the reminders job, the calendar feed
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<Notifications.NotificationReader>();
        services.AddSingleton<Notifications.NotificationCommands>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationReminders>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationSender>());
        services.AddHostedService(provider => provider.GetRequiredService<NotificationReminders>());

        // The facts each feature contributes to the decision points
        services.AddSingleton<GateFactsReader>();
        services.AddSingleton<IGateFactsSource, BusinessCaseGateFacts>();
        services.AddSingleton<IGateFactsSource, LessonGateFacts>();
        services.AddSingleton<IGateFactsSource, ChecklistGateFacts>();
        services.AddSingleton<IGateFactsSource, ToleranceGateFacts>();
        services.AddSingleton<IGateFactsSource, BenefitGateFacts>();
        services.AddSingleton<IGateFactsSource, ProductGateFacts>();
        services.AddSingleton<IGateFactsSource, VoteGateFacts>();
        services.AddSingleton<IGateFactsSource, Risks.RiskGateFacts>();
        services.AddSingleton<IGateFactsSource, CoCreation.CoCreationGateFacts>();
        services.AddSingleton<IGateFactsSource, Archive.PoliticalGateFacts>();
        services.AddSingleton<IGateFactsSource, Assurance.AssuranceGateFacts>();
        services.AddSingleton<IGateFactsSource, Actions.ActionGateFacts>();
        services.Configure<ToleranceSettings>(configuration.GetSection(ToleranceSettings.Section));
        return builder;
    }

    /// <summary>The middleware every request passes, in order.</summary>
    public static WebApplication UseProjectMethod(this WebApplication app, LimitOptions limits)
    {
        app.UseMiddleware<Web.ProblemLanguage>();
        app.UseProblemResponses();
        // What escapes a page is the Norwegian error page, never the API's JSON.
        app.UseWhen(StatusCodePages.IsPage, pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/feil/500",
            StatusCodeSelector = exception => Unavailable.Is(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        }));
        app.UseSecurityHeaders(Web.Web.SignIn.From(app.Configuration)?.Origin);
        // A page route that has nothing to show answers with a Norwegian page; everything else with a problem.
        app.UseWhen(StatusCodePages.IsPage, pages => pages.UseStatusCodePagesWithReExecute("/feil/{0}"));
        app.UseWhen(context => !StatusCodePages.IsPage(context), api => api.UseStatusCodePages(StatusCodePages.WriteProblem));

        // Routing after the status code pages, so that a page shown again for a status is matched to its endpoint anew.
        app.UseRouting();
        app.UseBodyLimit(limits);
        if (app.Configuration.GetValue<bool>("SwaggerUi:Enabled"))
        {
            app.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint("/openapi/v1.json", "ProjectMethod v1");
                options.RoutePrefix = "swagger";
            });
        }

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<SignInRecorder>();
        app.UseMiddleware<QueryParameters>();
        app.UseMiddleware<ConditionalReads>();
        app.UseMiddleware<ProjectGuard>();
        app.UseMiddleware<Idempotency>();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealth();
        return app;
    }
}
