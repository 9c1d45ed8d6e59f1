using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// Computes a tier's milestones for one lead: dues on pause-aware clocks, completion from touches,
/// verdicts, the next touch and the escalation rungs.
/// </summary>
internal struct MilestonePlanner
{
    private readonly TierDefinition _tier;
    private readonly BusinessCalendar _calendar;
    private readonly LeadSnapshot _lead;
    private readonly Instant _at;
    private readonly Instant _start;
    private readonly LeadDisposition? _disposition;
    private readonly LeadConditionScope _scope;
    private readonly ImmutableArray<TraceEntry>.Builder? _trace;
    private readonly TimelineProbe? _probe;
    private readonly ImmutableArray<LeadTouch> _touches;
    private readonly MilestoneResult[] _milestones;
    private int _milestoneCount;

    /// <summary>The earliest-due open touch milestone so far (the first one wins a tie): the next touch.</summary>
    private Candidate? _best;

    internal MilestonePlanner(
        TierDefinition tier,
        BusinessCalendar calendar,
        LeadSnapshot lead,
        Instant at,
        Instant start,
        LeadDisposition? disposition,
        LeadConditionScope scope,
        ImmutableArray<TraceEntry>.Builder? trace,
        TimelineProbe? probe = null)
    {
        _tier = tier;
        _calendar = calendar;
        _lead = lead;
        _at = at;
        _start = start;
        _disposition = disposition;
        _scope = scope;
        _trace = trace;
        _probe = probe;

        // Sized for the tier's milestones, so the result takes the array without a copy (unless a cadence step is skipped).
        _milestones = new MilestoneResult[
            (tier.FirstTouch is null ? 0 : 1) + (tier.Effort.IsEmpty ? 0 : 1) + tier.Cadence.Length + (tier.DispositionWithin is null ? 0 : 1)];

        // Touches after `at` are ignored, and so are touches after the disposition ended the SLA. The lead's own array
        // is used as it is in the common case (all touches before the end, in time order).
        _touches = TouchesUntil(lead.Touches, disposition?.At ?? at);
    }

    internal ImmutableArray<MilestoneResult> Milestones { get; private set; }

    internal NextTouch? NextTouch { get; private set; }

    internal ImmutableArray<EscalationResult> Escalations { get; private set; }

    /// <summary>Gets a value indicating whether every touch plan of the tier (effort, cadence) is exhausted.</summary>
    internal bool Exhausted { get; private set; }

    internal void Run()
    {
        Instant? firstTouchAt = null;
        Instant? firstTouchMetAt = null;
        var hasPlan = false;
        var exhausted = true;

        if (_tier.FirstTouch is { } firstTouch)
        {
            var clock = ClockFor(firstTouch.Within);
            var due = clock.Due(_start, firstTouch.Within);
            Instant? met = null;
            foreach (var touch in _touches)
            {
                if (touch.At >= _start && Contains(firstTouch.Channels, touch.Channel))
                {
                    met = touch.At;
                    break;
                }
            }

            firstTouchMetAt = met;
            firstTouchAt = met;
            Judge(LeadEvaluator.FirstTouchName, clock, _start, firstTouch.Within, due, met, firstTouch.WarnBefore ?? _tier.WarnBefore);
            if (met is null)
            {
                Offer(new Candidate(LeadEvaluator.FirstTouchName, due, firstTouch.Channels[0], null));
            }
        }

        if (!_tier.Effort.IsEmpty)
        {
            hasPlan = true;
            Span<int> done = _tier.Effort.Length <= 32 ? stackalloc int[_tier.Effort.Length] : new int[_tier.Effort.Length];
            Instant? last = null;
            Instant? firstCounted = null;
            Instant? met = null;
            foreach (var touch in _touches)
            {
                if (touch.At < _start)
                {
                    continue;
                }

                for (var i = 0; i < done.Length; i++)
                {
                    if (done[i] < _tier.Effort[i].Count && string.Equals(_tier.Effort[i].Channel, touch.Channel, StringComparison.OrdinalIgnoreCase))
                    {
                        done[i]++;
                        last = touch.At;
                        firstCounted ??= touch.At;
                        break;
                    }
                }

                if (met is null && AllDone(done))
                {
                    met = touch.At;
                }
            }

            if (_tier.FirstTouch is null && _tier.Cadence.IsEmpty)
            {
                firstTouchAt = firstCounted;
            }

            exhausted &= met is not null;
            Instant? due = null;
            SlaClock clock = default;
            if (_tier.CompleteWithin is { } within)
            {
                clock = ClockFor(within);
                due = clock.Due(_start, within);
                Judge(LeadEvaluator.EffortName, clock, _start, within, due.Value, met, _tier.WarnBefore);
            }
            else
            {
                Add(new MilestoneResult(LeadEvaluator.EffortName, null, met is null ? Open() : MilestoneStatus.Met, met, Duration.Zero));
            }

            if (met is null && due is { } deadline)
            {
                var left = 0;
                var best = -1;
                for (var i = 0; i < done.Length; i++)
                {
                    var remaining = _tier.Effort[i].Count - done[i];
                    left += remaining;
                    if (remaining > 0 && (best < 0 || remaining > _tier.Effort[best].Count - done[best]))
                    {
                        best = i;
                    }
                }

                var from = last ?? _start;
                var spacing = clock.Measure(from, deadline) / left;
                spacing = spacing <= Duration.Zero ? Duration.Zero : Duration.FromMinutes(Math.Floor(spacing.TotalMinutes));
                Offer(new Candidate(LeadEvaluator.EffortName, deadline, _tier.Effort[best].Channel, clock.Advance(from, spacing)));
            }
        }

        if (!_tier.Cadence.IsEmpty)
        {
            Instant? previous = null;
            var first = true;
            Span<bool> used = _touches.Length <= 256 ? stackalloc bool[_touches.Length] : new bool[_touches.Length];
            foreach (var step in _tier.Cadence)
            {
                var name = LeadEvaluator.CadenceStepPrefix + step.Number.ToString(CultureInfo.InvariantCulture);
                if (step.When is { } when)
                {
                    var applies = when.Evaluate(_scope);
                    _trace?.Add(LeadEvaluator.Entry("milestone", name, applies, $"cadence step applies when {when.Text}" + (applies ? string.Empty : ": skipped"), when, _scope));
                    if (!applies)
                    {
                        continue;
                    }
                }

                hasPlan = true;
                if (!first && previous is null)
                {
                    exhausted = false;
                    Add(new MilestoneResult(name, null, _disposition is null ? MilestoneStatus.Pending : MilestoneStatus.NotApplicable, null, Duration.Zero));
                    _trace?.Add(new TraceEntry("milestone", name, null, "not yet due: the previous cadence step is open", []));
                    continue;
                }

                var clock = ClockFor(step.Within);
                var stepStart = previous ?? _start;
                var due = clock.Due(stepStart, step.Within);
                Instant? completion = stepStart;
                string? missing = null;
                foreach (var channel in step.Channels)
                {
                    var found = -1;
                    for (var i = 0; i < _touches.Length; i++)
                    {
                        var touch = _touches[i];
                        if (!used[i]
                            && (first ? touch.At >= _start : touch.At > stepStart)
                            && string.Equals(touch.Channel, channel, StringComparison.OrdinalIgnoreCase))
                        {
                            found = i;
                            break;
                        }
                    }

                    if (found < 0)
                    {
                        missing ??= channel;
                        completion = null;
                    }
                    else
                    {
                        used[found] = true;
                        if (completion is { } c && _touches[found].At > c)
                        {
                            completion = _touches[found].At;
                        }
                    }
                }

                if (missing is not null)
                {
                    completion = null;
                    exhausted = false;
                    Offer(new Candidate(name, due, missing, null));
                }

                if (first && _tier.FirstTouch is null)
                {
                    // Escalations watch the tier's first touch: first_touch, else cadence step 1, else the first effort touch.
                    firstTouchAt = completion;
                }

                Judge(name, clock, stepStart, step.Within, due, completion, step.WarnBefore ?? _tier.WarnBefore);
                previous = completion;
                first = false;
            }
        }

        if (_tier.DispositionWithin is { } dispositionWithin)
        {
            Instant? anchor = _tier.FirstTouch is not null ? firstTouchMetAt : FirstTouchOnAnyChannel();
            var met = _disposition?.At;
            if (anchor is { } from)
            {
                var clock = ClockFor(dispositionWithin);
                var due = clock.Due(from, dispositionWithin);
                Judge(LeadEvaluator.DispositionName, clock, from, dispositionWithin, due, met, _tier.WarnBefore);
            }
            else
            {
                Add(new MilestoneResult(LeadEvaluator.DispositionName, null, met is null ? MilestoneStatus.Pending : MilestoneStatus.NotApplicable, met, Duration.Zero));
                _trace?.Add(new TraceEntry("milestone", LeadEvaluator.DispositionName, null, $"{dispositionWithin} from the first touch, which has not happened", []));
            }
        }

        Exhausted = hasPlan && exhausted && _disposition is null;
        Milestones = ImmutableCollectionsMarshal.AsImmutableArray(
            _milestoneCount == _milestones.Length ? _milestones : _milestones.AsSpan(0, _milestoneCount).ToArray());
        NextTouch = ChooseNextTouch();
        Escalations = Escalate(firstTouchAt);
    }

    private static ImmutableArray<LeadTouch> TouchesUntil(ImmutableArray<LeadTouch> touches, Instant end)
    {
        var sorted = true;
        var allKept = true;
        for (var i = 0; i < touches.Length; i++)
        {
            allKept &= touches[i].At <= end;
            sorted &= i == 0 || touches[i].At >= touches[i - 1].At;
        }

        // The rare case: a stable sort keeps touches at the same instant in input order.
        return sorted && allKept ? touches : [.. touches.Where(t => t.At <= end).OrderBy(t => t.At)];
    }

    private void Add(MilestoneResult milestone) => _milestones[_milestoneCount++] = milestone;

    private void Offer(Candidate candidate)
    {
        if (_best is not { } best || candidate.Due < best.Due)
        {
            _best = candidate;
        }
    }

    private static bool Contains(ImmutableArray<string> channels, string channel)
    {
        foreach (var c in channels)
        {
            if (string.Equals(c, channel, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(SlaClock clock) => clock.IsBusiness ? "business time" : "elapsed time";

    private bool AllDone(Span<int> done)
    {
        for (var i = 0; i < done.Length; i++)
        {
            if (done[i] < _tier.Effort[i].Count)
            {
                return false;
            }
        }

        return true;
    }

    private MilestoneStatus Open() => _disposition is null ? MilestoneStatus.Pending : MilestoneStatus.NotApplicable;

    private Instant? FirstTouchOnAnyChannel()
    {
        foreach (var touch in _touches)
        {
            if (touch.At >= _start)
            {
                return touch.At;
            }
        }

        return null;
    }

    private SlaClock ClockFor(SlaDuration duration) => new(_calendar, duration.IsBusiness, _lead.Paused);

    private void Judge(string name, SlaClock clock, Instant from, SlaDuration within, Instant due, Instant? met, WarnBefore? warn)
    {
        MilestoneStatus status;
        var lateBy = Duration.Zero;
        string? verdict = null;
        var tracing = _trace is not null;
        if (met is { } done)
        {
            var late = clock.Measure(due, done);
            status = late > Duration.Zero ? MilestoneStatus.MetLate : MilestoneStatus.Met;
            lateBy = late > Duration.Zero ? late : Duration.Zero;
            verdict = !tracing ? null : status == MilestoneStatus.Met ? $"met at {LeadEvaluator.Format(done)}" : $"met late at {LeadEvaluator.Format(done)}, {Seconds(lateBy)} s of {Describe(clock)} after the due";
        }
        else if (_disposition is { } disposition)
        {
            var late = clock.Measure(due, disposition.At);
            status = late > Duration.Zero ? MilestoneStatus.Breached : MilestoneStatus.NotApplicable;
            lateBy = late > Duration.Zero ? late : Duration.Zero;
            verdict = !tracing ? null : status == MilestoneStatus.Breached
                ? $"breached: still open when the disposition at {LeadEvaluator.Format(disposition.At)} ended the SLA, {Seconds(lateBy)} s past due"
                : $"not applicable: the disposition at {LeadEvaluator.Format(disposition.At)} ended the SLA before it was due";
        }
        else
        {
            var late = clock.Measure(due, _at);
            if (late > Duration.Zero)
            {
                status = MilestoneStatus.Breached;
                lateBy = late;
                verdict = tracing ? $"breached: {Seconds(lateBy)} s of {Describe(clock)} past due" : null;
            }
            else if (warn is { } w && -late <= WarnThreshold(w, clock, from, due))
            {
                status = MilestoneStatus.AtRisk;
                verdict = tracing ? $"at risk: {Seconds(-late)} s of {Describe(clock)} left, warn_before {w}" : null;
                _probe?.OfferBreach(name, _milestoneCount, clock, due);
            }
            else
            {
                status = MilestoneStatus.Pending;
                verdict = tracing ? $"pending: {Seconds(-late)} s of {Describe(clock)} left" : null;
                if (_probe is { } probe)
                {
                    probe.OfferBreach(name, _milestoneCount, clock, due);
                    if (warn is { } warning)
                    {
                        probe.OfferAtRisk(name, _milestoneCount, clock, from, due, WarnThreshold(warning, clock, from, due));
                    }
                }
            }
        }

        Add(new MilestoneResult(name, due, status, met, lateBy));
        _trace?.Add(new TraceEntry(
            "milestone",
            name,
            status is MilestoneStatus.Met or MilestoneStatus.MetLate,
            $"due {LeadEvaluator.Format(due)} = {LeadEvaluator.Format(from)} + {within} on calendar {_calendar.Description}{(_lead.Paused.IsEmpty ? string.Empty : ", paused intervals excluded")}; {verdict}",
            []));
    }

    private static long Seconds(Duration duration) => (long)Math.Floor(duration.TotalSeconds);

    private Duration WarnThreshold(WarnBefore warn, SlaClock clock, Instant from, Instant due) =>
        warn.IsPercentage
            ? clock.Measure(from, due) * warn.Percentage / 100.0
            : LeadEvaluator.ToElapsed(warn.Duration);

    private NextTouch? ChooseNextTouch()
    {
        if (_disposition is not null)
        {
            return null;
        }

        if (_best is not { } best)
        {
            _trace?.Add(new TraceEntry("next_touch", "(none)", null, "no touch milestone is open", []));
            return null;
        }

        var next = new NextTouch(best.Milestone, best.Channel, best.TouchDue ?? best.Due);
        _trace?.Add(new TraceEntry(
            "next_touch",
            best.Milestone,
            null,
            best.TouchDue is null
                ? $"earliest-due open milestone {best.Milestone}: {best.Channel} due {LeadEvaluator.Format(next.Due)}"
                : $"earliest-due open milestone {best.Milestone}: remaining attempts spread evenly until {LeadEvaluator.Format(best.Due)}; next {best.Channel} due {LeadEvaluator.Format(next.Due)}",
            []));
        return next;
    }

    private ImmutableArray<EscalationResult> Escalate(Instant? firstTouchAt)
    {
        if (_tier.Escalations.IsEmpty)
        {
            return [];
        }

        var rungs = new EscalationResult[_tier.Escalations.Length];
        for (var r = 0; r < rungs.Length; r++)
        {
            var rung = _tier.Escalations[r];
            var rungAt = ClockFor(rung.After).Due(_start, rung.After);
            var fired = rungAt <= _at
                && (firstTouchAt is null || firstTouchAt > rungAt)
                && (_disposition is null || rungAt <= _disposition.At);
            rungs[r] = new EscalationResult(rung.AfterText, rungAt, rung.Notify, fired);
            if (_probe is { } probe && rungAt > _at && firstTouchAt is null && _disposition is null)
            {
                probe.OfferRung(r + 1, rungAt);
            }

            _trace?.Add(new TraceEntry(
                "escalation",
                rung.AfterText,
                fired,
                $"rung at {LeadEvaluator.Format(rungAt)} = {LeadEvaluator.Format(_start)} + {rung.After}; notify {rung.NotifyText}; "
                    + (fired ? "fired: no first touch by then" : rungAt > _at ? "not reached yet" : firstTouchAt is { } f && f <= rungAt ? $"not fired: first touch at {LeadEvaluator.Format(f)}" : "not fired: the SLA had ended"),
                []));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(rungs);
    }

    private readonly record struct Candidate(string Milestone, Instant Due, string Channel, Instant? TouchDue);
}
