using Spectre.Console;

namespace SlaEngine.Cli.Rendering;

/// <summary>The colour of a lead or milestone status on a terminal (none when colour is off).</summary>
internal static class StatusStyle
{
    /// <summary>Red for breaches and errors, yellow for risk and lateness, green for met, dim for no SLA.</summary>
    internal static Style Of(string status) => status switch
    {
        "breached" or "error" or "recycle_due" or "FAIL" => new Style(Color.Red),
        "at_risk" or "met_late" or "warning" => new Style(Color.Yellow),
        "met" or "mql" or "converted" or "pass" => new Style(Color.Green),
        "excluded" or "nurture" or "not_applicable" or "n/a" => new Style(decoration: Decoration.Dim),
        _ => Style.Plain,
    };
}
