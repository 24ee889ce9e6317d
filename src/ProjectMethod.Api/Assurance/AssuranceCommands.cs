using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Assurance;

/// <summary>Independent quality assurance recorded with a project, for the decision point it informs.</summary>
public sealed class AssuranceCommands(ProjectWrites writes, NodaTime.IClock clock)
{
    public async Task<WriteResult<IndependentAssuranceView>> RecordAsync(Guid id, RecordIndependentAssurance request, Caller caller)
    {
        var validation = new Validation()
            .Required("decisionPoint", request.DecisionPoint)
            .Text("assessor", request.Assessor, Validation.ShortText)
            .Text("organisation", request.Organisation, Validation.ShortText)
            .Required("concludedOn", request.ConcludedOn)
            .Required("recommendation", request.Recommendation)
            .Text("conclusion", request.Conclusion, Validation.LongText)
            .That(request.DecisionPoint is null or DecisionPoint.Bp3 or DecisionPoint.Bp4, "decisionPoint",
                "Independent quality assurance informs bp3 (before execution) or bp4 (before closure).")
            .That(request.ConcludedOn is null || request.ConcludedOn <= Infrastructure.Documents.Letterhead.Day(clock.GetCurrentInstant()),
                "concludedOn", "concludedOn is the day the assurer concluded: not in the future.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<IndependentAssuranceView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<IndependentAssuranceView>(caller, id, async write =>
        {
            if (AssuranceApi.Recorder(write.Standing) is { } forbidden)
            {
                return forbidden;
            }

            var point = request.DecisionPoint!.Value;
            if (Domain.Gates.IndependentAssurance.CheckRecordable(point, write.Project.Phase) is { } notAhead)
            {
                return notAhead;
            }

            var assurance = new IndependentAssuranceView(Ids.New(write.Now), point, request.Assessor!.Trim(), request.Organisation!.Trim(),
                request.ConcludedOn!.Value, request.Recommendation!.Value, request.Conclusion!.Trim(), write.Actor.UserId, write.Now);
            await AssuranceStore.InsertAsync(write.Db, id, assurance);
            write.Record(EventTypes.IndependentAssuranceRecorded, assurance);
            return assurance;
        });
    }
}
