using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>A sales touch made on a lead: a call, an email, a voicemail…</summary>
/// <param name="Channel">The channel, as the policy names it (for example <c>call</c>).</param>
/// <param name="At">When the touch was made.</param>
/// <param name="Outcome">An optional outcome such as <c>no_answer</c>; informational.</param>
public sealed record LeadTouch(string Channel, Instant At, string? Outcome = null);
