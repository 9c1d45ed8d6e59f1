namespace SlaEngine.Reporting;

/// <summary>The number of leads that became MQLs in one calendar month of their SLA start, and how many of them were breached.</summary>
public sealed record MonthlyCount
{
    internal MonthlyCount(int year, int month, int mqls)
    {
        Year = year;
        Month = month;
        Mqls = mqls;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; init; }

    /// <summary>Gets the month, 1–12.</summary>
    public int Month { get; init; }

    /// <summary>How many leads became MQLs that month.</summary>
    public int Mqls { get; init; }

    /// <summary>Gets how many of the month's MQLs had at least one breached milestone when the report was made.</summary>
    public int LeadsBreached { get; init; }
}
