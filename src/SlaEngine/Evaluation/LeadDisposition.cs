using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>The disposition of a lead: it ends the SLA.</summary>
public sealed record LeadDisposition
{
    /// <summary>Initializes a new instance; set every required property.</summary>
    public LeadDisposition()
    {
    }

    [SetsRequiredMembers]
    internal LeadDisposition(DispositionOutcome outcome, Instant at)
    {
        Outcome = outcome;
        At = at;
    }

    /// <summary>Convert, defer or recycle.</summary>
    public required DispositionOutcome Outcome { get; init; }

    /// <summary>When the disposition was recorded.</summary>
    public required Instant At { get; init; }
}
