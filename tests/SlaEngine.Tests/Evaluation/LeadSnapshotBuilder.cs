using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Tests.Evaluation;

/// <summary>Builds lead snapshots for tests with readable instants.</summary>
internal sealed class LeadSnapshotBuilder
{
    private LeadSnapshot _lead;
    private readonly List<Interval> _paused = [];

    internal LeadSnapshotBuilder(string id = "L-1")
    {
        _lead = new LeadSnapshot(id);
    }

    internal static Instant T(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    internal LeadSnapshotBuilder WithMqlAt(string at)
    {
        _lead = _lead with { MqlAt = T(at) };
        return this;
    }

    internal LeadSnapshotBuilder With(string attribute, LeadValue value)
    {
        _lead = _lead with { Attributes = _lead.Attributes.SetItem(attribute, value) };
        return this;
    }

    internal LeadSnapshotBuilder WithTouch(string channel, string at)
    {
        _lead = _lead with { Touches = _lead.Touches.Add(new LeadTouch(channel, T(at))) };
        return this;
    }

    internal LeadSnapshotBuilder WithTouch(string channel, Instant at)
    {
        _lead = _lead with { Touches = _lead.Touches.Add(new LeadTouch(channel, at)) };
        return this;
    }

    internal LeadSnapshotBuilder WithEvent(string type, string at)
    {
        _lead = _lead with { Events = _lead.Events.Add(new LeadEvent(type, T(at))) };
        return this;
    }

    internal LeadSnapshotBuilder WithPause(string from, string to)
    {
        _paused.Add(new Interval(T(from), T(to)));
        return this;
    }

    internal LeadSnapshotBuilder WithDisposition(DispositionOutcome outcome, string at)
    {
        _lead = _lead with { Disposition = new LeadDisposition(outcome, T(at)) };
        return this;
    }

    internal LeadSnapshotBuilder WithAssignment(string? tier, string? team)
    {
        _lead = _lead with { Assigned = new LeadAssignment(tier, team) };
        return this;
    }

    internal LeadSnapshot Build() => _lead with { Paused = PauseSchedule.Create(_paused) };
}
