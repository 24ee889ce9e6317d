using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Web;

namespace ProjectMethod.Api.Tests;

public sealed class HistoryRunTests
{
    private static AuditEventRow Event(long sequence, string type, string actor) => new()
    {
        Sequence = sequence, Type = type, Actor = actor, OccurredAt = Instant.FromUnixTimeSeconds(sequence), Payload = "{}", PreviousHash = "", Hash = "",
    };

    [Fact]
    public void A_run_of_the_same_event_by_the_same_person_is_one_row_and_the_newest_comes_first()
    {
        var newestFirst = new[]
        {
            Event(7, "checklistUpdated", "per"), Event(6, "checklistUpdated", "per"), Event(5, "checklistUpdated", "per"),
            Event(4, "checklistUpdated", "pia"), Event(3, "roleAssigned", "bjorn"), Event(2, "checklistUpdated", "per"), Event(1, "projectProposed", "pia"),
        };

        var runs = HistoryRun.Fold(newestFirst);

        runs.Select(r => (r.Newest.Sequence, r.Count)).Should().Equal((7, 3), (4, 1), (3, 1), (2, 1), (1, 1));
    }
}
