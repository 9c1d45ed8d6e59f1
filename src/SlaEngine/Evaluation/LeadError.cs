using System.Globalization;

namespace SlaEngine.Evaluation;

/// <summary>
/// Why one lead could not be read or evaluated: a stable code (listed in <c>docs/error-codes.md</c>), a message that
/// names the field and the problem, and where it is — the JSON path of the field and the byte offset in the lead's
/// JSON when the lead was read from JSON. Immutable.
/// </summary>
/// <remarks>
/// Errors are values: <see cref="LeadSnapshot.Parse(ReadOnlySpan{byte})"/> and
/// <see cref="SlaPolicyEvaluationExtensions.TryEvaluate(Policies.SlaPolicy, LeadSnapshot, NodaTime.Instant, EvaluationOptions?)"/> return them
/// instead of throwing, so a host answers every lead without try/catch. The message is meant for people and may be
/// reworded between versions; branch on <see cref="Code"/>, never on the message.
/// </remarks>
public sealed class LeadError
{
    /// <summary>Initializes a new instance of the <see cref="LeadError"/> class.</summary>
    /// <param name="code">The stable code, for example <see cref="Diagnostics.DiagnosticCodes.LeadInvalidInstant"/>.</param>
    /// <param name="message">The message: which field and why.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LeadError(string code, string message)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Message = message;
    }

    /// <summary>Gets the stable code, for example <c>SLA0703</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the message: which field is wrong and why (invariant culture).</summary>
    public string Message { get; }

    /// <summary>
    /// Gets the path of the field the error is about, in the form <c>touches[2].at</c> or
    /// <c>attributes.employees</c>; null when the error is about the lead as a whole (for example malformed JSON).
    /// </summary>
    public string? Path { get; init; }

    /// <summary>
    /// Gets the 0-based offset, in bytes of UTF-8, of the problem in the lead's JSON; null when the lead was not read
    /// from JSON or the error is not about one place in it (for example an unknown pinned tier).
    /// </summary>
    public long? ByteOffset { get; init; }

    /// <summary>Gets the 1-based column of the problem in a one-line lead (<see cref="ByteOffset"/> + 1), or null.</summary>
    public long? Column => ByteOffset + 1;

    /// <summary>
    /// Gets where the problem is when the lead was read from something other than its JSON, as
    /// <c>FILE:LINE:COLUMN</c> — for a row of a CSV export, the file, the row's line and the cell's column
    /// (<c>leads.csv:412:7</c>); otherwise null. Written as <c>"location"</c> in the error line.
    /// </summary>
    public string? Location { get; init; }

    /// <summary>Gets the lead's id when it could be read, even from an invalid lead; otherwise null.</summary>
    public string? LeadId { get; init; }

    /// <summary>Formats the error as <c>CODE: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code}: {Message}");
}
