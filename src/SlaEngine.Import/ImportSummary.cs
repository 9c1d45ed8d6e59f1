using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>What an import read and reported, in numbers. Immutable: <see cref="LeadCsvReader.Summary"/> returns a new one each time.</summary>
public sealed class ImportSummary
{
    internal ImportSummary()
    {
    }

    /// <summary>Gets the number of lead rows read (blank lines are not rows).</summary>
    public int LeadRows { get; init; }

    /// <summary>Gets the number of leads imported as snapshots.</summary>
    public int Leads { get; init; }

    /// <summary>Gets the number of lead rows that were errors.</summary>
    public int LeadErrors { get; init; }

    /// <summary>Gets the number of rows read from the touches file.</summary>
    public int TouchRows { get; init; }

    /// <summary>Gets the number of touches joined to leads.</summary>
    public int Touches { get; init; }

    /// <summary>Gets the number of rows read from the events file.</summary>
    public int EventRows { get; init; }

    /// <summary>Gets the number of events joined to leads.</summary>
    public int Events { get; init; }

    /// <summary>Gets the number of activity rows left out on purpose: their value maps to null in a <c>values</c> table.</summary>
    public int SkippedByMap { get; init; }

    /// <summary>Gets the number of warnings reported.</summary>
    public int Warnings { get; init; }

    /// <summary>Gets the number of warnings per code.</summary>
    public ImmutableSortedDictionary<string, int> WarningsByCode { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>
    /// Gets the errors that stopped the import before any lead was read: a file that cannot be opened, an empty file, a
    /// column the map names that the header lacks. When there are any, no lead is imported.
    /// </summary>
    public ImmutableArray<Diagnostic> FileErrors { get; init; } = [];
}
