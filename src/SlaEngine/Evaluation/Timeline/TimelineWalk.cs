using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// Walks one lead's verdict forward in time, from change to change, without stepping: from the evaluation at
/// <c>t</c> it computes the earliest whole second after <c>t</c> at which anything the verdict depends on can change
/// (milestones and rungs from the evaluation itself, through <see cref="TimelineProbe"/>; touches, events and a
/// disposition dated later, events sliding out of windows, and the score and <c>days_since</c> crossing a compared
/// value, from the snapshot), evaluates there, lists what changed, and continues from there. The verdict is constant
/// between two such instants, so no change is missed and each costs one evaluation, whatever the horizon.
/// </summary>
internal sealed class TimelineWalk
{
    private static readonly EvaluationOptions StepOptions = new() { IncludeTrace = false, IncludeNextChange = false, VerdictOnly = true };

    private readonly SlaPolicy _policy;
    private readonly LeadSnapshot _lead;
    private readonly Instant _start;
    private readonly Instant _until;
    private readonly TimeDependence _dependence;
    private readonly TimelineProbe _probe;

    /// <summary>
    /// What conditions see of the lead: one for the walk, moved to each instant it evaluates or computes the score at.
    /// It remembers the steady scoring conditions' results since the last evaluation: between two changes of the lead's
    /// events and windows they stay the same, so the score at other instants re-computes only the event rules.
    /// </summary>
    private SteadyRememberingScope Scope { get; }

    private readonly double[]?[] _criticalValues;
    private readonly long[] _codes;

    private string? _keyPrefix;
    private bool _certain;

    /// <summary>The instant of the last score computed by <see cref="ScoreAt"/> (the walk often asks for the same one twice).</summary>
    private Instant _lastScoreAt = Instant.MinValue;
    private double _lastScore;

    /// <summary>Whether the last candidate moves the score alone (an event leaving a scoring rule's window).</summary>
    private bool _scoreMovesAlone;

    /// <summary>The compared values of the score for this lead (the policy's and the lead's compared attributes), computed once.</summary>
    private double[]? _scoreCritical;

    /// <summary>Gets the compared values of the score (the same for the fading score's search and for <see cref="VerdictKeeps"/>).</summary>
    private double[] ScoreCritical => _scoreCritical ??= Critical(_dependence.ScoreCompared!);

    /// <summary>The index of the first <c>days_since</c> quantity in <see cref="_criticalValues"/> and <see cref="_codes"/>.</summary>
    private int DaysSinceStart => _dependence.Score is null ? 0 : 1;

    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="at">The instant the walk starts from.</param>
    /// <param name="until">The horizon.</param>
    /// <param name="options">The options of the first evaluation.</param>
    /// <param name="firstChangeOnly">
    /// True when only the instant of the first change is wanted, without its items (an evaluation's
    /// <c>next_change_at</c>): the probe then keeps only the earliest scheduled instant, not the schedule.
    /// </param>
    internal TimelineWalk(SlaPolicy policy, LeadSnapshot lead, Instant at, Instant until, EvaluationOptions options, bool firstChangeOnly = false)
    {
        _policy = policy;
        _lead = lead;
        _start = lead.MqlAt ?? at;
        _until = until;
        _dependence = policy.TimeDependence;
        _probe = new TimelineProbe(at, keepSchedule: !firstChangeOnly);
        Scope = new SteadyRememberingScope(lead, at, policy.AttributeSlots);
        var quantities = (_dependence.Score is null ? 0 : 1) + _dependence.DaysSince.Length;
        _criticalValues = quantities == 0 ? [] : new double[]?[quantities];
        _codes = quantities == 0 ? [] : new long[quantities];
        First = LeadEvaluator.Evaluate(policy, lead, at, options, probe: _probe, startIfMissing: _start, reuse: Scope);
        Current = First;
        At = at;
    }

    /// <summary>Gets the evaluation at the instant the walk started from.</summary>
    internal LeadEvaluation First { get; }

    /// <summary>Gets the evaluation at <see cref="At"/>.</summary>
    internal LeadEvaluation Current { get; private set; }

    /// <summary>Gets the instant the walk has reached.</summary>
    internal Instant At { get; private set; }

    /// <summary>Gets what the last instant stepped to was computed from, for the explanation trace.</summary>
    internal string? Source { get; private set; }

    private string KeyPrefix => _keyPrefix ??= string.Concat(_lead.Id, "|", _policy.Id, "@", _policy.Version.ToString(CultureInfo.InvariantCulture), "|");

    /// <summary>
    /// Moves to the next instant at which the verdict changes (at most <c>until</c>), appending its items to
    /// <paramref name="sink"/> when given; false when the verdict does not change again before <c>until</c>. Without a
    /// sink, a change that only a milestone or a rung makes is not evaluated: the walk then cannot go on.
    /// </summary>
    internal bool Next(List<SlaTransition>? sink, bool explain = false)
    {
        while (true)
        {
            var candidate = NextCandidate(explain);
            if (candidate > _until)
            {
                return false;
            }

            LeadEvaluation next;
            if (_certain)
            {
                if (sink is null && !explain)
                {
                    // Only milestones or rungs change then, and nothing else moves before: the verdict changes for sure.
                    At = candidate;
                    return true;
                }

                // Nothing but the schedule of the last evaluation moves until then: apply it, without evaluating.
                next = _probe.ApplyEarliest(Current);
                var applied = VerdictDiff.Append(Current, next, candidate, KeyPrefix, sink);
                Current = next;
                At = candidate;
                if (applied)
                {
                    return true;
                }

                continue;
            }

            if (_scoreMovesAlone && VerdictKeeps(candidate))
            {
                // The score moved, but not across anything the verdict compares it with: nothing to evaluate.
                At = candidate;
                continue;
            }

            _probe.Reset(candidate);
            try
            {
                // Events or windows may have changed: the steady rules are evaluated again (and kept until the next such change).
                Scope.Forget();
                next = LeadEvaluator.Evaluate(_policy, _lead, candidate, StepOptions, probe: _probe, startIfMissing: _start, reuse: Scope);
            }
            catch (ArgumentOutOfRangeException)
            {
                // The walk reached the end of the calendars' supported years: nothing more can be computed.
                return false;
            }

            var changed = VerdictDiff.Append(Current, next, candidate, KeyPrefix, sink);
            Current = next;
            At = candidate;
            if (changed)
            {
                return true;
            }
        }
    }

    private static bool SameType(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The earliest whole second after <see cref="At"/> at which the verdict may change.</summary>
    private Instant NextCandidate(bool explain)
    {
        var t = At;
        var best = Instant.MaxValue;
        object? cause = null;
        var window = Duration.Zero;
        foreach (var touch in _lead.Touches)
        {
            if (touch.At > t && WholeSeconds.Ceiling(touch.At) is var c && c < best)
            {
                best = c;
                cause = touch;
            }
        }

        // The earliest instant of any cause but an event leaving a scoring rule's window (which moves the score alone).
        var other = best;
        var scoringLeave = Instant.MaxValue;

        foreach (var e in _lead.Events)
        {
            if (e.At > t)
            {
                if (WholeSeconds.Ceiling(e.At) is var c && c < best)
                {
                    best = c;
                    cause = e;
                }

                other = Min(other, WholeSeconds.Ceiling(e.At));
                continue;
            }

            foreach (var (type, length, scoringOnly) in _dependence.Windows)
            {
                if (SameType(type, e.Type) && WholeSeconds.After(e.At + length) is var leaves && leaves > t)
                {
                    if (scoringOnly)
                    {
                        scoringLeave = Min(scoringLeave, leaves);
                    }
                    else
                    {
                        other = Min(other, leaves);
                    }

                    if (leaves < best)
                    {
                        best = leaves;
                        cause = e;
                        window = length;
                    }
                }
            }
        }

        if (_lead.Disposition is { } disposition && disposition.At > t && WholeSeconds.Ceiling(disposition.At) is var d)
        {
            other = Min(other, d);
            if (d < best)
            {
                best = d;
                cause = disposition;
            }
        }

        var discrete = best;
        _certain = false;
        if (_probe.Earliest < best)
        {
            best = _probe.Earliest;
            cause = _probe;
            _certain = _probe.EarliestIsExact;
        }

        if (_codes.Length > 0)
        {
            var limit = Min(Min(discrete == Instant.MaxValue ? discrete : WholeSeconds.Before(discrete), best), _until);
            if (limit > t && ContinuousChange(t, limit) is { } crossing)
            {
                _certain = false;
                if (crossing < best)
                {
                    best = crossing;
                    cause = _dependence;
                }
            }
        }

        // Only the score moves at `best` (an event leaves a scoring rule's window, nothing else happens then or before).
        _scoreMovesAlone = best == scoringLeave && best < other && best < _probe.Earliest;
        Source = explain ? Describe(cause, window) : null;
        return best;
    }

    private string? Describe(object? cause, Duration window) => cause switch
    {
        LeadTouch touch => $"a {touch.Channel} touch dated {EvaluationJson.FormatInstant(touch.At)}",
        LeadEvent e when window == Duration.Zero => $"a {e.Type} event dated {EvaluationJson.FormatInstant(e.At)}",
        LeadEvent e => $"the {e.Type} event of {EvaluationJson.FormatInstant(e.At)} leaving a window of {window.TotalHours.ToString(CultureInfo.InvariantCulture)} hours",
        LeadDisposition disposition => $"the {disposition.Outcome.ToString().ToLowerInvariant()} disposition dated {EvaluationJson.FormatInstant(disposition.At)}",
        TimelineProbe probe => probe.EarliestText,
        TimeDependence => "the score or a days_since value reaching a value the policy compares it with",
        _ => null,
    };

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    /// <summary>
    /// The earliest whole second in <c>(t, limit]</c> at which the fading score or a <c>days_since</c> value moves
    /// across a value that a condition, the threshold or a band compares it with; null when none does. Between
    /// discrete changes the score is monotone (every decaying rule fades towards zero from the same side), so the
    /// position of each quantity among its compared values changes at most once per value: a bisection over whole
    /// seconds finds the first change exactly, using the evaluator's own arithmetic.
    /// </summary>
    private Instant? ContinuousChange(Instant t, Instant limit)
    {
        var active = PrepareCodes(t);
        if (!active)
        {
            return null;
        }

        if (_dependence.MixedDecay && _dependence.Score is not null)
        {
            // Decaying rules of both signs: the score need not be monotone. Each rule's contribution still is, so
            // over a span the score lies between the sums of each rule's smaller and larger end value: a span whose
            // bounds stay inside the score's current class has no change; others are halved down to one second.
            return Search(WholeSeconds.Floor(t), WholeSeconds.Floor(limit));
        }

        return SameCodes(limit) ? null : WholeSeconds.First(t, limit, this, static (walk, s) => !walk.SameCodes(s));
    }

    /// <summary>The first whole second in <c>(a, b]</c> at which a position changes, given none changed up to <paramref name="a"/>.</summary>
    private Instant? Search(Instant a, Instant b)
    {
        if (b <= a || Unchanged(a, b))
        {
            return null;
        }

        var seconds = (b - a).BclCompatibleTicks / NodaConstants.TicksPerSecond;
        if (seconds <= 1)
        {
            return SameCodes(b) ? null : b;
        }

        var mid = a + Duration.FromSeconds(seconds / 2);
        return Search(a, mid) ?? Search(mid, b);
    }

    /// <summary>Whether no position can change in <c>[a, b]</c>: days_since positions are equal at both ends (they only grow), and the score's bounds stay in its class.</summary>
    private bool Unchanged(Instant a, Instant b)
    {
        var index = 1;
        foreach (var days in _dependence.DaysSince)
        {
            if (Code(_criticalValues[index]!, DaysSinceAt(days.DaysSinceOf!, b)) != _codes[index])
            {
                return false;
            }

            index++;
        }

        double low = 0, high = 0;
        var rules = _policy.ScoringRules;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            double atA, atB;
            if (rule.IsSteady && Scope.TryGet(i, out var matched))
            {
                atA = atB = matched ? rule.Points : 0;
            }
            else if (rule.When is { } when)
            {
                Scope.At = a;
                atA = when.Evaluate(Scope) ? rule.Points : 0;
                Scope.At = b;
                atB = when.Evaluate(Scope) ? rule.Points : 0;
            }
            else
            {
                atA = LeadEvaluator.EventContribution(rule, _lead, a, out _);
                atB = LeadEvaluator.EventContribution(rule, _lead, b, out _);
            }

            low += Math.Min(atA, atB);
            high += Math.Max(atA, atB);
        }

        // The score is the sum rounded to two decimals; allow for the order of the additions.
        low = Math.Round(low - 1e-9, 2, MidpointRounding.AwayFromZero);
        high = Math.Round(high + 1e-9, 2, MidpointRounding.AwayFromZero);
        var values = _criticalValues[0]!;
        var code = _codes[0];
        if (code < 0)
        {
            return false;
        }

        var k = (int)(code / 2);
        if (code % 2 == 1)
        {
            return low == values[k] && high == values[k];
        }

        return (k == 0 || values[k - 1] < low) && (k == values.Length || high < values[k]);
    }

    /// <summary>
    /// Whether the verdict of <see cref="Current"/> still holds at <paramref name="s"/>, where only the score moves (an event
    /// leaves a scoring rule's window): the score stays in the same position among its compared values, and so does every
    /// <c>days_since</c> value (they did up to the second before, which the search for continuous changes checked).
    /// </summary>
    private bool VerdictKeeps(Instant s)
    {
        if (_dependence.ScoreComparedOpaquely || Current.Score is not { } before || Current.Status == LeadStatus.Excluded)
        {
            return false;
        }

        if (_dependence.ScoreCompared is not null && Code(ScoreCritical, before) != Code(ScoreCritical, ScoreAt(s)))
        {
            return false;
        }

        var index = DaysSinceStart;
        foreach (var days in _dependence.DaysSince)
        {
            var values = _criticalValues[index++] ??= Critical(days);
            if (Code(values, DaysSinceAt(days.DaysSinceOf!, At)) != Code(values, DaysSinceAt(days.DaysSinceOf!, s)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Computes each quantity's position at <paramref name="t"/>; false when none of them moves by itself.</summary>
    private bool PrepareCodes(Instant t)
    {
        var active = false;
        var index = 0;
        if (_dependence.Score is not null)
        {
            _criticalValues[index] ??= ScoreCritical;
            var decaying = false;
            foreach (var e in _lead.Events)
            {
                if (e.At <= t)
                {
                    foreach (var type in _dependence.HalfLifeEvents)
                    {
                        decaying |= SameType(type, e.Type);
                    }
                }
            }

            active |= decaying && _criticalValues[index]!.Length > 0;
            // The evaluation at `t` computed the score already (unless the lead is excluded).
            _codes[index] = Code(_criticalValues[index]!, t == Current.At && Current.Score is { } known ? known : ScoreAt(t));
            index++;
        }

        foreach (var days in _dependence.DaysSince)
        {
            _criticalValues[index] ??= Critical(days);
            var value = DaysSinceAt(days.DaysSinceOf!, t);
            active |= value is not null && _criticalValues[index]!.Length > 0;
            _codes[index] = Code(_criticalValues[index]!, value);
            index++;
        }

        return active;
    }

    private bool SameCodes(Instant s)
    {
        var index = 0;
        if (_dependence.Score is not null)
        {
            if (Code(_criticalValues[index]!, ScoreAt(s)) != _codes[index])
            {
                return false;
            }

            index++;
        }

        foreach (var days in _dependence.DaysSince)
        {
            if (Code(_criticalValues[index]!, DaysSinceAt(days.DaysSinceOf!, s)) != _codes[index])
            {
                return false;
            }

            index++;
        }

        return true;
    }

    private double ScoreAt(Instant s)
    {
        if (s == _lastScoreAt)
        {
            return _lastScore;
        }

        _lastScoreAt = s;
        _lastScore = ScoreAtUncached(s);
        return _lastScore;
    }

    private double ScoreAtUncached(Instant s)
    {
        Scope.At = s;
        return LeadEvaluator.Score(_policy, _lead, s, Scope, null);
    }

    private double? DaysSinceAt(string name, Instant s)
    {
        Scope.At = s;
        var value = ConditionEmitter.DaysSince(Scope, name);
        return value.Kind == LeadValueKind.Number ? value.AsNumber : null;
    }

    /// <summary>The compared values of a quantity for this lead: the policy's literals and the lead's compared attributes.</summary>
    private double[] Critical(TimeDependence.Quantity quantity)
    {
        if (quantity.Attributes.IsEmpty)
        {
            return ImmutableCollectionsMarshalArray(quantity.Values);
        }

        var values = new List<double>(quantity.Values);
        foreach (var name in quantity.Attributes)
        {
            if (_lead.TryGetAttribute(name, out var value) && value.Kind == LeadValueKind.Number && double.IsFinite(value.AsNumber))
            {
                values.Add(value.AsNumber);
            }
        }

        values.Sort();
        return [.. values];
    }

    private static double[] ImmutableCollectionsMarshalArray(ImmutableArray<double> values) =>
        System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(values) ?? [];

    /// <summary>The position of a value among sorted compared values: 2 × (values below) + 1 when equal to one; -1 for none.</summary>
    private static long Code(double[] values, double? value)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return -1;
        }

        var below = 0;
        while (below < values.Length && values[below] < v)
        {
            below++;
        }

        return (2L * below) + (below < values.Length && values[below] == v ? 1 : 0);
    }
}
