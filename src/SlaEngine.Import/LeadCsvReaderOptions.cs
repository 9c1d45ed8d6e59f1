using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>Options of a <see cref="LeadCsvReader"/>.</summary>
public sealed class LeadCsvReaderOptions
{
    /// <summary>
    /// Gets or sets the callback that receives every warning, in the order found: activity rows that cannot be read,
    /// refer to an unknown lead or carry a value outside a <c>values</c> table; date-times resolved across a
    /// daylight-saving change; date-only values. Each has its file, line and CSV column. Default: none (the
    /// <see cref="ImportSummary"/> still counts them).
    /// </summary>
    public Action<Diagnostic>? OnWarning { get; set; }

    /// <summary>
    /// Gets or sets the directory for the temporary files that join activities to leads (a folder of its own is made
    /// inside and removed when the reader is disposed). Default: <see cref="Path.GetTempPath"/>.
    /// </summary>
    public string? TempDirectory { get; set; }

    /// <summary>Gets or sets the most leads whose activities are held in memory at once (at least 1,024). Default: 16,384, or more for exports above 4 million leads (so at most 256 temporary files are open).</summary>
    public int LeadsPerBatch { get; set; } = 16_384;
}
