using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>One rung of the escalation ladder.</summary>
public sealed record EscalationResult
{
    internal EscalationResult(string after, Instant at, ImmutableArray<string> notify, bool fired)
    {
        After = after;
        At = at;
        Notify = notify;
        Fired = fired;
    }

    /// <summary>Gets the rung's delay as written (for example <c>24 hours</c>).</summary>
    public string After { get; init; }

    /// <summary>When the rung is reached.</summary>
    public Instant At { get; init; }

    /// <summary>Who must be alerted.</summary>
    public ImmutableArray<string> Notify { get; init; }

    /// <summary>Whether the rung has fired: reached at or before the evaluation instant without a first touch by then.</summary>
    public bool Fired { get; init; }
}
