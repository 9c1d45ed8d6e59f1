using System.Diagnostics.CodeAnalysis;

namespace SlaEngine.Evaluation;

/// <summary>
/// The result of reading one lead from JSON (<see cref="LeadSnapshot.Parse(ReadOnlySpan{byte})"/>): the snapshot, or
/// a located <see cref="LeadError"/>. Like NodaTime's <c>ParseResult&lt;T&gt;</c>: reading never throws for bad
/// input; <see cref="GetValueOrThrow"/> is there for callers who prefer an exception. Immutable.
/// </summary>
public sealed class LeadParseResult
{
    private readonly LeadSnapshot? _value;

    private LeadParseResult(LeadSnapshot? value, LeadError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the lead was read.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => _value is not null;

    /// <summary>Gets the snapshot.</summary>
    /// <exception cref="InvalidOperationException">The lead could not be read (check <see cref="Success"/> first).</exception>
    public LeadSnapshot Value => _value ?? throw new InvalidOperationException("The lead could not be read: " + Error);

    /// <summary>Gets the error, or null when the lead was read.</summary>
    public LeadError? Error { get; }

    /// <summary>Gets the lead's id: from the snapshot, or from an invalid lead when it could be read; otherwise null.</summary>
    public string? LeadId => _value?.Id ?? Error?.LeadId;

    /// <summary>Gets the snapshot, or throws.</summary>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InvalidLeadException">The lead could not be read; the exception carries the <see cref="Error"/>.</exception>
    public LeadSnapshot GetValueOrThrow() => _value ?? throw new InvalidLeadException(Error!);

    /// <summary>Gets the snapshot when the lead was read.</summary>
    /// <param name="value">The snapshot, or null.</param>
    /// <returns>Whether the lead was read.</returns>
    public bool TryGetValue([NotNullWhen(true)] out LeadSnapshot? value)
    {
        value = _value;
        return value is not null;
    }

    /// <summary>Creates a successful result (for hosts and tests that build results of their own).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static LeadParseResult ForValue(LeadSnapshot value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>Creates a failed result (for hosts and tests that build results of their own).</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static LeadParseResult ForError(LeadError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
