using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// The paused intervals of a lead's SLA clock, sorted and merged. Time inside a paused interval never
/// counts, for business and elapsed durations alike. Immutable and thread-safe.
/// </summary>
public sealed class PauseSchedule
{
    private PauseSchedule(ImmutableArray<Interval> intervals)
    {
        Intervals = intervals;
    }

    /// <summary>Gets a schedule without pauses.</summary>
    public static PauseSchedule Empty { get; } = new([]);

    /// <summary>Gets the paused intervals, sorted, non-overlapping and non-adjacent, each <c>[Start, End)</c>.</summary>
    public ImmutableArray<Interval> Intervals { get; }

    /// <summary>Gets a value indicating whether there are no pauses.</summary>
    public bool IsEmpty => Intervals.IsEmpty;

    /// <summary>
    /// Creates a schedule from an array that is usually sorted and disjoint already (a lead's pauses as written): then
    /// the array itself is kept, without a copy; otherwise as <see cref="Create(IEnumerable{Interval})"/>.
    /// </summary>
    internal static PauseSchedule CreateFrom(ImmutableArray<Interval> intervals)
    {
        if (intervals.IsEmpty)
        {
            return Empty;
        }

        for (var i = 0; i < intervals.Length; i++)
        {
            var interval = intervals[i];
            if (!interval.HasStart || !interval.HasEnd || interval.End <= interval.Start || (i > 0 && interval.Start <= intervals[i - 1].End))
            {
                return Create(intervals.AsEnumerable());
            }
        }

        return new PauseSchedule(intervals);
    }

    /// <summary>Creates a schedule from intervals in any order; overlapping or touching ones are merged, empty ones dropped.</summary>
    /// <param name="intervals">The paused intervals; each must have a start and an end.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">An interval is unbounded.</exception>
    public static PauseSchedule Create(IEnumerable<Interval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var sorted = new List<Interval>();
        foreach (var interval in intervals)
        {
            if (!interval.HasStart || !interval.HasEnd)
            {
                throw new ArgumentException("A paused interval needs a start and an end.", nameof(intervals));
            }

            if (interval.End > interval.Start)
            {
                sorted.Add(interval);
            }
        }

        if (sorted.Count == 0)
        {
            return Empty;
        }

        sorted.Sort((x, y) => x.Start.CompareTo(y.Start));
        var merged = ImmutableArray.CreateBuilder<Interval>(sorted.Count);
        var current = sorted[0];
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Start <= current.End)
            {
                current = new Interval(current.Start, Instant.Max(current.End, sorted[i].End));
            }
            else
            {
                merged.Add(current);
                current = sorted[i];
            }
        }

        merged.Add(current);
        return new PauseSchedule(merged.ToImmutable());
    }
}
