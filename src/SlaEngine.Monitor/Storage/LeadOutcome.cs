using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Timeline;
using SlaEngine.Policies;

namespace SlaEngine.Monitor.Storage;

/// <summary>What one evaluation of a lead decided: what to store, which transitions are due, when to wake it next.</summary>
internal sealed class LeadOutcome
{
    internal required LeadSnapshot Snapshot { get; init; }

    internal required string PolicyId { get; init; }

    internal SlaPolicy? Policy { get; init; }

    internal Instant? SlaStart { get; init; }

    internal Instant? NextChangeAt { get; init; }

    internal LeadEvaluation? Evaluation { get; init; }

    internal ImmutableArray<TimelineItem> Due { get; init; } = [];

    internal ImmutableArray<TimelineItem> Ahead { get; init; } = [];

    internal string? ProblemCode { get; init; }

    internal string? Problem { get; init; }

    /// <summary>Gets whether the lead could not be evaluated for a reason that should refuse a write (not a missing policy).</summary>
    internal bool IsInvalidLead => ProblemCode is MonitorErrorCodes.InvalidLead or MonitorErrorCodes.OutOfRange;
}
