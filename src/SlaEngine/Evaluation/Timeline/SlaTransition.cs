using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>
/// One item of a lead's verdict that changes at one instant: what (<see cref="Subject"/> and <see cref="Field"/>), from
/// what to what (as compact JSON), and a <see cref="Key"/> that is the same whenever the same change is computed, so a
/// host that records keys acts on each change exactly once. Immutable.
/// </summary>
/// <remarks>
/// Subjects and fields: <c>lead</c> with <c>status</c>, <c>tier</c>, <c>band</c>, <c>team</c> or <c>calendar</c>; a
/// milestone name (<c>first_touch</c>, <c>effort</c>, <c>cadence_step_N</c>, <c>disposition</c>) with <c>due</c> or
/// <c>status</c>; <c>next_touch</c> with <c>next_touch</c>; <c>escalation_N</c> (the N-th rung, from 1) with
/// <c>fired</c>. An item that exists on one side only (a lead that drops to nurture loses its milestones) is
/// <c>null</c> on the other.
/// </remarks>
public sealed class SlaTransition
{
    /// <summary>Gets the instant of the change: a whole second at which the verdict differs from the verdict one second earlier.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets what changed: <c>lead</c>, a milestone name, <c>next_touch</c> or <c>escalation_N</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the field that changed: <c>status</c>, <c>tier</c>, <c>band</c>, <c>team</c>, <c>calendar</c>, <c>due</c>, <c>next_touch</c> or <c>fired</c>.</summary>
    public required string Field { get; init; }

    /// <summary>Gets the value before, as compact JSON: <c>"pending"</c> (with quotes), <c>false</c>, <c>null</c>, an object for <c>next_touch</c>.</summary>
    public required string FromJson { get; init; }

    /// <summary>Gets the value from <see cref="At"/> on, as compact JSON.</summary>
    public required string ToJson { get; init; }

    /// <summary>
    /// Gets the key <c>ID|POLICY@VERSION|SUBJECT|FIELD|TO|T</c> (TO the new value as compact JSON, T the instant as
    /// printed): the same for this change computed from any earlier instant; a change that moves gets a new key.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>Returns <c>T SUBJECT.FIELD: FROM -&gt; TO</c>, for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{EvaluationJson.FormatInstant(At)} {Subject}.{Field}: {FromJson} -> {ToJson}";
}
