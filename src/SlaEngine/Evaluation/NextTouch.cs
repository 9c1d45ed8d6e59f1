using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>The next touch sales should make.</summary>
/// <param name="Milestone">The milestone that drives it.</param>
/// <param name="Channel">The channel to use.</param>
/// <param name="Due">When it is due.</param>
public sealed record NextTouch(string Milestone, string Channel, Instant Due);
