namespace SlaEngine.Evaluation;

/// <summary>Options of an evaluation. Immutable: derive new options with <c>with { … }</c>.</summary>
public sealed record EvaluationOptions
{
    /// <summary>
    /// Gets the default options: without the explanation trace, with <see cref="LeadEvaluation.NextChangeAt"/>, not
    /// strict. The default costs only what the verdict costs; ask for the trace with <see cref="WithTrace"/> or
    /// <c>Explain</c>.
    /// </summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>Gets options without the explanation trace: the same as <see cref="Default"/>, named for readability at call sites.</summary>
    public static EvaluationOptions WithoutTrace { get; } = Default;

    /// <summary>Gets options with the explanation trace (every rule, band, route, milestone and rung with the values it read), for "why?" screens.</summary>
    public static EvaluationOptions WithTrace { get; } = new() { IncludeTrace = true };

    /// <summary>
    /// Gets a value indicating whether the evaluation records its explanation trace. Default false: the trace costs
    /// several times the evaluation itself, so it is built only when asked for.
    /// </summary>
    public bool IncludeTrace { get; init; }

    /// <summary>
    /// Gets a value indicating whether lead data that does not match the policy is the lead's error instead of a
    /// warning. Default false: with the policy's <c>fields</c> declared, an attribute of the wrong type, an enum value
    /// outside the enum (both read as missing) and a touch on a channel no tier names are
    /// <see cref="LeadEvaluation.Warnings"/>. When true, the first of them is the lead's <see cref="LeadError"/> (with the warning's code) and the
    /// lead is not evaluated.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Gets a value indicating whether the evaluation computes <see cref="LeadEvaluation.NextChangeAt"/>, the first
    /// instant after the evaluation instant at which the verdict changes. Default true; switch it off only where
    /// nobody reads it, to evaluate about twice as fast.
    /// </summary>
    public bool IncludeNextChange { get; init; } = true;

    /// <summary>Gets a value indicating whether only the verdict is needed (the timeline's steps): the reason is left empty.</summary>
    internal bool VerdictOnly { get; init; }
}
