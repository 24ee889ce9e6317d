using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Exceptions;

namespace ProjectMethod.Api.ManageByException;

/// <summary>
/// The decision on an exception. approveExceptionPlan names an exception plan (plan, and tolerances where they change);
/// adjustTolerances names the tolerances that change. Whatever is left out keeps its current value.
/// </summary>
/// <summary>
/// The owner's decision on an exception, and why. Whoever decides may exempt the exception's report and decisions from
/// public access (a section of offentleglova) and give the title the public reads in the archive's journal; once exempt,
/// it stays exempt.
/// </summary>
public sealed record ExceptionDecisionRequest(
    ExceptionDecision? Decision, string? Rationale, StagePlanChange? Plan = null, ToleranceSetChange? Tolerances = null, Archive.ExemptionBasis? Exemption = null,
    string? PublicTitle = null);

public sealed record ExceptionDecisionView(ExceptionView Exception, ForecastView? Rejudged);

public static class ExceptionsApi
{
    public static IEndpointRouteBuilder MapExceptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Exceptions");
        group.MapGet("/exceptions", List).WithName(Operations.ListExceptions).WithSummary("The project's exceptions")
            .WithDescription("Raised, reported, escalated, decided and superseded by a stop, oldest first.").WithProblems(404);
        group.MapGet("/exceptions/{exceptionId:guid}", GetOne).WithName(Operations.GetException).WithSummary("One exception, with its report and decision")
            .WithDescription("With Accept: application/pdf, its record as the steering group and the archive read it: the forecast against what was allowed, the exception report, and the decision with the decider's name and role and the rationale; an A4 tagged PDF/A in bokmål, or English when Accept-Language prefers it.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(404);
        group.MapPost("/exceptions/{exceptionId:guid}/report", async (Guid id, Guid exceptionId, ExceptionReport request, HttpContext http, ExceptionCommands commands) =>
                (await commands.ReportAsync(id, exceptionId, request, http.Caller())).AsOk(http)).WithName(Operations.ReportException).Allows(ProjectAccess.Before.Reporter)
            .WithSummary("Submit the exception report")
            .WithDescription("The Project Manager: cause, consequences, options with their effects, recommendation. A benefit exception in realisation: the Benefit Owner or the benefit's owner in the line.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/exceptions/{exceptionId:guid}/decision", async (Guid id, Guid exceptionId, ExceptionDecisionRequest request, HttpContext http, ExceptionCommands commands) =>
                (await commands.DecideAsync(id, exceptionId, request, http.Caller())).AsOk(http)).WithName(Operations.DecideException).Allows(ProjectAccess.Before.ExceptionDecider)
            .WithSummary("Decide an exception")
            .WithDescription("The Executive for a stage exception; the portfolio board for a project or escalated one; never the reporter. approveExceptionPlan and adjustTolerances set a new baseline (inside the decider's authority) and judge the latest forecast again: the baseline is the current one with the changes laid over it — a tolerance dimension, a side of a band or a plan field left out keeps its current value, and the stage keeps its products in scope and the products it carries on. prematureClosure only before closure.")
            .WithProblems(400, 403, 404, 409, 412);
        app.MapGet("/api/v1/escalations", Escalations).WithTags("Exceptions").WithName(Operations.ListEscalations).RequireAuthorization(Policies.PortfolioBoard)
            .WithSummary("The portfolio board's inbox").WithDescription("Undecided project exceptions and escalated stage exceptions across all projects.")
            .WithProblems(403);
        return app;
    }

    private static async Task<Ok<ItemList<ExceptionView>>> List(Guid id, HttpContext http, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<ExceptionView>(await database.ReadAsync(async db =>
        {
            var mayRead = await Archive.ExemptionReader.MayReadAsync(db, http.User.ToActor(), id);
            return (await ExceptionStore.ForProjectAsync(db, id)).Select(e => e.SeenBy(mayRead)).ToList();
        }, cancellationToken)));

    private static Task<Results<Ok<ExceptionView>, FileContentHttpResult, ProblemHttpResult>> GetOne(
        Guid id, Guid exceptionId, HttpContext http, Database database, ExceptionDocuments documents, CancellationToken cancellationToken) =>
        MediaTypes.JsonOrPdfAsync(http,
            () => database.ReadAsync(async db => (await ExceptionStore.GetAsync(db, id, exceptionId))?.SeenBy(await Archive.ExemptionReader.MayReadAsync(db, http.User.ToActor(), id)),
                cancellationToken),
            t => documents.RecordAsync(ProjectScope.Project(http), exceptionId, t, cancellationToken, http.User.ToActor()),
            $"unntak-{exceptionId}.pdf", "The exception");

    private static async Task<Ok<ItemList<ExceptionView>>> Escalations(Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<ExceptionView>(await database.ReadAsync(ExceptionStore.EscalationsAsync, cancellationToken)));
}
