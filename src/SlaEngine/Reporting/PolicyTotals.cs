using System.Collections.Immutable;

namespace SlaEngine.Reporting;

/// <summary>The totals of one policy over the leads of a comparison.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyTotals
{
    internal PolicyTotals(
        string policyId,
        int policyVersion,
        ImmutableSortedDictionary<string, int> byStatus,
        ImmutableSortedDictionary<string, int> byTier,
        int breaches,
        int breachedLeads,
        int leakage,
        ImmutableArray<TeamTouchLoad> touchLoad)
    {
        PolicyId = policyId;
        PolicyVersion = policyVersion;
        ByStatus = byStatus;
        ByTier = byTier;
        Breaches = breaches;
        BreachedLeads = breachedLeads;
        Leakage = leakage;
        TouchLoad = touchLoad;
    }

    /// <summary>Gets the policy id.</summary>
    public string PolicyId { get; }

    /// <summary>Gets the policy version.</summary>
    public int PolicyVersion { get; }

    /// <summary>Gets the number of leads per status (<c>mql</c>, <c>nurture</c>…), by ordinal name.</summary>
    public ImmutableSortedDictionary<string, int> ByStatus { get; }

    /// <summary>Gets the number of leads per tier (leads without a tier are not counted here).</summary>
    public ImmutableSortedDictionary<string, int> ByTier { get; }

    /// <summary>Gets the number of milestones whose verdict is <c>breached</c>.</summary>
    public int Breaches { get; }

    /// <summary>Gets the number of leads with at least one breached milestone.</summary>
    public int BreachedLeads { get; }

    /// <summary>Gets the leakage: leads whose work deadline passed with no disposition, as <see cref="LeadLeakage"/> defines it (the same count as the compliance report's).</summary>
    public int Leakage { get; }

    /// <summary>Gets the touch load per team and calendar, by team then calendar name.</summary>
    public ImmutableArray<TeamTouchLoad> TouchLoad { get; }
}
