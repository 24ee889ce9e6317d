using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Sectors;

/// <summary>The register of sectors.</summary>
public static class SectorStore
{
    private static readonly Sql All = Sql.Of("SELECT slug, name_nb AS NameNb, name_en AS NameEn, archived FROM sectors ORDER BY name_nb, slug");

    private static readonly Sql Upsert = Sql.Of(
        """
        INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES (@Slug, @NameNb, @NameEn, @Archived)
        ON CONFLICT (slug) DO UPDATE SET name_nb = excluded.name_nb, name_en = excluded.name_en, archived = excluded.archived
        """);

    public static Task<IReadOnlyList<SectorView>> AllAsync(DbSession db) => db.ListAsync<SectorView>(All, null);

    public static Task UpsertAsync(DbSession db, SectorView sector) => db.ExecuteAsync(Upsert, sector);

    /// <summary>
    /// A sector a new project or idea may name: one of the register's, not archived. Null when it may; else the field's
    /// refusal, which lists the sectors there are.
    /// </summary>
    public static async Task<Domain.DomainError?> CheckOpenAsync(DbSession db, string field, string slug)
    {
        var sectors = await AllAsync(db);
        var open = sectors.Where(s => !s.Archived).ToList();
        return open.Any(s => s.Slug == slug)
            ? null
            : new Validation().That(false, field,
                $"'{slug}' is {(sectors.Any(s => s.Slug == slug) ? "an archived sector" : "no sector of the municipality")}; the sectors are: {string.Join(", ", open.Select(s => s.Slug))}.").ToError();
    }
}
