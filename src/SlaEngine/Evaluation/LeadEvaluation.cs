using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>
/// The immutable result of evaluating one lead under one policy at one instant: status and reason, score, tier, band,
/// team and calendar, milestones, next touch, escalation rungs, warnings about the lead's data and the explanation
/// trace. <see cref="EvaluationJson"/> writes it as the JSON line described in <c>docs/output-format.md</c>.
/// </summary>
public sealed record LeadEvaluation
{
    // Optional values stored without Nullable's padding: one of these is allocated per evaluation.
    private double _score;
    private Instant _slaStart;
    private Instant _nextChangeAt;
    private bool _hasScore;
    private bool _hasSlaStart;
    private bool _hasNextChangeAt;

    /// <summary>Gets the lead's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the policy id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>Gets the policy version.</summary>
    public required int PolicyVersion { get; init; }

    /// <summary>Gets the evaluation instant.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets the status.</summary>
    public required LeadStatus Status { get; init; }

    /// <summary>Gets the reason, starting with <c>exclusion: NAME</c>, <c>disposition: OUTCOME</c>, <c>trigger: NAME</c>, <c>score</c>, <c>below threshold</c>, <c>band: NAME</c> or <c>no band</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the score (null for excluded leads).</summary>
    public double? Score
    {
        get => _hasScore ? _score : null;
        init => (_score, _hasScore) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>Gets the tier, when one was decided.</summary>
    public string? Tier { get; init; }

    /// <summary>Gets the band of the <c>bands.by</c> value, when one matched.</summary>
    public string? Band { get; init; }

    /// <summary>Gets the routed team.</summary>
    public string? Team { get; init; }

    /// <summary>Gets the routed calendar's name.</summary>
    public string? Calendar { get; init; }

    /// <summary>Gets the SLA start.</summary>
    public Instant? SlaStart
    {
        get => _hasSlaStart ? _slaStart : null;
        init => (_slaStart, _hasSlaStart) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>Gets the milestones, in order: <c>first_touch</c>, <c>effort</c>, cadence steps, <c>disposition</c>.</summary>
    public ImmutableArray<MilestoneResult> Milestones { get; init; } = [];

    /// <summary>Gets the next touch, or null when no touch milestone is open.</summary>
    public NextTouch? NextTouch { get; init; }

    /// <summary>Gets the escalation rungs of the tier.</summary>
    public ImmutableArray<EscalationResult> Escalations { get; init; } = [];

    /// <summary>
    /// Gets the warnings about the lead (empty when there are none): lead data that does not match the policy's
    /// <c>fields</c> (read as missing), or a lead not yet handed off at the evaluation instant. See <see cref="LeadWarning"/>.
    /// </summary>
    public ImmutableArray<LeadWarning> Warnings { get; init; } = [];

    /// <summary>
    /// Gets the first instant after <see cref="At"/> at which the verdict of this lead changes with time alone (a
    /// milestone turning at risk or breached, a rung firing, a touch or event dated later, a score fading), or null
    /// when nothing changes within 366 days or the evaluation was asked not to compute it
    /// (<see cref="EvaluationOptions.IncludeNextChange"/>). Evaluate again at this instant.
    /// </summary>
    public Instant? NextChangeAt
    {
        get => _hasNextChangeAt ? _nextChangeAt : null;
        init => (_nextChangeAt, _hasNextChangeAt) = (value.GetValueOrDefault(), value.HasValue);
    }

    /// <summary>Gets the explanation trace (empty when tracing was switched off in <see cref="EvaluationOptions"/>).</summary>
    public ImmutableArray<TraceEntry> Trace { get; init; } = [];

    /// <summary>
    /// Sets <see cref="NextChangeAt"/> on an evaluation that was just built and not yet handed out (the walk that
    /// finds it starts from this very evaluation), instead of copying the whole result for one field.
    /// </summary>
    internal LeadEvaluation SetNextChangeWhileBuilding(Instant? at)
    {
        (_nextChangeAt, _hasNextChangeAt) = (at.GetValueOrDefault(), at.HasValue);
        return this;
    }

    /// <summary>Finds a milestone by name.</summary>
    /// <param name="name">The milestone name.</param>
    /// <returns>The milestone, or null.</returns>
    public MilestoneResult? Milestone(string name)
    {
        foreach (var milestone in Milestones)
        {
            if (milestone.Name == name)
            {
                return milestone;
            }
        }

        return null;
    }
}
