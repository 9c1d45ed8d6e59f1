using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// Evaluates one lead under a compiled policy at an instant. Pure: no clock, no I/O, no shared
/// mutable state, so one policy can be evaluated from many threads at once.
/// </summary>
internal static class LeadEvaluator
{
    internal const string FirstTouchName = MilestoneNames.FirstTouch;
    internal const string EffortName = MilestoneNames.Effort;
    internal const string DispositionName = MilestoneNames.Disposition;
    internal const string CadenceStepPrefix = MilestoneNames.CadenceStepPrefix;

    internal static LeadEvaluation Evaluate(SlaPolicy policy, LeadSnapshot lead, Instant at, EvaluationOptions options, ImmutableArray<LeadWarning> warnings = default, TimelineProbe? probe = null, Instant? startIfMissing = null, LeadConditionScope? reuse = null)
    {
        var trace = options.IncludeTrace ? ImmutableArray.CreateBuilder<TraceEntry>() : null;
        var scope = reuse ?? new LeadConditionScope(lead, at, policy.AttributeSlots);
        if (reuse is not null)
        {
            reuse.At = at;
            reuse.Score = 0;
        }

        // The result is built once, at the step that decides it.
        double? resultScore = null;
        string? resultBand = null;
        LeadEvaluation Result(LeadStatus status, string reason, string? tier = null, string? team = null, string? calendar = null, Instant? start = null, ImmutableArray<MilestoneResult> milestones = default, NextTouch? nextTouch = null, ImmutableArray<EscalationResult> escalations = default) => new()
        {
            SlaStart = start,
            Milestones = milestones.IsDefault ? [] : milestones,
            NextTouch = nextTouch,
            Escalations = escalations.IsDefault ? [] : escalations,
            Id = lead.Id,
            PolicyId = policy.Id,
            PolicyVersion = policy.Version,
            At = at,
            Status = status,
            Reason = reason,
            Score = resultScore,
            Band = resultBand,
            Tier = tier,
            Team = team,
            Calendar = calendar,
            Warnings = warnings.IsDefault ? [] : warnings,
            Trace = Finish(trace),
        };

        // 1. Exclusions, in order: the first match excludes the lead.
        foreach (var exclusion in policy.Exclusions)
        {
            var matched = exclusion.When.Evaluate(scope);
            trace?.Add(Entry("exclusion", exclusion.Name, matched, exclusion.When.WhenClause, exclusion.When, scope));
            if (matched)
            {
                return Result(LeadStatus.Excluded, exclusion.Reason);
            }
        }

        // 3. Score, then triggers (all evaluated; the first match in file order is the reason), then the threshold.
        var score = Score(policy, lead, at, scope, trace);
        scope.Score = score;
        TriggerRule? trigger = null;
        foreach (var rule in policy.Triggers)
        {
            var matched = rule.When.Evaluate(scope);
            trace?.Add(Entry("trigger", rule.Name, matched, rule.Tier is null ? rule.When.WhenClause : $"{rule.When.WhenClause} (sets tier {rule.Tier})", rule.When, scope));
            trigger ??= matched ? rule : null;
        }

        var byScore = policy.ScoreThreshold is { } threshold && score >= threshold;
        var qualified = trigger is not null || byScore;
        // A walk along the timeline needs only the verdict: it skips composing the reason.
        var verdictOnly = options.VerdictOnly && trace is null;
        // Numbers are formatted straight into the text (the "0.##" of Format), without a string of their own.
        var qualification = verdictOnly ? string.Empty : trigger is not null
            ? trigger.Reason
            : policy.ScoreThreshold is { } t
                ? ScoreReason(byScore, score, t)
                : "below threshold: no trigger matched and the policy sets no score threshold";
        trace?.Add(new TraceEntry("qualification", "qualification", qualified, qualification, []));
        resultScore = score;

        // 2. A disposition at or before `at` ends the SLA; milestones are still reported.
        var disposition = lead.Disposition is { } d && d.At <= at ? d : null;
        if (lead.Disposition is { } ignored && disposition is null)
        {
            trace?.Add(new TraceEntry("disposition", ignored.Outcome.ToString().ToLowerInvariant(), false, $"recorded at {Format(ignored.At)}, after the evaluation instant: ignored", []));
        }

        // 4. Tier: the first matching trigger's tier, else the band of the `bands.by` value; a pinned tier wins.
        var (band, bandValue) = FindBand(policy, lead, score);
        if (policy.Bands is { } bands)
        {
            trace?.Add(new TraceEntry(
                "band",
                band?.Name ?? "(none)",
                band is not null,
                band is null
                    ? $"{bands.By} = {(bandValue is null ? "null" : Format(bandValue.Value))}: no band covers it"
                    : $"{bands.By} = {Format(bandValue!.Value)} falls in band {band.Name}" + (band.Nurture ? " (nurture)" : $" (tier {band.Tier})"),
                bands.ByScore ? [] : [new(bands.By, scope.GetAttribute(bands.By))]));
        }

        // The tier: pinned by the lead's assignment, else set by the trigger, else the band's (a nurture band has none).
        var tierName = lead.Assigned?.Tier ?? trigger?.Tier ?? (band is { Nurture: false, Tier: { } bandTier } ? bandTier : null);
        if (trace is not null)
        {
            var tierWhy = lead.Assigned?.Tier is { } pinnedTier
                ? $"tier {pinnedTier} pinned by the lead's assignment"
                : trigger?.Tier is { } triggerTier
                    ? $"tier {triggerTier} set by trigger {trigger.Name}"
                    : tierName is not null
                        ? $"tier {tierName} from band {band!.Name}"
                        : band is null ? "no band" : "band: " + band.Name;
            trace.Add(new TraceEntry("tier", tierName ?? "(none)", tierName is not null, tierWhy, []));
        }

        resultBand = band?.Name;

        if (disposition is null)
        {
            if (!qualified)
            {
                return Result(LeadStatus.Nurture, qualification);
            }

            if (tierName is null)
            {
                if (verdictOnly)
                {
                    return Result(LeadStatus.Nurture, string.Empty);
                }

                var why = band is null ? "no band" : $"band: {band.Name}";
                why += bandValue is null ? $" ({policy.Bands?.By ?? "bands.by"} is null)" : $" ({policy.Bands!.By} = {Format(bandValue.Value)})";
                return Result(LeadStatus.Nurture, why);
            }
        }

        var reason = verdictOnly ? string.Empty : disposition is null
            ? qualification // qualified without a disposition: by the trigger, or by score (the same text)
            : DispositionReason(disposition.Outcome);
        var status = disposition?.Outcome switch
        {
            DispositionOutcome.Convert => LeadStatus.Converted,
            DispositionOutcome.Defer => LeadStatus.Deferred,
            DispositionOutcome.Recycle => LeadStatus.Recycled,
            _ => LeadStatus.Mql,
        };
        if (disposition is not null)
        {
            trace?.Add(new TraceEntry("disposition", disposition.Outcome.ToString().ToLowerInvariant(), true, $"dispositioned at {Format(disposition.At)}: the SLA ended then", []));
        }

        if (tierName is null || !policy.TryGetTier(tierName, out var tier))
        {
            return Result(status, reason, tierName);
        }

        // 5. Routing: first matching rule; a pinned team wins.
        var (team, calendar) = lead.Assigned?.Team is { } pinnedTeam ? RoutePinned(policy, pinnedTeam, trace) : Route(policy, scope, trace);
        if (calendar is null)
        {
            return Result(status, reason, tierName, team);
        }

        // 6. Milestones, next touch, escalations.
        var start = lead.MqlAt ?? startIfMissing ?? at;
        var plan = new MilestonePlanner(tier, calendar, lead, at, start, disposition, scope, trace, probe);
        plan.Run();
        if (status == LeadStatus.Mql && tier.RecycleOnExhausted && plan.Exhausted)
        {
            status = LeadStatus.RecycleDue;
            reason = verdictOnly ? reason : reason + "; touch plan exhausted without a disposition: recycle to marketing nurture";
        }

        return Result(status, reason, tierName, team, calendar.Name, start, plan.Milestones, plan.NextTouch, plan.Escalations);
    }

    private static string DispositionReason(DispositionOutcome outcome) => outcome switch
    {
        DispositionOutcome.Convert => "disposition: convert",
        DispositionOutcome.Defer => "disposition: defer",
        DispositionOutcome.Recycle => "disposition: recycle",
        _ => "disposition: " + outcome.ToString().ToLowerInvariant(),
    };

    internal static string Format(double value)
    {
        Span<char> text = stackalloc char[NumberText.MaxLength];
        return new string(text[..NumberText.Format(value, text)]);
    }

    /// <summary>"score S &gt;= threshold T" or "below threshold: score S &lt; T", the numbers as <see cref="Format(double)"/> prints them.</summary>
    private static string ScoreReason(bool qualified, double score, double threshold)
    {
        Span<char> s = stackalloc char[NumberText.MaxLength];
        Span<char> t = stackalloc char[NumberText.MaxLength];
        var scoreText = s[..NumberText.Format(score, s)];
        var thresholdText = t[..NumberText.Format(threshold, t)];
        return qualified
            ? string.Concat("score ", scoreText, " >= threshold ", thresholdText)
            : string.Concat("below threshold: score ", scoreText, " < ", thresholdText);
    }

    internal static string Format(Instant value) => EvaluationJson.FormatInstant(value);

    internal static Duration ToElapsed(SlaDuration duration) =>
        duration.IsFixedLength ? duration.FixedLength : Duration.FromDays(duration.IsBusiness ? duration.BusinessDays : duration.CalendarDays);

    /// <summary>The trace entry of a condition just evaluated, with the attribute values it read.</summary>
    internal static TraceEntry Entry(string stage, string rule, bool result, string detail, Condition condition, IConditionScope scope)
    {
        var identifiers = condition.Identifiers;
        if (identifiers.IsEmpty)
        {
            return new TraceEntry(stage, rule, result, detail, []);
        }

        var values = new KeyValuePair<string, LeadValue>[identifiers.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new KeyValuePair<string, LeadValue>(identifiers[i], scope.GetAttribute(identifiers[i]));
        }

        return new TraceEntry(stage, rule, result, detail, ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    private static ImmutableArray<TraceEntry> Finish(ImmutableArray<TraceEntry>.Builder? trace) => trace?.ToImmutable() ?? [];

    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="at">The instant.</param>
    /// <param name="scope">The lead's condition scope at <paramref name="at"/>.</param>
    /// <param name="trace">The trace, or null.</param>
    internal static double Score(SlaPolicy policy, LeadSnapshot lead, Instant at, LeadConditionScope scope, ImmutableArray<TraceEntry>.Builder? trace)
    {
        var total = 0.0;
        var memory = scope as SteadyRememberingScope;
        var rules = policy.ScoringRules;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            double contribution;
            string detail;
            if (rule.When is { } when)
            {
                // A timeline walk's scope remembers the steady conditions' results between changes of events and windows.
                bool matched;
                if (!rule.IsSteady || memory is null || !memory.TryGet(i, out matched))
                {
                    matched = when.Evaluate(scope);
                    if (rule.IsSteady)
                    {
                        memory?.Set(i, matched);
                    }
                }

                contribution = matched ? rule.Points : 0;
                if (trace is not null)
                {
                    detail = string.Concat(rule.WhenTraceText, matched ? ": +" + Format(rule.Points) : ": 0");
                    trace.Add(Entry("scoring", rule.Name, matched, detail, when, scope));
                }

                total += contribution;
                continue;
            }

            contribution = EventContribution(rule, lead, at, out var count);
            total += contribution;
            trace?.Add(new TraceEntry("scoring", rule.Name, count > 0, string.Concat(count.ToString(CultureInfo.InvariantCulture), " ", rule.Event, " event(s)", rule.TraceSuffix, ": ", Format(contribution)), []));
        }

        var score = Math.Round(total, 2, MidpointRounding.AwayFromZero);
        trace?.Add(new TraceEntry("scoring", "score", null, "score = " + Format(score), []));
        return score;
    }

    /// <summary>An event rule's contribution at <paramref name="at"/>: points per matching event in its window, decayed, capped.</summary>
    internal static double EventContribution(ScoringRule rule, LeadSnapshot lead, Instant at, out int count)
    {
        var window = rule.Within is { } within ? at - ToElapsed(within) : Instant.MinValue;
        var halfLife = rule.HalfLife is { } h ? ToElapsed(h).TotalSeconds : 0;
        count = 0;
        var contribution = 0.0;
        foreach (var e in lead.Events)
        {
            if (e.At > at || e.At < window || !string.Equals(e.Type, rule.Event, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            count++;
            contribution += halfLife > 0 ? rule.Points * Math.Pow(2, -(at - e.At).TotalSeconds / halfLife) : rule.Points;
        }

        if (rule.Max is { } max)
        {
            contribution = contribution >= 0 ? Math.Min(contribution, Math.Abs(max)) : Math.Max(contribution, -Math.Abs(max));
        }

        return contribution;
    }

    private static (RankBand? Band, double? Value) FindBand(SlaPolicy policy, LeadSnapshot lead, double score)
    {
        if (policy.Bands is not { } bands)
        {
            return (null, null);
        }

        double? value = bands.ByScore
            ? score
            : lead.TryGetAttribute(bands.By, out var v) && v.Kind == LeadValueKind.Number ? v.AsNumber : null;
        return (value is { } x ? bands.Find(x) : null, value);
    }

    private static (string? Team, BusinessCalendar? Calendar) RoutePinned(SlaPolicy policy, string pinnedTeam, ImmutableArray<TraceEntry>.Builder? trace)
    {
        string? calendarName = null;
        foreach (var rule in policy.Routing)
        {
            if (rule.Team == pinnedTeam)
            {
                calendarName = rule.CalendarName;
                break;
            }
        }

        calendarName ??= policy.Calendars.IsEmpty ? null : policy.Calendars[0].Name;
        BusinessCalendar? pinnedCalendar = null;
        if (calendarName is not null)
        {
            policy.TryGetCalendar(calendarName, out pinnedCalendar);
        }

        trace?.Add(new TraceEntry("routing", pinnedTeam, true, $"team {pinnedTeam} pinned by the lead's assignment; calendar {pinnedCalendar?.Name ?? "(none)"}", []));
        return (pinnedTeam, pinnedCalendar);
    }

    private static (string? Team, BusinessCalendar? Calendar) Route(SlaPolicy policy, IConditionScope scope, ImmutableArray<TraceEntry>.Builder? trace)
    {
        foreach (var rule in policy.Routing)
        {
            var matched = rule.IsDefault || rule.When is null || rule.When.Evaluate(scope);
            if (trace is not null)
            {
                var detail = rule.IsDefault || rule.When is null ? "default" : rule.When.WhenClause;
                trace.Add(rule.When is null
                    ? new TraceEntry("routing", rule.Team, matched, detail, [])
                    : Entry("routing", rule.Team, matched, detail, rule.When, scope));
            }

            if (matched)
            {
                policy.TryGetCalendar(rule.CalendarName, out var routed);
                return (rule.Team, routed);
            }
        }

        var fallback = policy.Calendars.IsEmpty ? null : policy.Calendars[0];
        trace?.Add(new TraceEntry("routing", "(none)", false, $"no routing rule matched; calendar {fallback?.Name ?? "(none)"}", []));
        return (null, fallback);
    }
}
