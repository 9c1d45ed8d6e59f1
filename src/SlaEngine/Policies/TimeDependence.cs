using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;

namespace SlaEngine.Policies;

/// <summary>
/// What in a policy makes a lead's decision (status, tier, band, team, calendar, cadence steps that apply) move with
/// time alone, found once per policy: the windows that events slide out of (scoring <c>within</c>,
/// <c>count(e, window)</c>), and the continuous quantities compared against values — the score when a
/// <c>half_life</c> rule decays it, and <c>days_since(x)</c> — with the values they are compared against. Immutable.
/// </summary>
internal sealed class TimeDependence
{
    private TimeDependence(
        ImmutableArray<(string EventType, Duration Window, bool ScoringOnly)> windows,
        ImmutableArray<string> halfLifeEvents,
        bool mixedDecay,
        Quantity? score,
        ImmutableArray<Quantity> daysSince,
        Duration shortestHalfLife,
        Quantity? scoreCompared,
        bool scoreComparedOpaquely)
    {
        ScoreCompared = scoreCompared;
        ScoreComparedOpaquely = scoreComparedOpaquely;
        Windows = windows;
        HalfLifeEvents = halfLifeEvents;
        MixedDecay = mixedDecay;
        Score = score;
        DaysSince = daysSince;
        ShortestHalfLife = shortestHalfLife;
    }

    /// <summary>
    /// Gets the windows events slide out of, per event type (case-insensitive types); <c>ScoringOnly</c> when the window
    /// is a scoring rule's <c>within</c> (it moves the score alone), false for a condition's <c>count(...)</c> window.
    /// </summary>
    internal ImmutableArray<(string EventType, Duration Window, bool ScoringOnly)> Windows { get; }

    /// <summary>Gets the event types of <c>half_life</c> scoring rules.</summary>
    internal ImmutableArray<string> HalfLifeEvents { get; }

    /// <summary>Gets a value indicating whether decaying rules have points of both signs (the score need not be monotone).</summary>
    internal bool MixedDecay { get; }

    /// <summary>Gets the shortest half-life (for the sampling of a score that need not be monotone).</summary>
    internal Duration ShortestHalfLife { get; }

    /// <summary>Gets the score as a compared quantity, when the policy has decaying rules and compares the score.</summary>
    internal Quantity? Score { get; }

    /// <summary>
    /// Gets the score as a compared quantity whenever anything compares it (a condition, the threshold, bands by score),
    /// decaying or not; null when nothing does.
    /// </summary>
    internal Quantity? ScoreCompared { get; }

    /// <summary>
    /// Gets a value indicating whether a condition compares the score with something other than a literal, a list or
    /// an attribute (such as a <c>days_since</c> value), so its compared values do not tell every change of the verdict.
    /// </summary>
    internal bool ScoreComparedOpaquely { get; }

    /// <summary>Gets the <c>days_since(x)</c> quantities that conditions compare.</summary>
    internal ImmutableArray<Quantity> DaysSince { get; }

    internal static TimeDependence Analyze(SlaPolicy policy)
    {
        var collector = new Collector();
        foreach (var rule in policy.Exclusions)
        {
            collector.Visit(rule.When.Root);
        }

        foreach (var rule in policy.Triggers)
        {
            collector.Visit(rule.When.Root);
        }

        foreach (var rule in policy.Routing)
        {
            if (rule.When is { } when)
            {
                collector.Visit(when.Root);
            }
        }

        var windows = ImmutableArray.CreateBuilder<(string, Duration, bool)>();
        var halfLives = ImmutableArray.CreateBuilder<string>();
        var positive = false;
        var negative = false;
        var shortest = Duration.MaxValue;
        foreach (var rule in policy.ScoringRules)
        {
            if (rule.When is { } when)
            {
                collector.Visit(when.Root);
                continue;
            }

            if (rule.Event is not { } type)
            {
                continue;
            }

            if (rule.Within is { } within)
            {
                windows.Add((type, ToElapsed(within), true));
            }

            if (rule.HalfLife is { } halfLife && rule.Points != 0)
            {
                halfLives.Add(type);
                positive |= rule.Points > 0;
                negative |= rule.Points < 0;
                var length = ToElapsed(halfLife);
                shortest = length < shortest ? length : shortest;
            }
        }

        foreach (var tier in policy.Tiers)
        {
            foreach (var step in tier.Cadence)
            {
                if (step.When is { } when)
                {
                    collector.Visit(when.Root);
                }
            }
        }

        foreach (var (type, window) in collector.Windows)
        {
            windows.Add((type, window, false));
        }

        var values = new List<double>(collector.ScoreValues);
        if (policy.ScoreThreshold is { } threshold)
        {
            values.Add(threshold);
        }

        if (policy.Bands is { ByScore: true } bands)
        {
            foreach (var band in bands.Ranges)
            {
                if (band.From is { } from)
                {
                    values.Add(from);
                }

                if (band.To is { } to)
                {
                    values.Add(to);
                }
            }
        }

        var scoreCompared = values.Count > 0 || collector.ScoreAttributes.Count > 0
            ? new Quantity(null, Sorted(values), [.. collector.ScoreAttributes])
            : null;
        var score = halfLives.Count > 0 ? scoreCompared : null;

        var daysSince = collector.DaysSince
            .Select(kv => new Quantity(kv.Key, Sorted(kv.Value.Values), [.. kv.Value.Attributes]))
            .ToImmutableArray();
        return new TimeDependence(windows.ToImmutable(), halfLives.ToImmutable(), positive && negative, score, daysSince, shortest, scoreCompared, collector.ScoreOpaque);
    }

    /// <summary>A duration as elapsed time: fixed lengths as they are, days and weeks as 24-hour days.</summary>
    internal static Duration ToElapsed(SlaDuration duration) =>
        duration.IsFixedLength ? duration.FixedLength : Duration.FromDays(duration.IsBusiness ? duration.BusinessDays : duration.CalendarDays);

    private static ImmutableArray<double> Sorted(IEnumerable<double> values) =>
        [.. values.Where(double.IsFinite).Distinct().Order()];

    /// <summary>A quantity that moves continuously with time, and the values conditions compare it with.</summary>
    /// <param name="DaysSinceOf">The argument of <c>days_since</c>, or null for the score.</param>
    /// <param name="Values">Literal values it is compared with, sorted.</param>
    /// <param name="Attributes">Lead attributes it is compared with (their numeric values count as compared values).</param>
    internal sealed record Quantity(string? DaysSinceOf, ImmutableArray<double> Values, ImmutableArray<string> Attributes);

    private sealed class Collector
    {
        internal List<(string, Duration)> Windows { get; } = [];

        internal List<double> ScoreValues { get; } = [];

        internal List<string> ScoreAttributes { get; } = [];

        internal bool ScoreOpaque { get; private set; }

        internal Dictionary<string, (List<double> Values, List<string> Attributes)> DaysSince { get; } = new(StringComparer.Ordinal);

        internal void Visit(ConditionNode node)
        {
            switch (node)
            {
                case LogicalNode logical:
                    foreach (var operand in logical.Operands)
                    {
                        Visit(operand);
                    }

                    break;
                case NotNode not:
                    Visit(not.Operand);
                    break;
                case ComparisonNode comparison:
                    Compare(comparison.Left, comparison.Right);
                    Compare(comparison.Right, comparison.Left);
                    Visit(comparison.Left);
                    Visit(comparison.Right);
                    break;
                case CallNode { Function: ConditionFunction.Count, Window: { } window } call:
                    Windows.Add((call.Argument, window.Duration));
                    break;
                case CallNode { Function: ConditionFunction.DaysSince } call:
                    Entry(call.Argument);
                    break;
            }
        }

        private (List<double> Values, List<string> Attributes) Entry(string name)
        {
            if (!DaysSince.TryGetValue(name, out var entry))
            {
                entry = ([], []);
                DaysSince[name] = entry;
            }

            return entry;
        }

        private void Compare(ConditionNode quantity, ConditionNode other)
        {
            (List<double> Values, List<string> Attributes) into;
            if (quantity is IdentifierNode { IsScore: true })
            {
                into = (ScoreValues, ScoreAttributes);
                ScoreOpaque |= other is not (LiteralNode or ListNode or IdentifierNode { IsScore: false });
            }
            else if (quantity is CallNode { Function: ConditionFunction.DaysSince } call)
            {
                into = Entry(call.Argument);
            }
            else
            {
                return;
            }

            Add(other, into);
        }

        private static void Add(ConditionNode other, (List<double> Values, List<string> Attributes) into)
        {
            switch (other)
            {
                case LiteralNode literal:
                    AddValue(literal.Value, into.Values);
                    break;
                case ListNode list:
                    AddValue(list.Value, into.Values);
                    break;
                case IdentifierNode { IsScore: false } identifier:
                    into.Attributes.Add(identifier.Name);
                    break;
            }
        }

        private static void AddValue(LeadValue value, List<double> values)
        {
            if (value.Kind == LeadValueKind.Number)
            {
                values.Add(value.AsNumber);
            }
            else if (value.Kind == LeadValueKind.List)
            {
                foreach (var item in value.AsList)
                {
                    AddValue(item, values);
                }
            }
        }
    }
}
