using SlaEngine.Import.Maps;

namespace SlaEngine.Import;

/// <summary>
/// Loads map files. Every problem of a file is reported at once, each with <c>file:line:col</c> and a stable code
/// (<see cref="ImportDiagnosticCodes"/>); an unknown key gets a "did you mean" hint. Thread-safe.
/// </summary>
public static class ImportMapLoader
{
    /// <summary>The source name used when none is given.</summary>
    public const string DefaultSourceName = "map.yaml";

    /// <summary>Loads a map from YAML text, or throws with every error.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name diagnostics give as the file.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ImportMapException">The map has errors.</exception>
    public static ImportMap Load(string yaml, string sourceName = DefaultSourceName)
    {
        var result = TryLoad(yaml, sourceName);
        return result.Map ?? throw new ImportMapException(result.Diagnostics);
    }

    /// <summary>Loads a map file, or throws with every error.</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ImportMapException">The file cannot be read or has errors.</exception>
    public static ImportMap LoadFile(string path)
    {
        var result = TryLoadFile(path);
        return result.Map ?? throw new ImportMapException(result.Diagnostics);
    }

    /// <summary>Loads a map from YAML text; never throws for bad input.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name diagnostics give as the file.</param>
    /// <returns>The map, or every diagnostic.</returns>
    public static ImportMapLoadResult TryLoad(string yaml, string sourceName = DefaultSourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new MapDiagnostics(sourceName);
        var root = MapYamlReader.Read(yaml, diagnostics);
        var map = root is null ? null : MapCompiler.Compile(root, sourceName, diagnostics);
        return new ImportMapLoadResult(diagnostics.HasErrors ? null : map, diagnostics.ToSortedArray());
    }

    /// <summary>Loads a map file; never throws for bad input (an unreadable file is diagnostic SLA1800).</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The map, or every diagnostic.</returns>
    public static ImportMapLoadResult TryLoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var diagnostics = new MapDiagnostics(path);
            diagnostics.Error(ImportDiagnosticCodes.MapUnreadable, 0, 0, "the map file cannot be read: " + ImportText.Describe(e));
            return new ImportMapLoadResult(null, diagnostics.ToSortedArray());
        }

        return TryLoad(text, path);
    }
}
