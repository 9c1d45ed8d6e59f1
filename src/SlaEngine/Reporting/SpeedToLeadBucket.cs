namespace SlaEngine.Reporting;

/// <summary>
/// One bar of the speed-to-lead histogram of a <see cref="GroupReport"/>: how many first touches came after more than
/// <see cref="AboveSeconds"/> and at most <see cref="UpToSeconds"/> business seconds from the SLA start.
/// </summary>
/// <remarks>
/// The bounds are fixed, so histograms of different reports line up: 5, 15 and 30 minutes, 1, 2, 4 and 8 hours,
/// 1 day (24 business hours) and beyond. The first bucket starts at 0 inclusive (a touch at the SLA start); the last
/// has no upper bound. Summing the counts of the buckets up to a bound gives the share of leads touched within it
/// ("within 5 minutes": the first bucket). Immutable.
/// </remarks>
public sealed record SpeedToLeadBucket
{
    /// <summary>Gets the lower bound in business seconds (exclusive; the first bucket, at 0, includes 0).</summary>
    public required long AboveSeconds { get; init; }

    /// <summary>Gets the upper bound in business seconds (inclusive), or null for the last, open-ended bucket.</summary>
    public long? UpToSeconds { get; init; }

    /// <summary>Gets how many leads' first touch fell in the bucket.</summary>
    public required int Count { get; init; }
}
