namespace ProjectMethod.Domain.Archive;

/// <summary>
/// How the municipality's archive registers each kind of record the method makes (Noark 5 journalposttype): N, an
/// internal document to be followed up, or X, an internal document not followed up. A handbook maps each kind; a kind it
/// leaves out keeps the method's default — decisions N, reports X.
/// </summary>
public static class JournalTypes
{
    public const char FollowedUp = 'N';
    public const char NotFollowedUp = 'X';

    /// <summary>Every kind of record, by its wire name, with the method's default.</summary>
    public static IReadOnlyDictionary<string, char> Defaults { get; } = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["gateDecision"] = FollowedUp,
        ["exceptionDecision"] = FollowedUp,
        ["benefitChange"] = FollowedUp,
        ["statusReport"] = NotFollowedUp,
        ["endReport"] = NotFollowedUp,
        ["lessonsReport"] = NotFollowedUp,
        ["ideaAnswer"] = FollowedUp,
        ["handbookPublication"] = FollowedUp,
    };

    /// <summary>The journal type of a kind under a handbook's mapping.</summary>
    public static char Of(IReadOnlyDictionary<string, char> mapping, string kind) =>
        mapping.TryGetValue(kind, out var type) ? type : Defaults.GetValueOrDefault(kind, FollowedUp);

    /// <summary>The faults of a mapping: a kind the method does not make, or a type other than N or X.</summary>
    public static IEnumerable<string> Faults(IReadOnlyDictionary<string, char> mapping)
    {
        foreach (var (kind, type) in mapping)
        {
            if (!Defaults.ContainsKey(kind))
            {
                yield return $"'{kind}' is no kind of record: {string.Join(", ", Defaults.Keys)}.";
            }
            else if (type is not (FollowedUp or NotFollowedUp))
            {
                yield return $"{kind} is registered as N (to be followed up) or X (not followed up), not '{type}'.";
            }
        }
    }
}
