using System.Text.RegularExpressions;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Archive;

/// <summary>The political decisions recorded with a project.</summary>
public sealed partial class PoliticalDecisionCommands(ProjectWrites writes, NodaTime.IClock clock)
{
    public async Task<WriteResult<PoliticalDecisionView>> RecordAsync(Guid id, RecordPoliticalDecision request, Caller caller)
    {
        var validation = new Validation()
            .Required("body", request.Body)
            .Required("meetingDate", request.MeetingDate)
            .Required("outcome", request.Outcome)
            .Text("caseNumber", request.CaseNumber, 40)
            .Text("summary", request.Summary, Validation.LongText)
            .That(request.MeetingDate is null || request.MeetingDate <= Infrastructure.Documents.Letterhead.Day(clock.GetCurrentInstant()),
                "meetingDate", "meetingDate is the day the body met: not in the future.");
        if (request.CaseNumber is { } number)
        {
            validation.That(CaseNumber().IsMatch(number.Trim()), "caseNumber", "caseNumber is the political case's number as its case list gives it: a year and a number, such as 2026/45.");
        }

        if (!validation.IsValid)
        {
            return WriteResult.Refused<PoliticalDecisionView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<PoliticalDecisionView>(caller, id, async write =>
        {
            if (ArchiveApi.PoliticalRecorder(write.Standing) is { } forbidden)
            {
                return forbidden;
            }

            var decision = new PoliticalDecisionView(Ids.New(write.Now), request.Body!.Value, request.MeetingDate!.Value, request.CaseNumber!.Trim(),
                request.Outcome!.Value, request.Summary!.Trim(), write.Actor.UserId, write.Now);
            await ArchiveStore.InsertPoliticalAsync(write.Db, id, decision);
            write.Record(EventTypes.PoliticalDecisionRecorded, decision);
            return decision;
        });
    }

    [GeneratedRegex(@"^\d{4}/\d{1,7}(-\d{1,4})?$")]
    private static partial Regex CaseNumber();
}
