using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.People;

/// <summary>The register of people.</summary>
public static class PeopleStore
{
    private static readonly Sql All = Sql.Of(
        "SELECT id, name, email, unit, title, updated_by AS UpdatedBy, updated_at AS UpdatedAt FROM people ORDER BY name, id");

    private static readonly Sql Stamp = Sql.Of("SELECT COUNT(*) AS Count, MAX(updated_at) AS Latest FROM people");

    private static readonly Sql Upsert = Sql.Of(
        """
        INSERT INTO people (id, name, email, unit, title, updated_by, updated_at)
        VALUES (@Id, @Name, @Email, @Unit, @Title, @UpdatedBy, @UpdatedAt)
        ON CONFLICT (id) DO UPDATE
        SET name = excluded.name, email = excluded.email, unit = excluded.unit, title = excluded.title,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at
        """);

    /// <summary>How many people there are and when the register last changed: what a cached copy is checked against.</summary>
    public sealed record RegisterStamp
    {
        public long Count { get; init; }

        public NodaTime.Instant? Latest { get; init; }
    }

    public static Task<IReadOnlyList<PersonView>> AllAsync(DbSession db) => db.ListAsync<PersonView>(All, null);

    public static async Task<RegisterStamp> StampAsync(DbSession db) => (await db.SingleOrDefaultAsync<RegisterStamp>(Stamp, null))!;

    public static Task UpsertAsync(DbSession db, PersonView person) => db.ExecuteAsync(Upsert, person);
}
