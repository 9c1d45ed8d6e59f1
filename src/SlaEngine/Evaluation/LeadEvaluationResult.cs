using System.Diagnostics.CodeAnalysis;

namespace SlaEngine.Evaluation;

/// <summary>
/// The result of evaluating one lead (<see cref="SlaPolicyEvaluationExtensions.TryEvaluate(Policies.SlaPolicy, LeadSnapshot, NodaTime.Instant, EvaluationOptions?)"/>):
/// the evaluation, or a <see cref="LeadError"/> with a stable code when the lead cannot be evaluated under the policy
/// (a pinned tier or team the policy does not define; a deadline outside the years business time supports; with
/// <see cref="EvaluationOptions.Strict"/>, lead data that does not match the policy). Never thrown: a host answers
/// every lead without try/catch. Immutable.
/// </summary>
public sealed class LeadEvaluationResult
{
    private readonly LeadEvaluation? _value;

    private LeadEvaluationResult(LeadEvaluation? value, LeadError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the lead was evaluated.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => _value is not null;

    /// <summary>Gets the evaluation.</summary>
    /// <exception cref="InvalidOperationException">The lead could not be evaluated (check <see cref="Success"/> first).</exception>
    public LeadEvaluation Value => _value ?? throw new InvalidOperationException("The lead could not be evaluated: " + Error);

    /// <summary>Gets the error, or null when the lead was evaluated.</summary>
    public LeadError? Error { get; }

    /// <summary>Gets the lead's id.</summary>
    public string? LeadId => _value?.Id ?? Error?.LeadId;

    /// <summary>Gets the evaluation, or throws.</summary>
    /// <returns>The evaluation.</returns>
    /// <exception cref="InvalidLeadException">The lead could not be evaluated; the exception carries the <see cref="Error"/>.</exception>
    public LeadEvaluation GetValueOrThrow() => _value ?? throw new InvalidLeadException(Error!);

    /// <summary>Gets the evaluation when the lead was evaluated.</summary>
    /// <param name="value">The evaluation, or null.</param>
    /// <returns>Whether the lead was evaluated.</returns>
    public bool TryGetValue([NotNullWhen(true)] out LeadEvaluation? value)
    {
        value = _value;
        return value is not null;
    }

    /// <summary>Creates a successful result (for hosts and tests that build results of their own).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static LeadEvaluationResult ForValue(LeadEvaluation value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>Creates a failed result (for hosts and tests that build results of their own).</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static LeadEvaluationResult ForError(LeadError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
