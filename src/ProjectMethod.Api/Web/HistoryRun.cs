using ProjectMethod.Api.Events;

namespace ProjectMethod.Api.Web;

/// <summary>One row of a project's history as people read it: an event, or a run of the same event by the same person.</summary>
public sealed record HistoryRun(AuditEventRow Newest, int Count)
{
    /// <summary>Events given newest first, with each run of the same type by the same actor folded into its newest.</summary>
    public static IReadOnlyList<HistoryRun> Fold(IEnumerable<AuditEventRow> newestFirst)
    {
        var runs = new List<HistoryRun>();
        foreach (var entry in newestFirst)
        {
            if (runs.Count > 0 && runs[^1].Newest.Type == entry.Type && runs[^1].Newest.Actor == entry.Actor)
            {
                runs[^1] = runs[^1] with { Count = runs[^1].Count + 1 };
            }
            else
            {
                runs.Add(new HistoryRun(entry, 1));
            }
        }

        return runs;
    }
}
