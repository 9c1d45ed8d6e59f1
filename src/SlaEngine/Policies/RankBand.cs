namespace SlaEngine.Policies;

/// <summary>
/// A range of <c>bands.ranges</c>: the values of <see cref="BandSet.By"/> it covers, and the tier it sets or whether it
/// holds the lead back for nurture.
/// </summary>
/// <remarks>
/// <c>{from: 60, to: 84}</c> covers 60 ≤ v ≤ 84 (both ends included); <c>{below: 45}</c> covers v &lt; 45;
/// <c>{above: 100}</c> covers v &gt; 100; <c>{from: 85}</c> covers v ≥ 85 and <c>{to: 10}</c> covers v ≤ 10.
/// A missing bound is open. Immutable and thread-safe.
/// </remarks>
public sealed class RankBand
{
    internal RankBand(string name, double? from, bool fromExclusive, double? to, bool toExclusive, string? tier, bool nurture)
    {
        Name = name;
        From = from;
        FromExclusive = fromExclusive;
        To = to;
        ToExclusive = toExclusive;
        Tier = tier;
        Nurture = nurture;
    }

    /// <summary>Gets the band's name (reported as <c>band</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the lower bound, or <see langword="null"/> when the band is open below.</summary>
    public double? From { get; }

    /// <summary>Gets a value indicating whether <see cref="From"/> itself is excluded (written <c>above</c>).</summary>
    public bool FromExclusive { get; }

    /// <summary>Gets the upper bound, or <see langword="null"/> when the band is open above.</summary>
    public double? To { get; }

    /// <summary>Gets a value indicating whether <see cref="To"/> itself is excluded (written <c>below</c>).</summary>
    public bool ToExclusive { get; }

    /// <summary>Gets the tier the band sets, or <see langword="null"/> for a nurture band.</summary>
    public string? Tier { get; }

    /// <summary>Gets a value indicating whether the band holds the lead back for marketing nurture.</summary>
    public bool Nurture { get; }

    /// <summary>Returns whether the band covers a value.</summary>
    /// <param name="value">The value of the band field.</param>
    /// <returns><see langword="true"/> when the value lies inside the band; always false for NaN.</returns>
    public bool Contains(double value)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        if (From is { } from && (FromExclusive ? value <= from : value < from))
        {
            return false;
        }

        return To is not { } to || (ToExclusive ? value < to : value <= to);
    }
}
