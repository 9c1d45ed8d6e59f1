using System.Globalization;

namespace SlaEngine.Evaluation;

/// <summary>
/// Something in a lead that the evaluation did not take as written, or that a reader of the result should know: an
/// attribute whose type does not match the policy's <c>fields</c> or an enum value outside the enum (each read as
/// missing), a touch on a channel no tier names (it meets no channel's milestone), or a lead that has not been handed
/// off yet at the evaluation instant. Immutable.
/// </summary>
/// <remarks>
/// A warning never stops the evaluation. With <see cref="EvaluationOptions.Strict"/> the lead-data warnings
/// (<see cref="IsDataMismatch"/>) become the lead's error instead. Branch on <see cref="Code"/>, never on the message.
/// </remarks>
public sealed class LeadWarning
{
    /// <summary>Initializes a new instance of the <see cref="LeadWarning"/> class.</summary>
    /// <param name="code">The stable code, for example <see cref="Diagnostics.DiagnosticCodes.LeadAttributeWrongType"/>.</param>
    /// <param name="message">The message: which value and why.</param>
    /// <param name="path">The path of the value, for example <c>attributes.employees</c> or <c>touches[0].channel</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LeadWarning(string code, string message, string path)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(path);
        Code = code;
        Message = message;
        Path = path;
    }

    /// <summary>Gets the stable code, for example <c>SLA0710</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the message (invariant culture).</summary>
    public string Message { get; }

    /// <summary>Gets the path of the value the warning is about, for example <c>attributes.employees</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// Gets a value indicating whether the warning is about lead data that does not match the policy (a wrong type,
    /// an enum value outside the enum, an unknown touch channel): the warnings that
    /// <see cref="EvaluationOptions.Strict"/> turns into the lead's error.
    /// </summary>
    public bool IsDataMismatch => Code is Diagnostics.DiagnosticCodes.LeadAttributeWrongType
        or Diagnostics.DiagnosticCodes.LeadEnumValueUnknown
        or Diagnostics.DiagnosticCodes.LeadTouchChannelUnknown;

    /// <summary>Formats the warning as <c>CODE: path: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code}: {Path}: {Message}");
}
