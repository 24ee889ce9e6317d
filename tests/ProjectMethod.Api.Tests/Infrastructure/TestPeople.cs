using System.Net;
using System.Net.Http.Json;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Api.Sectors;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// The people the tests name, as the municipality's directory would know them: every host of the suite starts with
/// them in its register, and their tokens carry the same names, so a sign-in never renames them. The sectors the tests
/// name beyond the five a fresh database has are there too, as the portfolio board would have added them.
/// </summary>
public static class TestPeople
{
    public static readonly IReadOnlyDictionary<string, (string Name, string Unit)> Known = new Dictionary<string, (string, string)>
    {
        ["pia"] = ("Pia Forslagsstiller", "Servicetorget"),
        ["bjorn"] = ("Bjørn Virksomhetsledelsen", "Rådmannens ledergruppe"),
        ["eva"] = ("Eva Eier", "Helse og velferd"),
        ["per"] = ("Per Prosjektleder", "Prosjektkontoret"),
        ["bo"] = ("Bo Gevinstansvarlig", "Hjemmetjenesten"),
        ["siri"] = ("Siri Seniorbruker", "Hjemmetjenesten"),
        ["sven"] = ("Sven Seniorleverandør", "IT-avdelingen"),
        ["nils"] = ("Nils Nabo", "Kultur"),
        ["tom"] = ("Tom Teamleder", "IT-avdelingen"),
        ["ola"] = ("Ola Nordmann", "Servicetorget"),
        ["sara"] = ("Sara Seniorbruker", "Omsorgsboligene"),
        ["kari"] = ("Kari Kvalitet", "Kvalitetsenheten"),
        ["ada"] = ("Ada Analytiker", "Økonomi"),
        ["pål"] = ("Pål Prosjektleder", "Prosjektkontoret"),
        ["erik"] = ("Erik Eier", "Teknisk"),
        ["stein"] = ("Stein Leverandør", "IT-avdelingen"),
        ["ivar"] = ("Ivar Innkjøp", "Innkjøp"),
        ["sofie"] = ("Sofie Seniorbruker", "Hjemmetjenesten"),
        ["anne"] = ("Anne Avdelingsleder", "Oppvekst"),
        ["olga"] = ("Olga Omsorg", "Omsorgsboligene"),
        ["bente"] = ("Bente Bruker", "Hjemmetjenesten"),
        ["ella"] = ("Ella Eier", "Samfunn"),
    };

    /// <summary>Sectors the tests' projects and handbooks name besides the five every fresh database starts with.</summary>
    public static readonly IReadOnlyList<(string Slug, string Name)> ExtraSectors =
        [("helse", "Helse"), ("samhandling", "Samhandling"), ("smaa-prosjekter", "Små prosjekter"), ("egen-drift", "Egen drift"), ("teknisk-drift", "Teknisk drift")];

    /// <summary>The name a test's token carries: the directory's for a known person, else the id.</summary>
    public static string NameOf(string userId) => Known.TryGetValue(userId, out var person) ? person.Name : userId;

    /// <summary>Everyone known, written straight into a host's register.</summary>
    public static Task SeedAsync(Database database, NodaTime.Instant at) =>
        database.WriteAsync(async db =>
        {
            foreach (var (id, (name, unit)) in Known)
            {
                await PeopleStore.UpsertAsync(db, new PersonView { Id = id, Name = name, Unit = unit, Email = $"{id}@kommune.example", UpdatedBy = "test", UpdatedAt = at });
            }

            foreach (var (slug, name) in ExtraSectors)
            {
                await SectorStore.UpsertAsync(db, new SectorView { Slug = slug, NameNb = name, NameEn = name });
            }

            return (true, true);
        }, CancellationToken.None);

    /// <summary>Everyone known, synced through the API of a service running as a process of its own; the sectors by its board.</summary>
    public static async Task SeedAsync(HttpClient directory, HttpClient board)
    {
        foreach (var (slug, name) in ExtraSectors)
        {
            using var response = await board.PutAsJsonAsync($"/api/v1/sectors/{slug}", new { nameNb = name, nameEn = name });
            response.EnsureSuccessStatusCode();
        }

        foreach (var (id, (name, unit)) in Known)
        {
            using var response = await directory.PutAsJsonAsync($"/api/v1/people/{Uri.EscapeDataString(id)}", new { name, unit, email = $"{id}@kommune.example" });
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
            {
                throw new InvalidOperationException($"Seeding {id} answered {response.StatusCode}.");
            }
        }
    }
}
