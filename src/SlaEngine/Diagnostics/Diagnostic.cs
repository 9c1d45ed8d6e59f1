using System.Globalization;

namespace SlaEngine.Diagnostics;

/// <summary>
/// One problem found in a policy file, a lead or a command: a stable code (for example <c>SLA0102</c>),
/// a severity, a message and the location it refers to.
/// </summary>
public sealed record Diagnostic
{
    internal Diagnostic(string code, DiagnosticSeverity severity, string message, string file, int line, int column)
    {
        Code = code;
        Severity = severity;
        Message = message;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>Gets the stable code, listed in <c>docs/error-codes.md</c>.</summary>
    public string Code { get; init; }

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity { get; init; }

    /// <summary>Gets a human-readable message (invariant culture).</summary>
    public string Message { get; init; }

    /// <summary>Gets the file (or source name) the problem is in; may be empty.</summary>
    public string File { get; init; }

    /// <summary>Gets the 1-based line, or 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>Gets the 1-based column, or 0 when unknown.</summary>
    public int Column { get; init; }

    /// <summary>Gets a value indicating whether this diagnostic is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats the diagnostic as <c>file:line:col: error|warning CODE: message</c>.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}");
}
