using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Archive;

public static class ArchiveApi
{
    /// <summary>Who records a political body's decision about a project: its Project Manager, its Executive, or the portfolio board.</summary>
    public static DomainError? PoliticalRecorder(ProjectStanding s) =>
        s.Holds(ProjectRole.ProjectManager) || s.Holds(ProjectRole.Executive) || s.Actor.IsPortfolioBoard
            ? null
            : DomainError.Forbidden("Only the Project Manager, the Executive or the portfolio board records a political decision about the project.");

    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        var project = app.MapProjectScope("Archive");
        project.MapGet("/archive", ProjectRecords).WithName(Operations.GetProjectArchive)
            .WithSummary("The project's registry entries in the municipality's archive, and where each stands")
            .WithDescription("Anyone may read. Every decision and issued report of the project is a registry entry (journalpost) of its case file (saksmappe): queued (also while no archive is configured), sent (awaiting its receipt), receipted (with its journal number, and the case number), or failed (with the archive's reason). An exempt entry's title is shown only to those who may read its content (a role on the project, its proposer, the portfolio board, admins, integrators); everyone sees its public title.")
            .WithProblems(404);
        project.MapGet("/political-decisions", Political).WithName(Operations.ListPoliticalDecisions)
            .WithSummary("The political decisions about the project")
            .WithDescription("Anyone may read. Decisions of the municipality's political bodies (kommunestyre, formannskap, hovedutvalg …) about the project, oldest meeting first: body, meeting date, case number and outcome.")
            .WithProblems(404);
        project.MapPost("/political-decisions", RecordPolitical).WithName(Operations.RecordPoliticalDecision).Allows(PoliticalRecorder)
            .WithSummary("Record a political body's decision about the project")
            .WithDescription("The Project Manager, the Executive or the portfolio board. The body, the meeting date (not in the future), the political case number (as the body's case list gives it, such as 2026/45) and the outcome, with a summary of what was decided. The gate view shows the project's political decisions beside its criteria.")
            .WithProblems(400, 403, 404, 412);

        var archive = app.MapGroup("/api/v1/archive").WithTags("Archive");
        archive.MapGet("/records", Records).WithName(Operations.ListArchiveRecords).RequireAuthorization(Policies.Admins)
            .WithSummary("The registry entries in one state, across the service")
            .WithDescription("An admin. By default those that failed (the archive refused them, or they were tried until the outbox gave up), with the archive's reason, oldest first; state=queued, sent or receipted lists those.")
            .WithProblems(400, 403);
        archive.MapPost("/records/{recordId:guid}/resend", Resend).WithName(Operations.ResendArchiveRecord).RequireAuthorization(Policies.Admins)
            .WithSummary("Send a failed registry entry again")
            .WithDescription("An admin, once the cause is mended (the archive's reason says what it was). The entry is queued and sent at once with the same external key and the same PDF, so the archive never makes a second entry of it. Only a failed entry can be sent again (409 not-failed).")
            .WithProblems(403, 404, 409);
        archive.MapPost("/records/{recordId:guid}/receipt", Receipt).WithName(Operations.ReceiptArchiveRecord).RequireAuthorization(Policies.ArchiveAdapters)
            .TakesXml("The archive's receipt: a Fiks Arkiv arkivmelding.opprett.kvittering.")
            .WithSummary("The archive's receipt for an entry it took earlier")
            .WithDescription("An integrator: the archive adapter, when it answered 202 and receipts later. The body is a Fiks Arkiv arkivmelding.opprett.kvittering: its numbers are kept and shown with the decision and the project, and an archiveRecordReceipted event carries them; a receipt with registreringFeilet or mappeFeilet fails the entry with the archive's reason. A receipt that came before changes nothing. 400 when the body is no receipt; 409 not-sent when the entry was never sent.")
            .WithProblems(400, 403, 404, 409);
        return app;
    }

    private static async Task<Ok<ProjectArchive>> ProjectRecords(Guid id, HttpContext http, Database database, IOptions<ArchiveOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(await database.ReadAsync(async db =>
        {
            var mayRead = await ExemptionReader.MayReadAsync(db, http.User.ToActor(), id);
            var records = await ArchiveStore.OfProjectAsync(db, id);
            return new ProjectArchive(await ArchiveStore.CaseNumberAsync(db, id), options.Value.Configured,
                records.Select(r => r.Exemption is null || mayRead ? r : r with { Title = null }).ToList());
        }, cancellationToken));

    private static async Task<Ok<PoliticalDecisionList>> Political(Guid id, Database database, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PoliticalDecisionList(await database.ReadAsync(db => ArchiveStore.PoliticalAsync(db, id), cancellationToken)));

    private static async Task<Results<Created<PoliticalDecisionView>, ProblemHttpResult>> RecordPolitical(
        Guid id, RecordPoliticalDecision request, HttpContext http, PoliticalDecisionCommands commands) =>
        (await commands.RecordAsync(id, request, http.Caller())).Tagged(http).AsCreated(http, d => $"/api/v1/projects/{id}/political-decisions");

    private static async Task<Results<Ok<ArchiveRecordList>, ProblemHttpResult>> Records(Database database, CancellationToken cancellationToken, string? state = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueryValues.TryParseEnum<ArchiveState>(state, "state", out var wanted, errors))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(new ArchiveRecordList(
            await database.ReadAsync(db => ArchiveStore.InStateAsync(db, wanted ?? ArchiveState.Failed, Paging.MaxLimit), cancellationToken)));
    }

    private static async Task<Results<Ok<ArchiveRecordView>, ProblemHttpResult>> Resend(
        Guid recordId, HttpContext http, ArchiveCommands commands, CancellationToken cancellationToken) =>
        Answer(recordId, await commands.ResendAsync(recordId, http.User.ToActor(), cancellationToken));

    private static async Task<Results<Ok<ArchiveRecordView>, ProblemHttpResult>> Receipt(
        Guid recordId, HttpContext http, ArchiveCommands commands, CancellationToken cancellationToken)
    {
        ArchiveReceipt receipt;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            receipt = ArchiveReceipt.Read(XDocument.Parse(await reader.ReadToEndAsync(cancellationToken)));
        }
        catch (Exception exception) when (exception is XmlException or FormatException)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["body"] = [$"The body is no arkivmelding.opprett.kvittering: {exception.Message}"] });
        }

        if (receipt is { CaseNumber: null, JournalNumber: null, Failure: null })
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["The receipt has neither a registry entry's receipt nor the archive's reason."] });
        }

        return Answer(recordId, await commands.ReceiptAsync(recordId, receipt, cancellationToken));
    }

    private static Results<Ok<ArchiveRecordView>, ProblemHttpResult> Answer(Guid recordId, Outcome<ArchiveRecordView>? outcome) =>
        outcome switch
        {
            null => Problems.NotFound($"Archive record {recordId}"),
            { Error: { } refused } => Problems.From(refused),
            { Value: var record } => TypedResults.Ok(record!),
        };
}
