using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>A behavioural event of a lead (for example <c>whitepaper_download</c>), used by scoring rules and <c>count()</c>.</summary>
public sealed record LeadEvent
{
    /// <summary>Initializes a new instance; set every required property.</summary>
    public LeadEvent()
    {
    }

    [SetsRequiredMembers]
    internal LeadEvent(string type, Instant at)
    {
        Type = type;
        At = at;
    }

    /// <summary>Gets the event type.</summary>
    public required string Type { get; init; }

    /// <summary>When it happened.</summary>
    public required Instant At { get; init; }
}
