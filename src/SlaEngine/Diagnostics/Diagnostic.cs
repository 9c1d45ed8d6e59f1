using System.Globalization;

namespace SlaEngine.Diagnostics;

/// <summary>
/// One problem found in a policy file, a lead or a command: a stable code (for example <c>SLA0102</c>),
/// a severity, a message and the location it refers to.
/// </summary>
/// <param name="Code">The stable code, listed in <c>docs/error-codes.md</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">A human-readable message (invariant culture).</param>
/// <param name="File">The file (or source name) the problem is in; may be empty.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, string File, int Line, int Column)
{
    /// <summary>Gets a value indicating whether this diagnostic is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats the diagnostic as <c>file:line:col: error|warning CODE: message</c>.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}");
}
