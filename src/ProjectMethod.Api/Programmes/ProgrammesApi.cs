using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Programmes;

public static class ProgrammesApi
{
    /// <summary>Who names a project's participating sectors: the Executive or the portfolio board.</summary>
    public static DomainError? SectorNamer(ProjectStanding s) =>
        s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard ? null : DomainError.Forbidden("Only the Executive or the portfolio board names the sectors a project involves.");

    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/programmes").WithTags("Programmes");
        group.MapGet("/", List).WithName(Operations.ListProgrammes).WithSummary("The programmes")
            .WithDescription("Any employee. Each programme with its owner, the sectors it spans, how many projects it holds and how many exceptions are open in it (its projects' at every level, and breaches of its own tolerances).")
            .WithProblems();
        group.MapPost("/", Create).WithName(Operations.CreateProgramme).RequireAuthorization(Policies.PortfolioBoard)
            .WithSummary("Create a programme")
            .WithDescription("The portfolio board: a name and purpose, the owner (the programme's Executive), the other members of the programme board, the sectors it spans and its tolerances — the day its projects end at the latest and what they cost together, each with what is allowed either way.")
            .WithProblems(400, 403);
        group.MapGet("/{programmeId:guid}", GetOne).WithName(Operations.GetProgramme).WithSummary("A programme rolled up from its projects")
            .WithDescription("Any employee. The programme board, sectors and tolerances; each project with phase, RAG, budget and planned end (its project tolerance), its newest forecast of both, open exceptions, benefits planned and realised, its next highlight report and whether it is overdue, and overdue follow-up actions; the sums; benefits per beneficiary; the exceptions the programme board owns (its projects' project-level and escalated ones) and the breaches of the programme's own tolerances, which the portfolio board decides; and the programme's decision log, newest first.")
            .WithProblems(404);
        group.MapPut("/{programmeId:guid}/tolerances", SetTolerances).WithName(Operations.SetProgrammeTolerances).RequireAuthorization(Policies.PortfolioBoard)
            .WithSummary("Set the programme's tolerances")
            .WithDescription("The portfolio board. Every member project's tolerance must still lie inside them: it ends within the programme's time limits, and the members' cost limits add up to no more than the programme's (409 outside-programme-tolerance).")
            .WithProblems(400, 403, 404, 409);
        group.MapPost("/{programmeId:guid}/projects", AddProject).WithName(Operations.AddProgrammeProject)
            .WithSummary("Add a project to the programme")
            .WithDescription("The portfolio board or the programme's owner. A project belongs to one programme at most (409 project-in-programme) and joins before closure. From then on its programme board sets its project tolerances, inside the programme's (409 outside-programme-tolerance), and decides its project-level and escalated exceptions; the portfolio board decides breaches of the programme's tolerances, judged on every highlight report of a member.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/{programmeId:guid}/exceptions/{exceptionId:guid}/decision", DecideBreach).WithName(Operations.DecideProgrammeException)
            .RequireAuthorization(Policies.PortfolioBoard)
            .WithSummary("Decide a breach of the programme's tolerances")
            .WithDescription("The portfolio board, with its rationale and, if it sets them, new programme tolerances (which every member's must lie inside). Once (409 programme-exception-decided).")
            .WithProblems(400, 403, 404, 409);

        var project = app.MapProjectScope("Programmes");
        project.MapPut("/sectors", SetParticipating).WithName(Operations.SetParticipatingSectors).Allows(SectorNamer)
            .WithSummary("Name the sectors a project involves beside its lead sector")
            .WithDescription("The Executive or the portfolio board; the whole list each time. The portfolio counts the project under its lead sector and under each of these.")
            .WithProblems(400, 403, 404, 412);
        return app;
    }

    private static async Task<Ok<ItemList<ProgrammeSummary>>> List(ProgrammeReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<ProgrammeSummary>(await reader.ListAsync(cancellationToken)));

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> GetOne(Guid programmeId, ProgrammeReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(programmeId, cancellationToken) is { } programme ? TypedResults.Ok(programme) : Problems.NotFound("The programme");

    private static async Task<Results<Created<ProgrammeView>, ProblemHttpResult>> Create(
        CreateProgramme request, HttpContext http, ProgrammeCommands commands, ProgrammeReader reader) =>
        await commands.CreateAsync(request, http.Caller()) switch
        {
            { Error: { } refused } => Problems.From(refused),
            var created => TypedResults.Created($"/api/v1/programmes/{created.Value}", await reader.ReadAsync(created.Value, http.RequestAborted)),
        };

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> SetTolerances(
        Guid programmeId, ProgrammeTolerances request, HttpContext http, ProgrammeCommands commands, ProgrammeReader reader) =>
        await Answer(await commands.SetTolerancesAsync(programmeId, request, http.Caller()), reader, http);

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> AddProject(
        Guid programmeId, AddProgrammeProject request, HttpContext http, ProgrammeCommands commands, ProgrammeReader reader)
    {
        var added = await commands.AddProjectAsync(programmeId, request, http.Caller());
        return added.Problem ?? await Answer(programmeId, reader, http);
    }

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> DecideBreach(
        Guid programmeId, Guid exceptionId, ProgrammeBreachDecision request, HttpContext http, ProgrammeCommands commands, ProgrammeReader reader) =>
        await Answer(await commands.DecideBreachAsync(programmeId, exceptionId, request, http.Caller()), reader, http);

    private static async Task<Results<Ok<ParticipatingSectors>, ProblemHttpResult>> SetParticipating(
        Guid id, ParticipatingSectors request, HttpContext http, ProgrammeCommands commands)
    {
        var result = (await commands.SetParticipatingAsync(id, request, http.Caller())).Tagged(http);
        return result.Problem ?? (Results<Ok<ParticipatingSectors>, ProblemHttpResult>)TypedResults.Ok(new ParticipatingSectors(result.Value));
    }

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Answer(Outcome<Guid> outcome, ProgrammeReader reader, HttpContext http) =>
        outcome.Error is { } refused ? Problems.From(refused) : await Answer(outcome.Value, reader, http);

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Answer(Guid programmeId, ProgrammeReader reader, HttpContext http) =>
        TypedResults.Ok((await reader.ReadAsync(programmeId, http.RequestAborted))!);
}
