using System.Collections.Immutable;
using System.Globalization;

namespace SlaEngine.Diagnostics;

/// <summary>
/// Collects the diagnostics of one source file. Not thread-safe: one bag per load.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public DiagnosticBag(string file)
    {
        File = file;
    }

    /// <summary>Gets the file name every diagnostic of this bag refers to.</summary>
    public string File { get; }

    /// <summary>Gets a value indicating whether any error has been reported.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>Gets the number of diagnostics reported so far.</summary>
    public int Count => _items.Count;

    /// <summary>Gets the diagnostics reported so far, unsorted, as a mutable list (for compilers that report into a list).</summary>
    public List<Diagnostic> Items => _items;

    /// <summary>Reports an error.</summary>
    /// <param name="code">The code.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="message">The message (invariant culture).</param>
    public void Error(string code, int line, int column, string message) =>
        _items.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, File, line, column));

    /// <summary>Reports a warning.</summary>
    /// <param name="code">The code.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="message">The message (invariant culture).</param>
    public void Warning(string code, int line, int column, string message) =>
        _items.Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, File, line, column));

    /// <summary>Adds diagnostics reported elsewhere (for example by the condition compiler).</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>
    /// Returns the diagnostics sorted the way they are reported: errors first, then warnings, each by line and column
    /// (ties keep the order they were found in). Exact duplicates are dropped.
    /// </summary>
    /// <returns>The sorted diagnostics.</returns>
    public ImmutableArray<Diagnostic> ToSortedArray() => _items
        .Distinct()
        .OrderBy(d => d.IsError ? 0 : 1)
        .ThenBy(d => d.Line)
        .ThenBy(d => d.Column)
        .ToImmutableArray();

    /// <summary>Formats a value with the invariant culture.</summary>
    /// <param name="formattable">The interpolated string.</param>
    /// <returns>The text.</returns>
    public static string Invariant(FormattableString formattable) => formattable.ToString(CultureInfo.InvariantCulture);
}
