using NodaTime;

namespace SlaEngine.Monitor.Tests.Infrastructure;

/// <summary>A clock the test sets (NodaTime.Testing is not available).</summary>
internal sealed class TestClock(Instant now) : IClock
{
    private long _ticks = now.ToUnixTimeTicks();

    public Instant Now
    {
        get => GetCurrentInstant();
        set => Interlocked.Exchange(ref _ticks, value.ToUnixTimeTicks());
    }

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public void Advance(Duration duration) => Now += duration;
}
