using NodaTime;

namespace SlaEngine.Monitor.Hosting;

/// <summary>The default <see cref="IClock"/> of the monitor when the host registers none: the host's <see cref="TimeProvider"/>.</summary>
internal sealed class TimeProviderClock(TimeProvider provider) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(provider.GetUtcNow());
}
