using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>
/// A snapshot of one lead as the host knows it (spec 4.1): attributes, behavioural events, sales touches, paused
/// intervals and the disposition. Immutable; build one with an object initializer or read one from JSON with
/// <see cref="LeadJson"/>.
/// </summary>
public sealed record LeadSnapshot
{
    /// <summary>Initializes a new instance of the <see cref="LeadSnapshot"/> class.</summary>
    /// <param name="id">The lead's id.</param>
    public LeadSnapshot(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
    }

    /// <summary>Gets the lead's id.</summary>
    public string Id { get; init; }

    /// <summary>Gets when the lead was handed to sales (the SLA start); null means the evaluation instant.</summary>
    public Instant? MqlAt { get; init; }

    /// <summary>Gets the attributes (a missing attribute is null in conditions).</summary>
    public ImmutableDictionary<string, LeadValue> Attributes { get; init; } = ImmutableDictionary<string, LeadValue>.Empty;

    /// <summary>Gets the behavioural events.</summary>
    public ImmutableArray<LeadEvent> Events { get; init; } = [];

    /// <summary>Gets the sales touches.</summary>
    public ImmutableArray<LeadTouch> Touches { get; init; } = [];

    /// <summary>Gets the paused intervals of the SLA clock.</summary>
    public PauseSchedule Paused { get; init; } = PauseSchedule.Empty;

    /// <summary>Gets the disposition, if any.</summary>
    public LeadDisposition? Disposition { get; init; }

    /// <summary>Gets the tier and team pinned at hand-off, if any.</summary>
    public LeadAssignment? Assigned { get; init; }
}
