namespace SlaEngine.Tests.Policies;

public sealed class RankBandTests
{
    private static SlaEngine.Policies.BandSet Bands(string ranges) => PolicyLoader.Load(
        "policy: p\nversion: 1\ncalendars: { c: { zone: UTC, hours: { mon: [09:00-10:00] } } }\nqualification: { score_threshold: 1 }\n"
        + "routing: [{ default: true, team: t, calendar: c }]\ntiers: { t: {} }\nbands:\n  by: score\n  ranges:\n" + ranges).Bands!;

    [Theory]
    [InlineData(84.0, "B")]   // `to` is inclusive
    [InlineData(85.0, "A")]   // `from` is inclusive
    [InlineData(44.99, "D")]  // `below` is exclusive ...
    [InlineData(45.0, "C")]   // ... so 45 belongs to the next band
    [InlineData(100.5, "E")]  // `above` is exclusive and open-ended
    [InlineData(-1e9, "D")]   // `below` is open-ended
    public void Find_Value_PicksTheCoveringBand(double value, string expected)
    {
        var bands = Bands("    - { name: A, from: 85, to: 100, tier: t }\n    - { name: B, from: 60, to: 84, tier: t }\n    - { name: C, from: 45, to: 59, tier: t }\n"
            + "    - { name: D, below: 45, nurture: true }\n    - { name: E, above: 100, tier: t }\n");

        Assert.Equal(expected, bands.Find(value)?.Name);
    }

    [Fact]
    public void Contains_NaNOrGap_IsFalse()
    {
        var bands = Bands("    - { name: A, from: 85, tier: t }\n    - { name: B, from: 60, to: 84, tier: t }\n");

        Assert.False(bands.Ranges[0].Contains(double.NaN));
        Assert.Null(bands.Find(84.5)); // between whole-number bands
        Assert.Equal("A", bands.Find(1e12)?.Name);
    }
}
