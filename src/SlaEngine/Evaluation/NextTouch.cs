using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>The next touch sales should make.</summary>
public sealed record NextTouch
{
    internal NextTouch(string milestone, string channel, Instant due)
    {
        Milestone = milestone;
        Channel = channel;
        Due = due;
    }

    /// <summary>Gets the milestone that drives it.</summary>
    public string Milestone { get; init; }

    /// <summary>Gets the channel to use.</summary>
    public string Channel { get; init; }

    /// <summary>When it is due.</summary>
    public Instant Due { get; init; }
}
