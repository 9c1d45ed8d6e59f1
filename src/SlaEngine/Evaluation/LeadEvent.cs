using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>A behavioural event of a lead (for example <c>whitepaper_download</c>), used by scoring rules and <c>count()</c>.</summary>
/// <param name="Type">The event type.</param>
/// <param name="At">When it happened.</param>
public sealed record LeadEvent(string Type, Instant At);
