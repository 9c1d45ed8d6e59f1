using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Monitor.Timeline;

/// <summary>The monitor's one use of the library's timeline: every transition of a lead in <c>(at, until]</c>.</summary>
internal static class TimelineSource
{
    /// <summary>Computes the transitions of <paramref name="lead"/> in <c>(at, until]</c>.</summary>
    /// <exception cref="ArgumentException">The lead pins a tier or team the policy does not define.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A deadline falls outside the calendar's supported years.</exception>
    internal static TimelineResult Compute(SlaPolicy policy, LeadSnapshot lead, Instant at, Instant until)
    {
        var timeline = policy.Timeline(lead, at, until);
        var items = ImmutableArray.CreateBuilder<TimelineItem>(timeline.Transitions.Length);
        foreach (var transition in timeline.Transitions)
        {
            items.Add(new TimelineItem(transition.At, transition.Subject, transition.Field, transition.FromJson, transition.ToJson, transition.Key));
        }

        return new TimelineResult(timeline.NextChangeAt, items.MoveToImmutable());
    }
}
