using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>The outcome of <see cref="ImportMapLoader.TryLoad"/>: the map when it loaded, and every diagnostic.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportMapLoadResult
{
    internal ImportMapLoadResult(ImportMap? map, ImmutableArray<Diagnostic> diagnostics)
    {
        Map = map;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets a value indicating whether the map loaded (no errors; warnings are allowed).</summary>
    [MemberNotNullWhen(true, nameof(Map))]
    public bool Success => Map is not null;

    /// <summary>Gets the map, or <see langword="null"/> when there were errors.</summary>
    public ImportMap? Map { get; }

    /// <summary>Gets every diagnostic, each with <c>file:line:col</c>: errors first, then warnings, each sorted by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
