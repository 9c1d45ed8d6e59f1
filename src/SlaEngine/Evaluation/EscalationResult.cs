using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>One rung of the escalation ladder.</summary>
/// <param name="After">The rung's delay as written (for example <c>24 hours</c>).</param>
/// <param name="At">When the rung is reached.</param>
/// <param name="Notify">Who must be alerted.</param>
/// <param name="Fired">Whether the rung has fired: reached at or before the evaluation instant without a first touch by then.</param>
public sealed record EscalationResult(string After, Instant At, ImmutableArray<string> Notify, bool Fired);
