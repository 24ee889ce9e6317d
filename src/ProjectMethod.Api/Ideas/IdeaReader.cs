using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Ideas;

/// <summary>Ideas as their senders and the project office read them.</summary>
public sealed class IdeaReader(Database database)
{
    /// <summary>One idea, for the one who sent it and the project office; for anyone else it does not exist.</summary>
    public async Task<IdeaView?> ReadAsync(Guid ideaId, Domain.Access.Actor actor, CancellationToken cancellationToken) =>
        await database.ReadAsync(db => IdeaStore.GetAsync(db, ideaId), cancellationToken) is { } idea && (actor.IsPortfolioBoard || idea.SubmittedBy == actor.UserId)
            ? idea
            : null;
}
