using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Pictures;

/// <summary>One change of a lead's verdict, as the pictures draw it (subject, field, old and new value as compact JSON).</summary>
internal sealed record PictureTransition(Instant At, string Subject, string Field, string FromJson, string ToJson, string Key);

/// <summary>
/// Where the pictures get a lead's transitions from. The seam keeps the drawing independent of how the transitions are
/// computed: the core's timeline, when available.
/// </summary>
internal static class TransitionSource
{
    /// <summary>Every transition of the lead in <c>(from, until]</c>, from the core's timeline.</summary>
    internal static IReadOnlyList<PictureTransition> Between(SlaPolicy policy, LeadSnapshot lead, Instant from, Instant until) =>
        [.. policy.Timeline(lead, from, until).Transitions.Select(t => new PictureTransition(t.At, t.Subject, t.Field, t.FromJson, t.ToJson, t.Key))];
}
