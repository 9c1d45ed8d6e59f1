using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>A sales touch made on a lead: a call, an email, a voicemail…</summary>
public sealed record LeadTouch
{
    /// <summary>Initializes a new instance; set every required property.</summary>
    public LeadTouch()
    {
    }

    [SetsRequiredMembers]
    internal LeadTouch(string channel, Instant at, string? outcome = null)
    {
        Channel = channel;
        At = at;
        Outcome = outcome;
    }

    /// <summary>Gets the channel, as the policy names it (for example <c>call</c>).</summary>
    public required string Channel { get; init; }

    /// <summary>When the touch was made.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets an optional outcome such as <c>no_answer</c>; informational.</summary>
    public string? Outcome { get; init; }
}
