using System.Text.RegularExpressions;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Actuals;

/// <summary>The costs the finance system books against the stages.</summary>
public sealed partial class ActualCostCommands(Database database, ProjectWrites writes)
{
    /// <summary>
    /// A stage's cost for one month, as the finance system posts it: the month's total, replacing what was booked for it;
    /// the same amount and reference again (without a precondition) changes nothing. Whether it replaced a booked month.
    /// </summary>
    public async Task<WriteResult<(ActualCostView Cost, bool Replaced)>> BookAsync(Guid id, int stage, string period, BookActualCost request, Caller caller)
    {
        var validation = new Validation()
            .Required("amount", request.Amount)
            .Text("reference", request.Reference, 200, required: false)
            .That(Month().IsMatch(period), "period", "period is a month, yyyy-MM, such as 2026-03.")
            .That(stage >= 1, "stage", "stage is 1 or more.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<(ActualCostView, bool)>(Problems.Validation(validation.Errors));
        }

        var reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim();
        var booked = await database.ReadAsync(db => ActualCostStore.OneAsync(db, id, stage, period), caller.CancellationToken);
        if (booked is not null && booked.Amount == request.Amount && booked.Reference == reference && !caller.Expected.IsGiven)
        {
            // Nothing changes, so nothing is written: the project keeps its version.
            return new WriteResult<(ActualCostView, bool)>((booked, true), 0, null);
        }

        return await writes.RunAsync<(ActualCostView Cost, bool Replaced)>(caller, id, async write =>
        {
            if (Stages.CheckPlanned(stage, (await ToleranceStore.PlansAsync(write.Db, id)).Select(p => p.Stage)) is { } notPlanned)
            {
                return notPlanned;
            }

            var view = new ActualCostView(stage, period, request.Amount!.Value, reference, write.Actor.UserId, write.Now);
            var replaced = await ActualCostStore.UpsertAsync(write.Db, id, view);
            write.Record(EventTypes.ActualCostBooked, new ActualCostBookedData(view.Stage, view.Period, view.Amount, view.Reference, replaced));
            return (view, replaced);
        });
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();
}
