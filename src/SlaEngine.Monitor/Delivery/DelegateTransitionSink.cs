namespace SlaEngine.Monitor.Delivery;

/// <summary>A sink that calls a delegate of the host.</summary>
internal sealed class DelegateTransitionSink(string name, Func<RecordedTransition, CancellationToken, Task> deliver) : ISlaTransitionSink
{
    public string Name { get; } = name;

    public Task DeliverAsync(RecordedTransition transition, CancellationToken cancellationToken) => deliver(transition, cancellationToken);
}
