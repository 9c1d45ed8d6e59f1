using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Evaluation;

/// <summary>
/// Collects, while a lead is evaluated at <see cref="After"/>, every whole second after it at which a milestone or an
/// escalation rung of that evaluation changes by the passing of time alone — a milestone turning at risk or breached
/// on its own pause-aware clock, a rung reaching its instant — and what it changes to. Until the next input dated
/// later (or a decision moving with time), the verdict follows this schedule: the walk applies it without evaluating
/// again. Not thread-safe: one per walk.
/// </summary>
internal sealed class TimelineProbe
{
    /// <summary>The schedule, or null when only the earliest instant is kept (see the constructor).</summary>
    private readonly List<Change>? _changes;
    private Instant? _earliest;

    /// <summary>Without a schedule: the earliest instant offered so far, and whether every change offered at it is exact.</summary>
    private Instant _minimum = Instant.MaxValue;
    private bool _minimumExact = true;

    /// <param name="after">The evaluation instant.</param>
    /// <param name="keepSchedule">
    /// Whether to keep every scheduled change (to apply them, or to explain the earliest); false keeps only the
    /// earliest instant and whether it is exact, allocating nothing per evaluation.
    /// </param>
    internal TimelineProbe(Instant after, bool keepSchedule = true)
    {
        _changes = keepSchedule ? [] : null;
        Reset(after);
    }

    /// <summary>Gets the evaluation instant; only instants strictly after it are kept.</summary>
    internal Instant After { get; private set; }

    /// <summary>Gets the earliest scheduled change, or <see cref="Instant.MaxValue"/>.</summary>
    internal Instant Earliest => _changes is null ? _minimum : _earliest ??= ComputeEarliest();

    /// <summary>Gets a value indicating whether every change at <see cref="Earliest"/> was computed exactly (none moved forward by the rounding guard).</summary>
    internal bool EarliestIsExact
    {
        get
        {
            var earliest = Earliest;
            if (_changes is null)
            {
                return _minimumExact && earliest != Instant.MaxValue;
            }

            foreach (var change in _changes)
            {
                if (change.At == earliest && !change.Exact)
                {
                    return false;
                }
            }

            return earliest != Instant.MaxValue;
        }
    }

    /// <summary>Gets what changes at <see cref="Earliest"/> and why, for the explanation trace.</summary>
    internal string EarliestText
    {
        get
        {
            var earliest = Earliest;
            foreach (var change in _changes ?? [])
            {
                if (change.At == earliest)
                {
                    return change.Rung
                        ? $"escalation_{(change.Index + 1).ToString(CultureInfo.InvariantCulture)} fires: its instant is reached without a first touch"
                        : change.Status == MilestoneStatus.Breached
                            ? $"{change.Name} is breached: the first second its clock runs after the due"
                            : $"{change.Name} is at risk: the time left on its clock reaches warn_before";
                }
            }

            return "nothing";
        }
    }

    internal void Reset(Instant after)
    {
        After = after;
        _changes?.Clear();
        _earliest = null;
        _minimum = Instant.MaxValue;
        _minimumExact = true;
    }

    /// <summary>A milestone not yet breached is breached from the first whole second after the first instant at or after its due at which its clock runs.</summary>
    internal void OfferBreach(string milestone, int index, SlaClock clock, Instant due)
    {
        try
        {
            var running = NextRunning(clock, due);
            Add(WholeSeconds.After(running), milestone, index, MilestoneStatus.Breached);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The clock runs again only past the calendar's supported years: no change to schedule.
        }
    }

    /// <summary>A pending milestone turns at risk once the time left on its clock is at most <paramref name="warn"/>.</summary>
    internal void OfferAtRisk(string milestone, int index, SlaClock clock, Instant from, Instant due, Duration warn)
    {
        try
        {
            ScheduleAtRisk(milestone, index, clock, from, due, warn);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Past the calendar's supported years: no change to schedule.
        }
    }

    private void ScheduleAtRisk(string milestone, int index, SlaClock clock, Instant from, Instant due, Duration warn)
    {
        var budget = clock.Measure(from, due);
        var used = budget - warn;
        Instant? at;
        if (used > Duration.Zero)
        {
            // Time left = budget - time used since `from`: at most `warn` from the earliest r with `used` elapsed.
            at = WholeSeconds.Ceiling(clock.Advance(from, used));
        }
        else
        {
            // The SLA starts after the evaluation instant and the warning covers the whole budget: search.
            at = WholeSeconds.First(After, due, s => clock.Measure(s, due) <= warn);
        }

        if (at is { } instant)
        {
            // The budget and a percentage of it may carry fractions of a tick that adding business time rounds:
            // settle on the exact second with the evaluator's own test (time left <= warn), one second at a time.
            var second = Duration.FromSeconds(1);
            while (clock.Measure(instant, due) > warn)
            {
                instant += second;
            }

            while (instant - second > After && clock.Measure(instant - second, due) <= warn)
            {
                instant -= second;
            }

            Add(instant, milestone, index, MilestoneStatus.AtRisk);
        }
    }

    /// <summary>A rung fires at its instant when no first touch came before it.</summary>
    internal void OfferRung(int number, Instant rungAt)
    {
        var instant = WholeSeconds.Ceiling(rungAt);
        if (instant > After)
        {
            Keep(new Change(instant, true, number - 1, default, null, true));
        }
    }

    /// <summary>Applies every change scheduled at <see cref="Earliest"/> to <paramref name="current"/> and drops them from the schedule.</summary>
    internal LeadEvaluation ApplyEarliest(LeadEvaluation current)
    {
        if (_changes is null)
        {
            throw new InvalidOperationException("This probe keeps no schedule to apply.");
        }

        var at = Earliest;
        ImmutableArray<MilestoneResult>.Builder? milestones = null;
        ImmutableArray<EscalationResult>.Builder? rungs = null;
        for (var i = 0; i < _changes.Count; i++)
        {
            var change = _changes[i];
            if (change.At != at)
            {
                continue;
            }

            if (change.Rung)
            {
                rungs ??= current.Escalations.ToBuilder();
                rungs[change.Index] = rungs[change.Index] with { Fired = true };
            }
            else
            {
                milestones ??= current.Milestones.ToBuilder();
                var milestone = milestones[change.Index];
                if (change.Status == MilestoneStatus.Breached || milestone.Status == MilestoneStatus.Pending)
                {
                    milestones[change.Index] = milestone with { Status = change.Status };
                }
            }

            _changes.RemoveAt(i--);
        }

        _earliest = null;
        After = at;
        return current with
        {
            At = at,
            Score = null, // the score has moved since; the walk computes it again when it needs it
            Milestones = milestones?.ToImmutable() ?? current.Milestones,
            Escalations = rungs?.ToImmutable() ?? current.Escalations,
        };
    }

    private static Instant NextRunning(SlaClock clock, Instant instant)
    {
        while (true)
        {
            var next = clock.IsBusiness ? clock.Calendar.NextOpen(instant) : instant;
            foreach (var pause in clock.Pauses.Intervals)
            {
                if (pause.Start <= next && next < pause.End)
                {
                    next = pause.End;
                }
            }

            if (next == instant)
            {
                return instant;
            }

            instant = next;
        }
    }

    private Instant ComputeEarliest()
    {
        var earliest = Instant.MaxValue;
        foreach (var change in _changes!)
        {
            earliest = change.At < earliest ? change.At : earliest;
        }

        return earliest;
    }

    private void Add(Instant instant, string milestone, int index, MilestoneStatus status)
    {
        // A rounding guard: the state at `After` says the change is still ahead, so it is at least one second ahead.
        var exact = instant > After;
        Keep(new Change(exact ? instant : WholeSeconds.After(After), false, index, status, milestone, exact));
    }

    private void Keep(Change change)
    {
        if (_changes is not null)
        {
            _changes.Add(change);
            _earliest = null;
            return;
        }

        if (change.At < _minimum)
        {
            (_minimum, _minimumExact) = (change.At, change.Exact);
        }
        else if (change.At == _minimum)
        {
            _minimumExact &= change.Exact;
        }
    }

    /// <summary>One scheduled change: a milestone's new status, or a rung firing.</summary>
    private readonly record struct Change(Instant At, bool Rung, int Index, MilestoneStatus Status, string? Name, bool Exact);
}
