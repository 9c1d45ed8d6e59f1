using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>Thrown by <see cref="ImportMapLoader.Load"/> when a map file has errors. Carries every diagnostic found.</summary>
public sealed class ImportMapException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ImportMapException"/> class.</summary>
    /// <param name="diagnostics">All diagnostics (errors and warnings) found.</param>
    public ImportMapException(IEnumerable<Diagnostic> diagnostics)
        : this((diagnostics ?? throw new ArgumentNullException(nameof(diagnostics))).ToImmutableArray())
    {
    }

    private ImportMapException(ImmutableArray<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets every diagnostic found, errors first in file order, then warnings.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0
            ? "The map file is invalid."
            : $"The map file has {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors);
    }
}
