using System.Diagnostics.CodeAnalysis;

namespace SlaEngine.Evaluation;

/// <summary>
/// The outcome of computing one lead's timeline: the <see cref="LeadTimeline"/>, or the lead's <see cref="LeadError"/>
/// (a pinned tier or team the policy does not define, data that does not match the policy in strict mode, an instant
/// or a deadline outside the supported years) — an expected failure, as a value. Immutable.
/// </summary>
public sealed class LeadTimelineResult
{
    private readonly LeadTimeline? _value;

    private LeadTimelineResult(LeadTimeline? value, LeadError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the timeline was computed.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => _value is not null;

    /// <summary>Gets the timeline.</summary>
    /// <exception cref="InvalidOperationException">The lead has an error instead.</exception>
    public LeadTimeline Value => _value ?? throw new InvalidOperationException("The lead's timeline could not be computed: " + Error);

    /// <summary>Gets the lead's error, or null on success.</summary>
    public LeadError? Error { get; }

    /// <summary>Gets the lead's id, when known.</summary>
    public string? LeadId => _value?.LeadId ?? Error?.LeadId;

    /// <summary>Returns the timeline, or throws <see cref="InvalidLeadException"/> carrying the error.</summary>
    /// <returns>The timeline.</returns>
    /// <exception cref="InvalidLeadException">The lead has an error.</exception>
    public LeadTimeline GetValueOrThrow() => _value ?? throw new InvalidLeadException(Error!);

    /// <summary>Gets the timeline when there is one.</summary>
    /// <param name="value">The timeline, or null.</param>
    /// <returns>Whether there is a timeline.</returns>
    public bool TryGetValue([NotNullWhen(true)] out LeadTimeline? value)
    {
        value = _value;
        return value is not null;
    }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The timeline.</param>
    /// <returns>The result.</returns>
    public static LeadTimelineResult ForValue(LeadTimeline value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The lead's error.</param>
    /// <returns>The result.</returns>
    public static LeadTimelineResult ForError(LeadError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
