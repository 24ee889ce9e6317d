using System.Collections.Frozen;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Lessons;

namespace ProjectMethod.Api.People;

/// <summary>
/// The register of people as one instance holds it: read whole when it changed (its count and newest change are checked
/// on every use, so no instance answers from a stale copy), looked up and searched in memory. A municipality has
/// thousands of employees, not millions.
/// </summary>
public sealed class PeopleReader(Database database)
{
    private volatile Snapshot current = new(new PeopleStore.RegisterStamp(), FrozenDictionary<string, PersonView>.Empty);

    private sealed record Snapshot(PeopleStore.RegisterStamp Stamp, FrozenDictionary<string, PersonView> ById);

    /// <summary>Everyone known now, by id.</summary>
    public async Task<IReadOnlyDictionary<string, PersonView>> PeopleAsync(DbSession db)
    {
        var stamp = await PeopleStore.StampAsync(db);
        var snapshot = current;
        if (snapshot.Stamp == stamp)
        {
            return snapshot.ById;
        }

        var people = await PeopleStore.AllAsync(db);
        current = snapshot = new Snapshot(stamp, people.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal));
        return snapshot.ById;
    }

    public Task<IReadOnlyDictionary<string, PersonView>> PeopleAsync(CancellationToken cancellationToken) => database.ReadAsync(PeopleAsync, cancellationToken);

    /// <summary>
    /// Forgets the copy after this instance changed the register (the next read reads it whole): the stamp alone would
    /// miss a change made within the same instant as the one before it. Until then names are looked up in the old copy.
    /// </summary>
    public void Forget() => current = current with { Stamp = new PeopleStore.RegisterStamp { Count = -1 } };

    /// <summary>Everyone as this instance last read the register (brought up to date for each signed-in request).</summary>
    public IReadOnlyDictionary<string, PersonView> Known => current.ById;

    /// <summary>
    /// The service's own parts that act in the audit trail, by the name the pages and documents give them: they are no
    /// people, so the register does not hold them and a search never finds them.
    /// </summary>
    public static readonly FrozenDictionary<string, string> Services = new Dictionary<string, string>
    {
        [Infrastructure.ArchiveSender.Actor] = "ProjectMethod (arkivering)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The person's name as this instance last read the register; the id for someone it does not know.</summary>
    public string NameOf(string id) => Known.GetValueOrDefault(id)?.Name ?? Services.GetValueOrDefault(id) ?? id;

    /// <summary>
    /// People whose name, id, unit or title hold every word of the query (any order, case and accents ignored), by name;
    /// everyone by name for an empty query.
    /// </summary>
    public static IReadOnlyList<PersonView> Search(IEnumerable<PersonView> people, string? query, int limit)
    {
        var words = LessonSearch.Words(query);
        return people
            .Where(p => words.Count == 0 || words.All(LessonSearch.Normalise($"{p.Name} {p.Id} {p.Unit} {p.Title}").Contains))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}

/// <summary>A person's name as a document prints it: from the people register, the user id only for someone it does not hold.</summary>
public static class PersonNames
{
    public static string NameOf(this IReadOnlyDictionary<string, PersonView> people, string? userId, string none = "–") =>
        userId is null ? none : people.GetValueOrDefault(userId)?.Name ?? PeopleReader.Services.GetValueOrDefault(userId) ?? userId;
}
