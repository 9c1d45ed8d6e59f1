using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>
/// Every change of one lead's verdict in <c>(At, Until]</c>, in time order, computed from one snapshot without new
/// input: milestones turning at risk and breached, rungs firing, touches, events and a disposition dated after
/// <see cref="At"/>, scores fading and events sliding out of windows. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Items of one instant are in output order: lead fields (status, tier, band, team, calendar), then milestones in
/// their order (due before status), then the next touch, then the rungs in their order.
/// </remarks>
public sealed class LeadTimeline
{
    internal LeadTimeline(string leadId, Instant at, Instant until, ImmutableArray<SlaTransition> transitions)
    {
        LeadId = leadId;
        At = at;
        Until = until;
        Transitions = transitions;
    }

    /// <summary>Gets the lead's id.</summary>
    public string LeadId { get; }

    /// <summary>Gets the instant the timeline starts after (exclusive).</summary>
    public Instant At { get; }

    /// <summary>Gets the instant the timeline ends at (inclusive).</summary>
    public Instant Until { get; }

    /// <summary>Gets the instant of the first transition, or null when the verdict does not change before <see cref="Until"/>.</summary>
    public Instant? NextChangeAt => Transitions.IsEmpty ? null : Transitions[0].At;

    /// <summary>Gets the transitions, in time order, several items per instant when several things change at once.</summary>
    public ImmutableArray<SlaTransition> Transitions { get; }

    /// <summary>
    /// Gets the transitions in <c>(after, upTo]</c> without copying: what a host that last looked at
    /// <paramref name="after"/> and looks again at <paramref name="upTo"/> has to act on.
    /// </summary>
    /// <param name="after">The exclusive start.</param>
    /// <param name="upTo">The inclusive end.</param>
    /// <returns>The transitions in that span, in order.</returns>
    public ReadOnlyMemory<SlaTransition> Between(Instant after, Instant upTo)
    {
        var from = FirstAfter(after);
        var to = FirstAfter(upTo);
        return to <= from ? ReadOnlyMemory<SlaTransition>.Empty : Transitions.AsMemory()[from..to];
    }

    private int FirstAfter(Instant instant)
    {
        int lo = 0, hi = Transitions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Transitions[mid].At <= instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
