using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>The disposition of a lead: it ends the SLA.</summary>
/// <param name="Outcome">Convert, defer or recycle.</param>
/// <param name="At">When the disposition was recorded.</param>
public sealed record LeadDisposition(DispositionOutcome Outcome, Instant At);
