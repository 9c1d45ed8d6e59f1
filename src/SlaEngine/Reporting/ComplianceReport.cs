using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Reporting;

/// <summary>
/// A compliance report over a batch of evaluated leads: overall and per group, leads
/// by status, milestone attainment, speed-to-lead, breaches, lead leakage and the policy's goals with pass/fail.
/// Build one with <see cref="ComplianceReportBuilder"/>; write it with <see cref="ComplianceReportJson"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ComplianceReport
{
    /// <summary>Gets the policy id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>Gets the policy version.</summary>
    public required int PolicyVersion { get; init; }

    /// <summary>Gets the instant the leads were evaluated at.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets how the leads are grouped.</summary>
    public required ReportGrouping Grouping { get; init; }

    /// <summary>Gets the number of input leads that could not be evaluated; they are in no group.</summary>
    public int InvalidLeads { get; init; }

    /// <summary>Gets the figures over all valid leads.</summary>
    public required GroupReport Overall { get; init; }

    /// <summary>
    /// Gets the groups (empty with <see cref="ReportGrouping.None"/>): the policy's tiers or teams in the order the
    /// policy defines them, then other names in ordinal order, then the group without a tier or team.
    /// </summary>
    public ImmutableArray<GroupReport> Groups { get; init; } = [];
}
