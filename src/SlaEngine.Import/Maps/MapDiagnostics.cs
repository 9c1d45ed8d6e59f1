using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.Import.Maps;

/// <summary>Collects the diagnostics of one map file. Not thread-safe: one per load.</summary>
internal sealed class MapDiagnostics
{
    private readonly List<Diagnostic> _items = [];

    public MapDiagnostics(string file)
    {
        File = file;
    }

    public string File { get; }

    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Error(string code, int line, int column, string message) =>
        _items.Add(ImportDiagnostic.Create(code, DiagnosticSeverity.Error, message, File, line, column));

    public void Warning(string code, int line, int column, string message) =>
        _items.Add(ImportDiagnostic.Create(code, DiagnosticSeverity.Warning, message, File, line, column));

    /// <summary>Errors first, then warnings, each by line and column (ties in the order found).</summary>
    public ImmutableArray<Diagnostic> ToSortedArray() => [.. _items.Distinct().OrderBy(d => d.IsError ? 0 : 1).ThenBy(d => d.Line).ThenBy(d => d.Column)];
}
