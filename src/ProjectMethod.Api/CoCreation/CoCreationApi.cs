using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;

namespace ProjectMethod.Api.CoCreation;

public static class CoCreationApi
{
    public static IEndpointRouteBuilder MapCoCreation(this IEndpointRouteBuilder app)
    {
        var group = app.MapProjectScope("CoCreation");
        group.MapGet("/co-creation", Read).WithName(Operations.GetCoCreation).WithSummary("The co-creation register and what it came to")
            .WithDescription("Groups, plan, activities and inputs with their answers, and the summary: groups reached (someone took part), hard-to-reach groups reached, the highest IAP2 level per group and phase, each planned involvement against what was achieved, and inputs answered, unanswered and overdue (no answer 30 days after the activity, seen from today in Europe/Oslo).")
            .WithProblems(404);
        group.MapPost("/co-creation/groups", async (Guid id, StakeholderGroupRequest request, HttpContext http, CoCreationCommands commands) =>
                (await commands.AddGroupAsync(id, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/co-creation"))
            .WithName(Operations.AddStakeholderGroup).Allows(ProjectAction.ManageCoCreation).WithSummary("Register a stakeholder group")
            .WithDescription("The Project Manager, from concept on. A group, never named people: no personal data. hardToReach marks a group that is usually not heard. Each name once per project (409 group-exists).")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPut("/co-creation/plan", async (Guid id, CoCreationPlanRequest request, HttpContext http, CoCreationCommands commands) =>
                (await commands.SetPlanAsync(id, request, http.Caller())).AsOk(http))
            .WithName(Operations.SetCoCreationPlan).Allows(ProjectAction.ManageCoCreation).WithSummary("Set the co-creation plan")
            .WithDescription("The Project Manager, from concept on. The whole plan: for each group the intended IAP2 level per phase and the purpose. What was planned for a phase the project has left cannot change (409 co-creation-phase-passed): explain the gap instead. Where the handbook switches co-creation-plan on, BP2 needs every user group in the plan.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/co-creation/plan/gaps", async (Guid id, GapExplanationRequest request, HttpContext http, CoCreationCommands commands) =>
                (await commands.ExplainGapAsync(id, request, http.Caller())).AsOk(http))
            .WithName(Operations.ExplainCoCreationGap).Allows(ProjectAction.ManageCoCreation).WithSummary("Explain why a planned involvement was not held")
            .WithDescription("The Project Manager. Only for an involvement not yet met (409 co-creation-met otherwise) in a phase the project has reached (409 co-creation-not-yet otherwise). Where the handbook switches co-creation-plan on, BP4 needs each involvement planned before closure held or explained.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/co-creation/activities", async (Guid id, ActivityRequest request, HttpContext http, CoCreationCommands commands) =>
                (await commands.RecordActivityAsync(id, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/co-creation"))
            .WithName(Operations.RecordCoCreationActivity).Allows(ProjectAction.RecordCoCreationActivity).WithSummary("Record a co-creation activity")
            .WithDescription("The Project Manager or a team manager, once it is held: the date is today or earlier, the phase one the project has reached. Each group invited with how many took part (0: nobody came, and the group is not reached).")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/co-creation/activities/{activityId:guid}/inputs", async (Guid id, Guid activityId, InputRequest request, HttpContext http, CoCreationCommands commands) =>
                (await commands.RecordInputAsync(id, activityId, request, http.Caller())).AsCreated(http, _ => $"/api/v1/projects/{id}/co-creation"))
            .WithName(Operations.RecordCoCreationInput).Allows(ProjectAction.RecordCoCreationActivity).WithSummary("Record what a group said at an activity")
            .WithDescription("The Project Manager or a team manager. The group took part in the activity. The input waits for an answer from the activity's date and is overdue after 30 days.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/co-creation/inputs/{inputId:guid}/response", async (Guid id, Guid inputId, InputResponseRequest request, HttpContext http, CoCreationCommands commands) =>
                (await commands.RespondAsync(id, inputId, request, http.Caller())).AsOk(http))
            .WithName(Operations.AnswerCoCreationInput).Allows(ProjectAction.ManageCoCreation).WithSummary("Answer an input: you said, we did")
            .WithDescription("The Project Manager: adopted, adapted, notAdopted or later, with the explanation the participants get, and the product or decision it led to when there is one. An answer is final unless it was later (409 input-answered).")
            .WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Ok<CoCreationRegister>> Read(Guid id, Database database, IClock clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await database.ReadAsync(db => CoCreationStore.RegisterAsync(db, id, BenefitMath.Today(clock)), cancellationToken));
}
