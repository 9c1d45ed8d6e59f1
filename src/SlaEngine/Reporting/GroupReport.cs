using System.Collections.Immutable;
using SlaEngine.Evaluation;

namespace SlaEngine.Reporting;

/// <summary>The compliance figures of one group of leads (or of all of them), as <c>slaengine report</c> prints them.</summary>
/// <remarks>Immutable.</remarks>
public sealed record GroupReport
{
    /// <summary>Gets the group's key: the tier or team, or null for the leads without one (shown as <c>(none)</c>); null for the overall figures.</summary>
    public string? Key { get; init; }

    /// <summary>Gets the number of (valid) leads in the group.</summary>
    public int Leads { get; init; }

    /// <summary>Gets the number of leads per status; every status is present, zero included.</summary>
    public ImmutableDictionary<LeadStatus, int> ByStatus { get; init; } = ImmutableDictionary<LeadStatus, int>.Empty;

    /// <summary>
    /// Gets the number of leads that became MQLs: status <c>mql</c>, <c>recycle_due</c>, <c>converted</c>,
    /// <c>deferred</c> or <c>recycled</c>.
    /// </summary>
    public int Mqls { get; init; }

    /// <summary>Gets the tallies per milestone name, in milestone order (first touch, effort, cadence steps, disposition).</summary>
    public ImmutableArray<MilestoneTally> Milestones { get; init; } = [];

    /// <summary>Gets the speed-to-lead figures.</summary>
    public SpeedToLead SpeedToLead { get; init; } = new(0, null, null);

    /// <summary>
    /// Gets the speed-to-lead distribution: the first touches counted in fixed buckets of business time from the SLA
    /// start (within 5, 15 and 30 minutes, 1, 2, 4 and 8 hours, 1 day, and beyond); empty when nothing was counted.
    /// </summary>
    public ImmutableArray<SpeedToLeadBucket> SpeedToLeadHistogram { get; init; } = [];

    /// <summary>Gets the number of leads with at least one breached milestone.</summary>
    public int LeadsBreached { get; init; }

    /// <summary>Gets the number of breached milestones.</summary>
    public int MilestonesBreached { get; init; }

    /// <summary>
    /// Gets the lead leakage: leads with status <c>mql</c> or <c>recycle_due</c> whose work deadline (the <c>effort</c>
    /// due, or the due of the last cadence step that has a known due) is before the evaluation instant, whether or not
    /// the touches were made; see <see cref="LeadLeakage"/>, the one definition <c>compare</c> uses too.
    /// </summary>
    public int Leakage { get; init; }

    /// <summary>Gets the leakage as a percentage (0–100) of <see cref="Mqls"/>, or null when there are none.</summary>
    public double? LeakagePercentOfMqls => Mqls == 0 ? null : 100.0 * Leakage / Mqls;

    /// <summary>
    /// Gets the MQLs per calendar month of their SLA start, in the zone of the policy's first calendar (UTC without
    /// calendars), from the first to the last month with an MQL; months in between without one are listed with zero.
    /// </summary>
    public ImmutableArray<MonthlyCount> MqlsPerMonth { get; init; } = [];

    /// <summary>Gets the policy's goals checked against this group's figures, in the policy's order.</summary>
    public ImmutableArray<GoalResult> Goals { get; init; } = [];

    /// <summary>Finds a milestone's tally by name.</summary>
    /// <param name="name">The milestone name.</param>
    /// <returns>The tally, or null when no lead of the group has that milestone.</returns>
    public MilestoneTally? Milestone(string name)
    {
        foreach (var tally in Milestones)
        {
            if (tally.Name == name)
            {
                return tally;
            }
        }

        return null;
    }

    /// <summary>Finds a goal's result by name.</summary>
    /// <param name="name">The goal name.</param>
    /// <returns>The result, or null when the policy sets no such goal.</returns>
    public GoalResult? Goal(string name)
    {
        foreach (var goal in Goals)
        {
            if (goal.Name == name)
            {
                return goal;
            }
        }

        return null;
    }
}
