using Microsoft.Extensions.Localization;
using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Web;

/// <summary>
/// A people picker that needs no script: the field takes a name, part of one, or a user id. One person matching is
/// that person; several are offered as a list to choose from when the form is shown again; none is said beside the
/// field. The use case then gets the person's id.
/// </summary>
public static class PersonPicker
{
    public const int MaxChoices = 10;

    /// <summary>The id of the person the field names, or null (with the field refused when it named nobody, or several).</summary>
    public static async Task<string?> ResolveAsync(HttpContext http, FormReader form, string field, IStringLocalizer texts)
    {
        if (form.Text(field)?.Trim() is not { Length: > 0 } typed)
        {
            return null;
        }

        var people = await http.RequestServices.GetRequiredService<PeopleReader>().PeopleAsync(http.RequestAborted);
        var matches = Find(people, typed, MaxChoices + 1);
        if (matches.Count == 1)
        {
            return matches[0].Id;
        }

        if (matches.Count == 0)
        {
            form.Refuse(field, texts["Person.NoMatch", typed]);
        }
        else
        {
            http.Items[Key(field)] = matches.Take(MaxChoices).ToList();
            form.Refuse(field, texts[matches.Count > MaxChoices ? "Person.TooMany" : "Person.Choose", typed]);
        }

        return null;
    }

    /// <summary>
    /// The ids of the people a field names one per line, each line found as one field's would be; null, with the field
    /// refused naming the first line that named nobody or several (and who those several are), when any line did.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ResolveEachAsync(HttpContext http, FormReader form, string field, IStringLocalizer texts)
    {
        var people = await http.RequestServices.GetRequiredService<PeopleReader>().PeopleAsync(http.RequestAborted);
        var ids = new List<string>();
        foreach (var line in form.Lines(field))
        {
            var matches = Find(people, line, LineChoices + 1);
            if (matches.Count != 1)
            {
                form.Refuse(field, matches.Count == 0
                    ? texts["Person.NoMatch", line]
                    : texts["Person.SeveralOnLine", line, string.Join("; ", matches.Take(LineChoices).Select(p => p.Unit is { } unit ? $"{p.Name} – {unit}" : p.Name))]);
                return null;
            }

            ids.Add(matches[0].Id);
        }

        return ids;
    }

    /// <summary>The person whose user id was typed, else up to <paramref name="limit"/> people whose name, unit or title hold it.</summary>
    private static IReadOnlyList<PersonView> Find(IReadOnlyDictionary<string, PersonView> people, string typed, int limit) =>
        people.TryGetValue(typed, out var person) ? [person] : PeopleReader.Search(people.Values, typed, limit);

    /// <summary>How many of those a line matched are named in its refusal.</summary>
    private const int LineChoices = 5;

    /// <summary>The people a field offers to choose from, when what was typed matched several.</summary>
    public static IReadOnlyList<PersonView>? ChoicesOf(HttpContext http, string field) =>
        http.Items.TryGetValue(Key(field), out var choices) ? choices as IReadOnlyList<PersonView> : null;

    /// <summary>How a person is offered: name, and the unit and user id that tell two of the same name apart.</summary>
    public static string Describe(PersonView person) => person.Unit is { } unit ? $"{person.Name} – {unit} ({person.Id})" : $"{person.Name} ({person.Id})";

    private static string Key(string field) => $"person-choices:{field}";
}
