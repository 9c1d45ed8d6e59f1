using NodaTime;

namespace SlaEngine.Monitor;

/// <summary>A transition parked after its sink failed <see cref="SlaMonitorOptions.MaxDeliveryAttempts"/> times.</summary>
/// <remarks>Immutable and thread-safe. Replay it with <see cref="SlaMonitor.ReplayDeadLetterAsync"/>.</remarks>
public sealed class DeadLetter
{
    internal DeadLetter(RecordedTransition transition, string sink, int attempts, string lastError, Instant diedAt)
    {
        Transition = transition;
        Sink = sink;
        Attempts = attempts;
        LastError = lastError;
        DiedAt = diedAt;
    }

    /// <summary>Gets the transition.</summary>
    public RecordedTransition Transition { get; }

    /// <summary>Gets the sink that failed.</summary>
    public string Sink { get; }

    /// <summary>Gets how many attempts failed.</summary>
    public int Attempts { get; }

    /// <summary>Gets the last attempt's error.</summary>
    public string LastError { get; }

    /// <summary>Gets when it was parked.</summary>
    public Instant DiedAt { get; }
}
