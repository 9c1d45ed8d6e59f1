using SlaEngine.Reporting;

namespace SlaEngine.Pictures;

/// <summary>Options for <see cref="ComplianceReportPage"/>.</summary>
/// <remarks>Immutable once built (init-only properties).</remarks>
public sealed class ComplianceReportPageOptions
{
    /// <summary>Gets the default options.</summary>
    public static ComplianceReportPageOptions Default { get; } = new();

    /// <summary>Gets the page title; <see langword="null"/> (the default) for <c>SLA compliance · POLICY vN</c>.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Gets further reports over the same leads grouped another way (for example by team when the main report is by
    /// tier); their groups are shown after the main report's. Empty by default.
    /// </summary>
    public IReadOnlyList<ComplianceReport> Breakdowns { get; init; } = [];
}
