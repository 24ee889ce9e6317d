using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.Sectors;

/// <summary>The portfolio board's register of the municipality's sectors.</summary>
public sealed class SectorCommands(Database database, IClock clock)
{
    /// <summary>A sector created, renamed or archived; whether it was new.</summary>
    public async Task<Outcome<(SectorView Sector, bool Created)>> PutAsync(string slug, PutSector request, Caller caller)
    {
        var validation = new Validation().Slug("slug", slug).Text("nameNb", request.NameNb, Validation.ShortText).Text("nameEn", request.NameEn, Validation.ShortText);
        if (!validation.IsValid)
        {
            return validation.ToError();
        }

        var sector = new SectorView { Slug = slug, NameNb = request.NameNb!.Trim(), NameEn = request.NameEn!.Trim(), Archived = request.Archived ?? false };
        var created = await database.WriteAsync(async db =>
        {
            var known = (await SectorStore.AllAsync(db)).Any(s => s.Slug == slug);
            await SectorStore.UpsertAsync(db, sector);
            await AuditTrail.AppendAsync(db, null, EventTypes.SectorSet, caller.Actor.UserId, clock.GetCurrentInstant(), sector);
            return (true, !known);
        }, caller.CancellationToken);
        return (sector, created);
    }
}
