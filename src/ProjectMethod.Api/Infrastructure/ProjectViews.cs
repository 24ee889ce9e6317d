using Microsoft.Extensions.Caching.Memory;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// What was read of a project at one version, kept while it is asked for. Every change to a project bumps its version in
/// the change's own transaction, and a kept view depends on nothing else (no clock, no viewer), so a view read whole at
/// version v is the view at v. A reader that has just read the project's version from the database may serve the view
/// kept for that version: it is never stale, on any instance, and a new version simply misses. Old versions age out.
/// Figures over the whole portfolio are kept the same way, for the audit chain's head (<see cref="Guid.Empty"/> as the project).
/// </summary>
public sealed class ProjectViews : IDisposable
{
    /// <summary>How many views are kept at most, over every project and kind.</summary>
    public const int Capacity = 8192;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    /// <summary>One view: its kind, the project and version it was read at, and what else it was asked with.</summary>
    public readonly record struct Key(string Kind, Guid Project, long Version, object? Variant = null);

    public bool TryGet<T>(Key key, out T? view)
    {
        if (kept.TryGetValue(key, out var found) && found is Kept<T> hit)
        {
            view = hit.View;
            return true;
        }

        view = default;
        return false;
    }

    public void Keep<T>(Key key, T view) =>
        kept.Set(key, new Kept<T>(view), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Dispose() => kept.Dispose();

    /// <summary>A kept view, so that a view that is null (no tolerance status yet) is kept too.</summary>
    private sealed record Kept<T>(T View);
}
