using System.Collections.Immutable;

namespace SlaEngine.Policies;

/// <summary>The <c>bands</c> section: which value ranks a lead, and the ranges (which never overlap).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class BandSet
{
    internal BandSet(string by, ImmutableArray<RankBand> ranges)
    {
        By = by;
        Ranges = ranges;
    }

    /// <summary>Gets the value the bands rank: a numeric attribute name, or <c>score</c> for the computed score.</summary>
    public string By { get; }

    /// <summary>Gets a value indicating whether the bands rank the computed score.</summary>
    public bool ByScore => string.Equals(By, "score", StringComparison.Ordinal);

    /// <summary>Gets the ranges in file order.</summary>
    public ImmutableArray<RankBand> Ranges { get; }

    /// <summary>Finds the band covering a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The band, or <see langword="null"/> when no band covers the value.</returns>
    public RankBand? Find(double value)
    {
        foreach (var band in Ranges)
        {
            if (band.Contains(value))
            {
                return band;
            }
        }

        return null;
    }
}
