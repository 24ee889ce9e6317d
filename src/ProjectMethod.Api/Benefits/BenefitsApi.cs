using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.Benefits;

public static class BenefitsApi
{
    public static IEndpointRouteBuilder MapBenefits(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("Benefits");
        group.MapGet("/benefits", List).WithName(Operations.ListBenefits).WithSummary("The benefits register with achievement, trend, forecast and status")
            .WithDescription("Derived on read, seen from today in Europe/Oslo: achievement %, trend of the last two measurements, the linear forecast at the target date, and onTrack / atRisk / realised / overdue.")
            .WithProblems(404);
        group.MapGet("/benefits/{benefitId:guid}", GetOne).WithName(Operations.GetBenefit).WithSummary("One benefit with its measurements and derived figures")
            .WithProblems(404);
        group.MapPost("/benefits", async (Guid id, BenefitRequest request, HttpContext http, BenefitCommands commands) =>
                (await commands.DefineAsync(id, request, http.Caller())).AsCreated(http, benefit => $"/api/v1/projects/{id}/benefits/{benefit.Id}")).WithName(Operations.DefineBenefit).Allows(ProjectAction.DefineBenefit).WithSummary("Define a benefit")
            .WithDescription("The Project Manager or the Benefit Owner. The owner is a Senior User or the Benefit Owner of the project.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/benefits/{benefitId:guid}", async (Guid id, Guid benefitId, BenefitRequest request, HttpContext http, BenefitCommands commands) =>
                (await commands.RedefineAsync(id, benefitId, request, http.Caller())).AsOk(http)).WithName(Operations.UpdateBenefit).Allows(ProjectAction.DefineBenefit).WithSummary("Complete or correct a benefit before its final evaluation")
            .WithDescription("The Project Manager or the Benefit Owner. From BP3 on, baseline, target and allowed shortfall change only through a decided change (409 benefit-baselined).").WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/measurements", Measure).WithName(Operations.RegisterMeasurement).Allows(ProjectAccess.Before.Measurer).WithSummary("Register a measurement")
            .WithDescription("The benefit's owner or the Benefit Owner, from execution on and after closure when the line carries it. In realisation a forecast short of target − shortfall raises an exception for the portfolio board.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/evaluation", Evaluate).WithName(Operations.EvaluateBenefit).Allows(ProjectAction.EvaluateBenefit).WithSummary("The final evaluation of a benefit")
            .WithDescription("The Benefit Owner, in closure or realisation: realised, partlyRealised or notRealised, with an explanation.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapGet("/benefits/{benefitId:guid}/versions", Versions).WithName(Operations.ListBenefitVersions)
            .WithSummary("Every version of a benefit's baseline, target and allowed shortfall, oldest first").WithProblems(404);
        group.MapGet("/benefits/{benefitId:guid}/changes", Changes).WithName(Operations.ListBenefitChanges)
            .WithSummary("The proposed changes of a baselined benefit and their decisions").WithProblems(404);
        group.MapGet("/benefits/{benefitId:guid}/changes/{changeId:guid}", GetChange).WithName(Operations.GetBenefitChange)
            .WithSummary("One proposed change of a benefit and its decision")
            .WithDescription("With Accept: application/pdf, its record as the archive files it: the benefit, the proposed baseline, target and allowed shortfall and why, who proposed it, and the decision with who took it, when and why; an A4 tagged PDF/A in bokmål, or English when Accept-Language prefers it.")
            .AlsoAs(MediaTypes.Pdf)
            .WithProblems(404);
        group.MapPost("/benefits/{benefitId:guid}/changes", ProposeChange).WithName(Operations.ProposeBenefitChange).Allows(ProjectAction.ProposeBenefitChange)
            .WithSummary("Propose a change of a baselined benefit")
            .WithDescription("The Project Manager or the Benefit Owner, once BP3 is approved (before it, edit the benefit). One proposal at a time per benefit.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/{benefitId:guid}/changes/{changeId:guid}/decision", async (Guid id, Guid benefitId, Guid changeId, DecideBenefitChange request, HttpContext http, BenefitCommands commands) =>
                (await commands.DecideChangeAsync(id, benefitId, changeId, request, http.Caller())).AsOk(http)).WithName(Operations.DecideBenefitChange).Allows(ProjectAccess.Before.ExecutiveOrBoard)
            .WithSummary("Approve or reject a proposed change of a benefit")
            .WithDescription("The Executive in execution, the portfolio board in closure and realisation; never the proposer. Approval makes the change the benefit's new version.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/benefits/reviews", async (Guid id, BenefitsReviewRequest request, HttpContext http, BenefitCommands commands) =>
                (await commands.ReviewAsync(id, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/benefits")).WithName(Operations.ReviewBenefits).Allows(ProjectAction.ReviewBenefits).WithSummary("Confirm (or not) that the benefits are still realistic")
            .WithDescription("The Benefit Owner. BP4 needs a confirmation in the current stage.").WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<ItemList<BenefitView>>> List(Guid id, HttpContext http, Database database, IClock clock, CancellationToken cancellationToken)
    {
        var phase = ProjectScope.Project(http).Phase;
        var (benefits, measurements) = await database.ReadAsync(
            async db => (await BenefitStore.ForProjectAsync(db, id), await BenefitStore.MeasurementsAsync(db, id)), cancellationToken);
        var today = BenefitMath.Today(clock);
        return TypedResults.Ok(new ItemList<BenefitView>(benefits.Select(b => BenefitView.From(b, measurements, today, phase)).ToList()));
    }

    private static async Task<Results<Ok<BenefitView>, ProblemHttpResult>> GetOne(
        Guid id, Guid benefitId, HttpContext http, Database database, IClock clock, CancellationToken cancellationToken)
    {
        var (benefit, measurements) = await database.ReadAsync(
            async db => (await BenefitStore.GetAsync(db, id, benefitId), await BenefitStore.MeasurementsAsync(db, id)), cancellationToken);
        return benefit is null
            ? Problems.NotFound("The benefit")
            : TypedResults.Ok(BenefitView.From(benefit, measurements, BenefitMath.Today(clock), ProjectScope.Project(http).Phase));
    }

    private static async Task<Results<Ok<ItemList<BenefitVersionView>>, ProblemHttpResult>> Versions(
        Guid id, Guid benefitId, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(async db => await BenefitStore.GetAsync(db, id, benefitId) is null ? null : await BenefitStore.VersionsAsync(db, benefitId), cancellationToken)
            is { } versions ? TypedResults.Ok(new ItemList<BenefitVersionView>(versions)) : Problems.NotFound("The benefit");

    private static async Task<Results<Ok<ItemList<BenefitChangeView>>, ProblemHttpResult>> Changes(
        Guid id, Guid benefitId, Database database, CancellationToken cancellationToken) =>
        await database.ReadAsync(async db => await BenefitStore.GetAsync(db, id, benefitId) is null ? null : await BenefitStore.ChangesAsync(db, benefitId), cancellationToken)
            is { } changes ? TypedResults.Ok(new ItemList<BenefitChangeView>(changes)) : Problems.NotFound("The benefit");

    private static Task<Results<Ok<BenefitChangeView>, FileContentHttpResult, ProblemHttpResult>> GetChange(
        Guid id, Guid benefitId, Guid changeId, HttpContext http, Database database, BenefitDocuments documents, CancellationToken cancellationToken) =>
        MediaTypes.JsonOrPdfAsync(http,
            () => database.ReadAsync(async db => await BenefitStore.GetAsync(db, id, benefitId) is null
                ? null
                : (await BenefitStore.ChangesAsync(db, benefitId)).FirstOrDefault(c => c.Id == changeId), cancellationToken),
            t => documents.ChangeAsync(ProjectScope.Project(http), benefitId, changeId, t, cancellationToken),
            $"gevinstendring-{changeId}.pdf", "The change");

    private static async Task<Results<Created<BenefitChangeView>, ProblemHttpResult>> ProposeChange(
        Guid id, Guid benefitId, ProposeBenefitChange request, HttpContext http, BenefitCommands commands)
    {
        var result = (await commands.ProposeChangeAsync(id, benefitId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Created<BenefitChangeView>, ProblemHttpResult>)TypedResults.Created(
            $"/api/v1/projects/{id}/benefits/{benefitId}/changes", result.Value);
    }

    private static async Task<Results<Created<MeasurementResult>, ProblemHttpResult>> Measure(
        Guid id, Guid benefitId, MeasurementRequest request, HttpContext http, BenefitCommands commands)
    {
        var result = (await commands.RegisterAsync(id, benefitId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Created<MeasurementResult>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/benefits", result.Value);
    }

    private static async Task<Results<Ok<BenefitView>, ProblemHttpResult>> Evaluate(
        Guid id, Guid benefitId, EvaluationRequest request, HttpContext http, BenefitCommands commands)
    {
        var result = (await commands.EvaluateAsync(id, benefitId, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<BenefitView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }
}
