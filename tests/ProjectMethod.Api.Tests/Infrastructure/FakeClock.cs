using NodaTime;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private readonly Lock gate = new();
    private Instant current = now;

    public Instant GetCurrentInstant()
    {
        lock (gate)
        {
            return current;
        }
    }

    public void Advance(Duration by)
    {
        lock (gate)
        {
            current += by;
        }
    }
}
