namespace SlaEngine.Evaluation;

/// <summary>What <see cref="EvaluationJson"/> writes for an evaluation. Immutable: derive new options with <c>with { … }</c>.</summary>
public sealed record EvaluationJsonOptions
{
    /// <summary>Gets the default options: the evaluation line without the trace.</summary>
    public static EvaluationJsonOptions Default { get; } = new();

    /// <summary>Gets options that add the <c>trace</c> array (what <c>slaengine evaluate --explain</c> prints).</summary>
    public static EvaluationJsonOptions WithTrace { get; } = new() { IncludeTrace = true };

    /// <summary>
    /// Gets a value indicating whether the <c>trace</c> array is written. Default false. The evaluation must have been
    /// made with <see cref="EvaluationOptions.IncludeTrace"/> for the trace to hold anything.
    /// </summary>
    public bool IncludeTrace { get; init; }
}
