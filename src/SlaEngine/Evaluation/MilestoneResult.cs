using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>One milestone of an evaluated lead: its due, verdict, completion and lateness.</summary>
/// <param name="Name"><c>first_touch</c>, <c>effort</c>, <c>cadence_step_N</c> or <c>disposition</c>.</param>
/// <param name="Due">The due instant, or null while it is not known (previous step open, no first touch yet).</param>
/// <param name="Status">The verdict.</param>
/// <param name="MetAt">When it was done, or null.</param>
/// <param name="LateBy">How late it was done, or is, on the milestone's own clock; zero when not late.</param>
public sealed record MilestoneResult(string Name, Instant? Due, MilestoneStatus Status, Instant? MetAt, Duration LateBy);
