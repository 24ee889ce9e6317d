using System.Security.Claims;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.People;

/// <summary>Keeping the register of people: a directory's sync, and what a sign-in's claims say of the one signing in.</summary>
public sealed class PeopleCommands(Database database, PeopleReader directory, IClock clock, IConfiguration configuration)
{
    /// <summary>The claim that names a person's unit (department), as the municipality's identity provider sends it.</summary>
    private readonly string unitClaim = configuration["People:UnitClaim"] ?? "department";

    /// <summary>What this instance last recorded of each person's claims: the same claims again need no look at the register.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> recorded = new(StringComparer.Ordinal);

    /// <summary>A person created or updated from the directory; true when the person was new.</summary>
    public async Task<Outcome<(PersonView Person, bool Created)>> PutAsync(string id, PutPerson request, string actor, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .That(id.Length is >= 1 and <= 200 && id.Trim() == id, "id", "The id is the sign-in's subject: 1 to 200 characters, no spaces at either end.")
            .Text("name", request.Name, Validation.ShortText)
            .Text("email", request.Email, Validation.ShortText, required: false)
            .That(request.Email is null || request.Email.Contains('@', StringComparison.Ordinal), "email", "email is an e-mail address.")
            .Text("unit", request.Unit, Validation.ShortText, required: false)
            .Text("title", request.Title, Validation.ShortText, required: false);
        if (!validation.IsValid)
        {
            return validation.ToError();
        }

        var person = new PersonView
        {
            Id = id, Name = request.Name!.Trim(), Email = Trimmed(request.Email), Unit = Trimmed(request.Unit), Title = Trimmed(request.Title),
            UpdatedBy = actor, UpdatedAt = clock.GetCurrentInstant(),
        };
        var created = await database.WriteAsync(async db =>
        {
            var known = (await directory.PeopleAsync(db)).ContainsKey(id);
            await PeopleStore.UpsertAsync(db, person);
            return (true, !known);
        }, cancellationToken);
        directory.Forget();
        return (person, created);
    }

    /// <summary>
    /// The one signing in, recorded or refreshed from the claims: the name (a sign-in without one teaches nothing), the
    /// e-mail and the unit where given; what the claims leave out stays as the directory had it. Unchanged, nothing is written.
    /// </summary>
    public async Task RecordAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();

        // An integrator is a system acting for the municipality, not a person to name in a role.
        if (actor.GlobalRoles.Contains(Domain.Roles.GlobalRoles.Integrator) || user.FindFirstValue("name") is not { Length: > 0 and <= Validation.ShortText } name)
        {
            return;
        }

        var (email, unit) = (Claim(user, "email") ?? Claim(user, ClaimTypes.Email), Claim(user, unitClaim));
        var claims = $"{name}\n{email}\n{unit}\n{actor.IsPortfolioBoard}";
        if (recorded.TryGetValue(actor.UserId, out var last) && last == claims)
        {
            return;
        }

        var known = (await directory.PeopleAsync(cancellationToken)).GetValueOrDefault(actor.UserId);
        if (known is not null && known.Name == name && (email is null || known.Email == email) && (unit is null || known.Unit == unit))
        {
            // Who sits on the portfolio board is told what waits for the board: the sign-in says so, the directory does not.
            if (await database.ReadAsync(db => Notifications.NotificationStore.BoardMemberAsync(db, actor.UserId), cancellationToken) != actor.IsPortfolioBoard)
            {
                await database.WriteAsync(async db =>
                {
                    await Notifications.NotificationStore.SetBoardMemberAsync(db, actor.UserId, actor.IsPortfolioBoard);
                    return (true, true);
                }, cancellationToken);
            }

            recorded[actor.UserId] = claims;
            return;
        }

        var person = new PersonView
        {
            Id = actor.UserId, Name = name, Email = email ?? known?.Email, Unit = unit ?? known?.Unit, Title = known?.Title,
            UpdatedBy = actor.UserId, UpdatedAt = clock.GetCurrentInstant(),
        };
        await database.WriteAsync(async db =>
        {
            await PeopleStore.UpsertAsync(db, person);
            await Notifications.NotificationStore.SetBoardMemberAsync(db, actor.UserId, actor.IsPortfolioBoard);
            return (true, true);
        }, cancellationToken);
        directory.Forget();
        recorded[actor.UserId] = claims;
    }

    private static string? Claim(ClaimsPrincipal user, string type) => user.FindFirstValue(type) is { Length: > 0 and <= Validation.ShortText } value ? value : null;

    private static string? Trimmed(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
