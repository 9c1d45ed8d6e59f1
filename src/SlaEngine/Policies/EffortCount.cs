namespace SlaEngine.Policies;

/// <summary>One entry of a tier's <c>effort</c>: the number of touches required on a channel.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EffortCount
{
    internal EffortCount(string channel, int count)
    {
        Channel = channel;
        Count = count;
    }

    /// <summary>Gets the channel (<c>call</c>, <c>email</c>, ...).</summary>
    public string Channel { get; }

    /// <summary>Gets the number of touches required (at least 1).</summary>
    public int Count { get; }
}
