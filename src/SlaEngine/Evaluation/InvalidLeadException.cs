namespace SlaEngine.Evaluation;

/// <summary>
/// Thrown by the throwing conveniences (<see cref="LeadParseResult.GetValueOrThrow"/>,
/// <see cref="LeadEvaluationResult.GetValueOrThrow"/>, <see cref="SlaPolicyEvaluationExtensions.Evaluate(Policies.SlaPolicy, LeadSnapshot, NodaTime.Instant, EvaluationOptions)"/>)
/// when a lead cannot be read or evaluated. Hosts that handle untrusted leads use the result values instead and
/// never need to catch it. The <see cref="Error"/> carries the code and location.
/// </summary>
public sealed class InvalidLeadException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="InvalidLeadException"/> class.</summary>
    /// <param name="error">The error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public InvalidLeadException(LeadError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>Gets the error: code, message, path and lead id.</summary>
    public LeadError Error { get; }
}
