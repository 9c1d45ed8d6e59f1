using SlaEngine.Diagnostics;

namespace SlaEngine.Conditions;

/// <summary>
/// Where a condition's text comes from and how strictly to check it, plus the list compile appends diagnostics to.
/// </summary>
/// <remarks>
/// Offset <c>k</c> of a single-line text maps to (<see cref="Line"/>, <see cref="Column"/> + k); in multi-line text
/// each newline advances the line and restarts the column at 1.
/// </remarks>
internal sealed class ConditionCompileContext
{
    /// <summary>Gets the file (or source name) the condition is in.</summary>
    public required string File { get; init; }

    /// <summary>Gets the 1-based line where the condition text starts.</summary>
    public required int Line { get; init; }

    /// <summary>Gets the 1-based column where the condition text starts.</summary>
    public required int Column { get; init; }

    /// <summary>
    /// Gets the declared fields. When set, unknown identifiers, type mismatches and enum values not in the enum
    /// are errors; when not set, type mismatches the compiler can still see (literals, function results) are warnings.
    /// </summary>
    public FieldSchema? Fields { get; init; }

    /// <summary>Gets a value indicating whether <c>score</c> may be used (false inside scoring rules). Default true.</summary>
    public bool AllowScore { get; init; } = true;

    /// <summary>Gets the policy's attribute slots, which the compiled condition reads attributes by; null to read them by name.</summary>
    public AttributeSlots? Slots { get; init; }

    /// <summary>
    /// Gets how to map an offset in the condition text to its line and column in the file, when the text is not
    /// written verbatim from (<see cref="Line"/>, <see cref="Column"/>) on (quoted with escapes, folded, a block).
    /// </summary>
    public Func<int, (int Line, int Column)>? Locate { get; init; }

    /// <summary>Gets the diagnostics compile appended (errors and warnings).</summary>
    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>Maps an offset in the condition text to a file location and appends a diagnostic.</summary>
    /// <param name="text">The condition text.</param>
    /// <param name="offset">The offset of the offending token.</param>
    /// <param name="code">The diagnostic code.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="message">The message.</param>
    internal void Report(string text, int offset, string code, DiagnosticSeverity severity, string message)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        if (Locate is not null)
        {
            var (at, col) = Locate(offset);
            Diagnostics.Add(new Diagnostic(code, severity, message, File, at, col));
            return;
        }

        var line = Line;
        var column = Column + offset;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = offset - i;
            }
        }

        Diagnostics.Add(new Diagnostic(code, severity, message, File, line, column));
    }
}
