namespace SlaEngine.Reporting;

/// <summary>
/// Speed-to-lead over a group: business seconds, on the lead's routed calendar, from the SLA start to the first touch.
/// </summary>
/// <remarks>
/// The first touch is the <c>first_touch</c> milestone's completion, else <c>cadence_step_1</c>'s, else the lead's
/// first touch (any channel) at or after the SLA start. Leads not touched yet have no sample. Percentiles use the
/// nearest-rank method: the p-th percentile of n sorted samples is the sample at rank ⌈p/100 × n⌉ (so the median of an
/// even number of samples is the lower middle one); every value is an observed sample. Paused intervals are not
/// subtracted: speed-to-lead measures the calendar's open time, as a customer experiences it. Immutable.
/// </remarks>
public sealed record SpeedToLead
{
    internal SpeedToLead(int samples, long? medianSeconds, long? p90Seconds)
    {
        Samples = samples;
        MedianSeconds = medianSeconds;
        P90Seconds = p90Seconds;
    }

    /// <summary>How many leads had a first touch.</summary>
    public int Samples { get; init; }

    /// <summary>Gets the median (nearest rank), or null without samples.</summary>
    public long? MedianSeconds { get; init; }

    /// <summary>Gets the 90th percentile (nearest rank), or null without samples.</summary>
    public long? P90Seconds { get; init; }
}
