namespace SlaEngine.Samples.LeadGenerator;

/// <summary>What to generate.</summary>
internal sealed record GeneratorOptions
{
    /// <summary>Gets the number of leads.</summary>
    public int Count { get; init; } = 1000;

    /// <summary>Gets the random seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the snapshot instant: nothing is recorded after it.</summary>
    public DateTimeOffset At { get; init; } = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Gets how many days before <see cref="At"/> leads are handed to sales.</summary>
    public int Days { get; init; } = 90;

    /// <summary>Gets the number of the first id.</summary>
    public int First { get; init; } = 1;
}
