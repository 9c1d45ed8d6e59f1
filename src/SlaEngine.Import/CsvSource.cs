using System.Text;

namespace SlaEngine.Import;

/// <summary>
/// A CSV file to import: its name (used in every location a diagnostic gives, such as <c>leads.csv:412:7</c>) and how
/// to open it. The leads file is read twice when activities are joined to it (once for an index of its ids, once to
/// build the snapshots), so a source opens a fresh stream each time.
/// </summary>
/// <remarks>Immutable and thread-safe; the streams it opens are not shared.</remarks>
public sealed class CsvSource
{
    private readonly Func<Stream> _open;

    private CsvSource(string name, Func<Stream> open)
    {
        Name = name;
        _open = open;
    }

    /// <summary>Gets the name diagnostics give as the file.</summary>
    public string Name { get; }

    /// <summary>A file on disk; diagnostics name it as given.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The source.</returns>
    public static CsvSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new CsvSource(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
    }

    /// <summary>CSV text held in memory (tests, small uploads).</summary>
    /// <param name="name">The name diagnostics give as the file.</param>
    /// <param name="text">The CSV text.</param>
    /// <returns>The source.</returns>
    public static CsvSource FromText(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        return new CsvSource(name, () => new MemoryStream(bytes, writable: false));
    }

    /// <summary>A stream factory: called once per pass, each call must return a new stream positioned at the start.</summary>
    /// <param name="name">The name diagnostics give as the file.</param>
    /// <param name="open">Opens the stream; the reader disposes it.</param>
    /// <returns>The source.</returns>
    public static CsvSource FromStream(string name, Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(open);
        return new CsvSource(name, open);
    }

    internal Stream Open() => _open();
}
