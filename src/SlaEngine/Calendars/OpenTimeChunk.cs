namespace SlaEngine.Calendars;

/// <summary>
/// The open time of a calendar within one UTC year, as sorted, merged, non-overlapping instant intervals
/// (Unix ticks) with prefix sums of open time, so that add and between are binary searches.
/// </summary>
internal sealed class OpenTimeChunk
{
    internal OpenTimeChunk(long start, long end, long[] starts, long[] ends, long[] cumulativeStart)
    {
        Start = start;
        End = end;
        Starts = starts;
        Ends = ends;
        CumulativeStart = cumulativeStart;
        Total = starts.Length == 0 ? 0 : cumulativeStart[^1] + (ends[^1] - starts[^1]);
    }

    /// <summary>Gets the first tick of the chunk (inclusive).</summary>
    internal long Start { get; }

    /// <summary>Gets the end tick of the chunk (exclusive).</summary>
    internal long End { get; }

    internal long[] Starts { get; }

    internal long[] Ends { get; }

    /// <summary>Gets the open time in the chunk before each interval's start.</summary>
    internal long[] CumulativeStart { get; }

    /// <summary>Gets the open time in the whole chunk.</summary>
    internal long Total { get; }

    /// <summary>Index of the last interval starting at or before <paramref name="t"/>, or -1.</summary>
    internal int LastStartingAtOrBefore(long t)
    {
        var lo = 0;
        var hi = Starts.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Starts[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi;
    }

    /// <summary>Open time in the chunk before <paramref name="t"/> (t within the chunk).</summary>
    internal long OpenBefore(long t)
    {
        var i = LastStartingAtOrBefore(t);
        return i < 0 ? 0 : CumulativeStart[i] + Math.Min(t, Ends[i]) - Starts[i];
    }

    /// <summary>The earliest tick at which the open time from the chunk start reaches <paramref name="target"/> (0 &lt; target &lt;= Total).</summary>
    internal long EarliestReaching(long target)
    {
        // First interval whose cumulative end reaches the target.
        var lo = 0;
        var hi = Starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (CumulativeStart[mid] + (Ends[mid] - Starts[mid]) >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return Starts[lo] + (target - CumulativeStart[lo]);
    }

    /// <summary>The latest tick at which the open time from the chunk start equals <paramref name="target"/> (0 &lt;= target &lt; Total).</summary>
    internal long LatestReaching(long target)
    {
        // Last interval whose cumulative start is at or before the target.
        var lo = 0;
        var hi = Starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (CumulativeStart[mid] <= target)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return Starts[lo] + (target - CumulativeStart[lo]);
    }
}
