using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The system clock cut to whole microseconds, the finest PostgreSQL stores, so an instant reads back exactly as it
/// was written (the audit chain hashes it).
/// </summary>
public sealed class MicrosecondClock(IClock inner) : IClock
{
    public Instant GetCurrentInstant()
    {
        var ticks = inner.GetCurrentInstant().ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks - (ticks % 10));
    }
}
