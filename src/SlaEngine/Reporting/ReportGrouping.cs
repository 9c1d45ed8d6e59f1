namespace SlaEngine.Reporting;

/// <summary>How a <see cref="ComplianceReport"/> splits its leads into groups besides the overall figures.</summary>
public enum ReportGrouping
{
    /// <summary>Overall figures only.</summary>
    None,

    /// <summary>One group per tier (<c>--by tier</c>); leads without a tier form the group with a null key.</summary>
    Tier,

    /// <summary>One group per routed team (<c>--by team</c>); leads without a team form the group with a null key.</summary>
    Team,
}
