using System.Text;

namespace ProjectMethod.Domain.Lessons;

/// <summary>
/// Finding lessons (erfaringer) across projects: every word of the query, in any order, in the title, the description or
/// the recommendation; case- and accent-insensitive (idé finds ide), while å, æ and ø stay the letters they are.
/// </summary>
public static class LessonSearch
{
    // The service runs with invariant globalisation (no ICU), so accents are folded by this table, not by Unicode decomposition.
    private static readonly Dictionary<char, char> Unaccented = new[]
    {
        ("àáâãäāă", 'a'), ("çćč", 'c'), ("ďđ", 'd'), ("èéêëēěę", 'e'), ("ìíîïī", 'i'), ("ł", 'l'), ("ñńň", 'n'), ("òóôõöō", 'o'),
        ("řŕ", 'r'), ("śšş", 's'), ("ťţ", 't'), ("ùúûüūů", 'u'), ("ýÿ", 'y'), ("źżž", 'z'),
    }.SelectMany(group => group.Item1.Select(accented => (accented, group.Item2))).ToDictionary(p => p.accented, p => p.Item2);

    /// <summary>Lower-cased, with accents taken off every letter but å, æ and ø, which are letters of their own.</summary>
    public static string Normalise(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            folded.Append(Unaccented.GetValueOrDefault(character, character));
        }

        return folded.ToString();
    }

    /// <summary>The query's words, normalised and distinct; none for an empty query.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : Normalise(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>
    /// How well a lesson matches: null when a word is missing; otherwise more for words in the title (3) than in the
    /// recommendation (2) or the description (1), so the best match comes first.
    /// </summary>
    public static int? Score(IReadOnlyList<string> words, string title, string description, string recommendation)
    {
        var (inTitle, inRecommendation, inDescription) = (Normalise(title), Normalise(recommendation), Normalise(description));
        var score = 0;
        foreach (var word in words)
        {
            var here = (inTitle.Contains(word, StringComparison.Ordinal) ? 3 : 0)
                + (inRecommendation.Contains(word, StringComparison.Ordinal) ? 2 : 0)
                + (inDescription.Contains(word, StringComparison.Ordinal) ? 1 : 0);
            if (here == 0)
            {
                return null;
            }

            score += here;
        }

        return score;
    }
}
