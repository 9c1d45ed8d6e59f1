namespace SlaEngine.Reporting;

/// <summary>The number of leads that became MQLs in one calendar month of their SLA start, and how many of them were breached.</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1–12.</param>
/// <param name="Mqls">How many leads became MQLs that month.</param>
public sealed record MonthlyCount(int Year, int Month, int Mqls)
{
    /// <summary>Gets how many of the month's MQLs had at least one breached milestone when the report was made.</summary>
    public int LeadsBreached { get; init; }
}
