using SlaEngine.Diagnostics;
using NodaTime;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>The timeline of a compiled <see cref="SlaPolicy"/>: when a lead's verdict changes, and what changes.</summary>
public static class SlaPolicyTimelineExtensions
{
    /// <summary>The default horizon of a timeline: 366 days of 24 hours after its start.</summary>
    public static readonly Duration DefaultHorizon = Duration.FromDays(366);

    /// <summary>
    /// Lists every change of the lead's verdict in <c>(at, until]</c>, each with the instant it happens (a whole second
    /// at which the verdict differs from the verdict one second earlier), what changed and a key to act on it once.
    /// Exact to the second, computed from change to change rather than by stepping, so its cost does not grow with
    /// the horizon. Pure and thread-safe.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot. Touches, events and a disposition dated after <paramref name="at"/> take effect at their instants.</param>
    /// <param name="at">The instant the timeline starts after. A lead without <c>mql_at</c> starts its SLA here.</param>
    /// <param name="until">The last instant included; default <paramref name="at"/> + 366 days of 24 hours.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="InvalidLeadException">The lead pins a tier or team the policy does not define.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> is before <paramref name="at"/>, or a deadline falls outside the calendar's supported years (1700–2499).</exception>
    public static LeadTimeline Timeline(this SlaPolicy policy, LeadSnapshot lead, Instant at, Instant? until = null) =>
        policy.TryTimeline(lead, at, until).GetValueOrThrow();

    /// <summary>
    /// Computes the lead's timeline like <see cref="Timeline"/>, with the lead's expected failures as values: a pinned
    /// tier or team the policy does not define, data that does not match the policy (when strict), an instant or a
    /// deadline outside the supported years.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead snapshot.</param>
    /// <param name="at">The instant the timeline starts after.</param>
    /// <param name="until">The last instant included; default <paramref name="at"/> + 366 days of 24 hours.</param>
    /// <param name="options">The options; only <see cref="EvaluationOptions.Strict"/> matters here.</param>
    /// <returns>The timeline, or the lead's error.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> is before <paramref name="at"/>.</exception>
    public static LeadTimelineResult TryTimeline(this SlaPolicy policy, LeadSnapshot lead, Instant at, Instant? until = null, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(lead);
        var end = until ?? at + DefaultHorizon;
        if (end < at)
        {
            throw new ArgumentOutOfRangeException(nameof(until), "The end of a timeline must not be before its start.");
        }

        if (policy.CheckAssignment(lead) is { } problem)
        {
            return LeadTimelineResult.ForError(problem);
        }

        if (SlaPolicyEvaluationExtensions.CheckData(policy, lead, at, options?.Strict ?? false, out var effective, out _) is { } dataProblem)
        {
            return LeadTimelineResult.ForError(dataProblem);
        }

        try
        {
            var walk = new TimelineWalk(policy, effective, at, end, TimelineStart);
            var transitions = new List<SlaTransition>();
            while (walk.Next(transitions))
            {
            }

            return LeadTimelineResult.ForValue(new LeadTimeline(lead.Id, at, end, [.. transitions]));
        }
        catch (ArgumentOutOfRangeException)
        {
            return LeadTimelineResult.ForError(new LeadError(DiagnosticCodes.LeadValueOutOfRange, "a deadline of the lead's timeline falls outside the years business time supports") { LeadId = lead.Id });
        }
    }

    private static readonly EvaluationOptions TimelineStart = new() { IncludeTrace = false, IncludeNextChange = false, VerdictOnly = true };

    /// <summary>Evaluates and finds the first change after <paramref name="at"/> (the evaluation's next change).</summary>
    internal static LeadEvaluation WithNextChange(SlaPolicy policy, LeadSnapshot lead, Instant at, EvaluationOptions options)
    {
        var explain = options.IncludeTrace;
        var walk = new TimelineWalk(policy, lead, at, at + DefaultHorizon, options, firstChangeOnly: !explain);
        var items = explain ? new List<SlaTransition>() : null;
        var first = walk.First;
        if (!walk.Next(items, explain))
        {
            if (!explain)
            {
                return first.SetNextChangeWhileBuilding(null);
            }

            return first with
            {
                Trace = first.Trace.Add(new TraceEntry("next_change", "(none)", null, "the verdict does not change with time alone within 366 days", [])),
            };
        }

        if (!explain)
        {
            return first.SetNextChangeWhileBuilding(walk.At);
        }

        var changes = string.Join(", ", items!.Select(i => $"{i.Subject}.{i.Field} {i.FromJson} -> {i.ToJson}"));
        var entry = new TraceEntry(
            "next_change",
            items![0].Subject,
            null,
            $"next change at {EvaluationJson.FormatInstant(walk.At)}: {changes}; from {walk.Source ?? "the snapshot"}",
            []);
        return first with { NextChangeAt = walk.At, Trace = first.Trace.Add(entry) };
    }
}
