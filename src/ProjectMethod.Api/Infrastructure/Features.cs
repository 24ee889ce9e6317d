using ProjectMethod.Api.Archive;
using ProjectMethod.Api.Actuals;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.BusinessCases;
using ProjectMethod.Api.Checklists;
using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.History;
using ProjectMethod.Api.Ideas;
using ProjectMethod.Api.Lessons;
using ProjectMethod.Api.Notifications;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Risks;
using ProjectMethod.Api.Roles;
using ProjectMethod.Api.Sectors;
using ProjectMethod.Api.Web;
using ProjectMethod.Api.Webhooks;

using ProjectMethod.Api.Actions;
using ProjectMethod.Api.Changes;
using ProjectMethod.Api.Programmes;
using ProjectMethod.Api.Groups;
using ProjectMethod.Api.Assurance;

namespace ProjectMethod.Api.Infrastructure;

public static class Features
{
    /// <summary>Every feature's endpoints, in the order of the method, then the pages; the start stops if they and the operation catalogue disagree.</summary>
    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapProjects().MapSteeringPack().MapRoles().MapBusinessCases().MapChecklists().MapLessons().MapGates();
        app.MapTolerances().MapWorkPackages().MapRisks().MapCoCreation().MapForecasts().MapActualCosts().MapExceptions().MapBenefits().MapProducts();
        app.MapPeople().MapSectors().MapPortfolio().MapPortfolioLists().MapIdeas().MapHistory().MapEvents().MapWebhooks().MapHandbooks().MapProjectHandbook().MapArchive();
        app.MapAssurance().MapActions().MapChanges().MapProgrammes().MapGroups();
        app.MapNotifications();
        app.MapWeb();
        Operations.CheckAgainst(((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints));
        return app;
    }
}
