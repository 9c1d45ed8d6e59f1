namespace SlaEngine.Monitor;

/// <summary>
/// Receives recorded transitions. The monitor calls <see cref="DeliverAsync"/> at least once per transition and sink;
/// a call that throws is a failed attempt, retried with backoff, and after
/// <see cref="SlaMonitorOptions.MaxDeliveryAttempts"/> failures the transition is parked as dead for this sink.
/// </summary>
/// <remarks>
/// Calls may run concurrently and may repeat a transition (after a crash between the delivery and its
/// acknowledgement): act on <see cref="RecordedTransition.Key"/> once.
/// </remarks>
public interface ISlaTransitionSink
{
    /// <summary>Gets the sink's name, stable across restarts: deliveries are stored under it.</summary>
    string Name { get; }

    /// <summary>Delivers one transition.</summary>
    /// <param name="transition">The transition.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the transition was delivered; it faults when it was not.</returns>
    Task DeliverAsync(RecordedTransition transition, CancellationToken cancellationToken);
}
