namespace SlaEngine.Reporting;

/// <summary>The totals of a comparison: how many leads, how many differ, and each policy's totals.</summary>
public sealed record PolicyComparisonTotals
{
    internal PolicyComparisonTotals(int leads, int differing, PolicyTotals @base, PolicyTotals candidate)
    {
        Leads = leads;
        Differing = differing;
        Base = @base;
        Candidate = candidate;
    }

    /// <summary>Gets the leads compared.</summary>
    public int Leads { get; init; }

    /// <summary>Gets the leads with at least one difference.</summary>
    public int Differing { get; init; }

    /// <summary>Gets the base policy's totals.</summary>
    public PolicyTotals Base { get; init; }

    /// <summary>Gets the candidate policy's totals.</summary>
    public PolicyTotals Candidate { get; init; }
}
