using NodaTime;

namespace SlaEngine.Tests.Cli;

/// <summary>A clock stopped at one instant (NodaTime.Testing is not available).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
