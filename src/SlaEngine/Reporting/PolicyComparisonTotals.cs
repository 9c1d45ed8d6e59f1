namespace SlaEngine.Reporting;

/// <summary>The totals of a comparison: how many leads, how many differ, and each policy's totals.</summary>
/// <param name="Leads">The leads compared.</param>
/// <param name="Differing">The leads with at least one difference.</param>
/// <param name="Base">The base policy's totals.</param>
/// <param name="Candidate">The candidate policy's totals.</param>
public sealed record PolicyComparisonTotals(int Leads, int Differing, PolicyTotals Base, PolicyTotals Candidate);
