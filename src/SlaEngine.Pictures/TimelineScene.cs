using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Pictures;

/// <summary>What one lead's picture shows, gathered from the public API: the evaluation at <c>at</c>, the calendar, the transitions.</summary>
internal sealed class TimelineScene
{
    private const int DefaultHorizonDays = 366;

    private TimelineScene(SlaPolicy policy, LeadSnapshot lead, Instant at, LeadEvaluation evaluation, BusinessCalendar? calendar, DateTimeZone zone)
    {
        Policy = policy;
        Lead = lead;
        At = at;
        Evaluation = evaluation;
        Calendar = calendar;
        Zone = zone;
    }

    internal SlaPolicy Policy { get; }

    internal LeadSnapshot Lead { get; }

    internal Instant At { get; }

    internal LeadEvaluation Evaluation { get; }

    internal BusinessCalendar? Calendar { get; }

    internal DateTimeZone Zone { get; }

    /// <summary>Gets the instant each milestone turned (or turns) at risk, from its transitions.</summary>
    internal ImmutableDictionary<string, Instant> AtRiskFrom { get; private set; } = ImmutableDictionary<string, Instant>.Empty;

    /// <summary>Gets the transitions ahead of <see cref="At"/> drawn in the picture.</summary>
    internal IReadOnlyList<PictureTransition> Ahead { get; private set; } = [];

    /// <summary>Gets the transitions ahead of <see cref="At"/> after the picture's end (within the horizon).</summary>
    internal IReadOnlyList<PictureTransition> Later { get; private set; } = [];

    internal Instant Start { get; private set; }

    internal Instant End { get; private set; }

    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options.</param>
    /// <param name="transitions">Where transitions come from: the core's timeline unless a test says otherwise.</param>
    internal static TimelineScene Create(SlaPolicy policy, LeadSnapshot lead, Instant at, TimelinePictureOptions options, Func<SlaPolicy, LeadSnapshot, Instant, Instant, IReadOnlyList<PictureTransition>>? transitions = null)
    {
        var evaluation = policy.TryEvaluate(lead, at, EvaluationOptions.WithoutTrace).GetValueOrThrow();
        BusinessCalendar? calendar = null;
        if (evaluation.Calendar is { } name && policy.TryGetCalendar(name, out var routed))
        {
            calendar = routed;
        }

        var zone = options.Zone ?? calendar?.Zone ?? (policy.Calendars.IsEmpty ? DateTimeZone.Utc : policy.Calendars[0].Zone);
        var scene = new TimelineScene(policy, lead, at, evaluation, calendar, zone);
        scene.Frame(options, transitions ?? TransitionSource.Between);
        return scene;
    }

    /// <summary>Chooses the drawn span (everything the lead shows, padded) and sorts the transitions into it.</summary>
    private void Frame(TimelinePictureOptions options, Func<SlaPolicy, LeadSnapshot, Instant, Instant, IReadOnlyList<PictureTransition>> transitions)
    {
        var points = new List<Instant> { At };
        if (Evaluation.SlaStart is { } start)
        {
            points.Add(start);
        }

        points.AddRange(Lead.Touches.Select(t => t.At));
        foreach (var milestone in Evaluation.Milestones)
        {
            AddIf(points, milestone.Due);
            AddIf(points, milestone.MetAt);
        }

        points.AddRange(Evaluation.Escalations.Select(e => e.At));
        AddIf(points, Lead.Disposition?.At);
        AddIf(points, Evaluation.NextTouch?.Due);
        foreach (var pause in Lead.Paused.Intervals)
        {
            if (pause.HasStart)
            {
                points.Add(pause.Start);
            }

            if (pause.HasEnd)
            {
                points.Add(pause.End);
            }
        }

        var first = points.Min();
        var last = points.Max();

        // The full history of transitions (from the SLA start) gives each milestone's warning instant; the part after
        // `at` is what changes next.
        var horizon = options.Until ?? At + Duration.FromDays(DefaultHorizonDays);
        var historyFrom = Evaluation.SlaStart is { } s && s < At ? s - Duration.FromSeconds(1) : At;
        var all = horizon > historyFrom ? transitions(Policy, Lead, historyFrom, horizon) : [];
        var atRisk = ImmutableDictionary.CreateBuilder<string, Instant>(StringComparer.Ordinal);
        foreach (var transition in all)
        {
            if (transition.Field == "status" && transition.ToJson == "\"at_risk\"" && !atRisk.ContainsKey(transition.Subject))
            {
                atRisk[transition.Subject] = transition.At;
            }
        }

        AtRiskFrom = atRisk.ToImmutable();
        foreach (var warn in AtRiskFrom.Values)
        {
            points.Add(warn);
        }

        first = points.Min();
        last = points.Max();
        var span = Duration.Max(last - first, Duration.FromHours(2));

        // Transitions ahead are drawn while they stay within a quarter of the span past the rest (or up to Until).
        var drawUntil = options.Until ?? Instant.Max(last + (span / 4), At + Duration.FromHours(1));
        var ahead = all.Where(t => t.At > At).ToList();
        Ahead = ahead.Where(t => t.At <= drawUntil).ToList();
        Later = ahead.Where(t => t.At > drawUntil).ToList();
        if (Ahead.Count > 0)
        {
            last = Instant.Max(last, Ahead[^1].At);
        }

        span = Duration.Max(last - first, Duration.FromHours(2));
        var pad = span / 25;
        Start = first - pad;
        End = Instant.Max(last, first + Duration.FromHours(2)) + pad;
    }

    private static void AddIf(List<Instant> points, Instant? instant)
    {
        if (instant is { } value)
        {
            points.Add(value);
        }
    }
}
