using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Authoring;

/// <summary>
/// Finds likely authoring mistakes in a compiled policy: rules that can never apply, budgets that cannot be met,
/// calendars and holidays that do not do what they seem to. Every finding is a warning with a stable code
/// (SLA0600–SLA0699) and the position of the element it is about. Stateless and thread-safe.
/// </summary>
internal static class PolicyLinter
{
    /// <summary>A calendar open fewer hours than this per week gets <see cref="DiagnosticCodes.FewOpenHours"/>.</summary>
    public const int MinWeeklyOpenHours = 10;

    /// <summary>The range of a rank when bands are not by <c>score</c>.</summary>
    private const double RankMin = 0;

    private const double RankMax = 100;

    /// <summary>Lints a compiled policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The warnings, sorted by line and column.</returns>
    public static ImmutableArray<Diagnostic> Lint(SlaPolicy policy)
    {
        var bag = new DiagnosticBag(policy.SourceName);
        var map = policy.SourceMap;
        CheckShadowedTriggers(policy, map, bag);
        CheckBandRanges(policy, map, bag);
        CheckRouting(policy, map, bag);
        var profiles = policy.Routing
            .Select(r => r.CalendarName)
            .Distinct(StringComparer.Ordinal)
            .Select(name => policy.TryGetCalendar(name, out var calendar) ? new CalendarProfile(calendar) : null)
            .OfType<CalendarProfile>()
            .ToList();
        foreach (var tier in policy.Tiers)
        {
            CheckCadence(tier, profiles, map, bag);
            CheckEscalations(tier, profiles, map, bag);
        }

        CheckUnusedTiers(policy, map, bag);
        foreach (var calendar in policy.Calendars)
        {
            CheckCalendar(calendar, map, bag);
        }

        return bag.ToSortedArray();
    }

    private static void Warn(DiagnosticBag bag, string code, SourcePosition at, FormattableString message) =>
        bag.Warning(code, at.Line, at.Column, message.ToString(CultureInfo.InvariantCulture));

    private static void CheckShadowedTriggers(SlaPolicy policy, PolicySourceMap map, DiagnosticBag bag)
    {
        foreach (var trigger in policy.Triggers)
        {
            var text = trigger.When.ToString();
            foreach (var exclusion in policy.Exclusions)
            {
                if (string.Equals(text, exclusion.When.ToString(), StringComparison.Ordinal))
                {
                    var line = map.Find(exclusion).Line;
                    Warn(bag, DiagnosticCodes.TriggerShadowedByExclusion, map.Find(trigger), $"trigger `{trigger.Name}` has the same condition as exclusion `{exclusion.Name}` (line {line}): every lead it matches is excluded first, so it never fires");
                    break;
                }
            }
        }
    }

    private static void CheckBandRanges(SlaPolicy policy, PolicySourceMap map, DiagnosticBag bag)
    {
        if (policy.Bands is not { } bands)
        {
            return;
        }

        var (min, max, what) = bands.ByScore
            ? ScoreRange(policy.ScoringRules)
            : (RankMin, RankMax, $"a rank (`{bands.By}`) lies in 0-100");
        foreach (var band in bands.Ranges)
        {
            var from = band.From ?? double.NegativeInfinity;
            var to = band.To ?? double.PositiveInfinity;
            var above = from > max || (from == max && band.FromExclusive);
            var below = to < min || (to == min && band.ToExclusive);
            if (above || below)
            {
                Warn(bag, DiagnosticCodes.BandOutOfRange, map.Find(band), $"band `{band.Name}` can never match: {what}, and the band lies entirely {(above ? "above" : "below")} that");
            }
        }
    }

    private static (double Min, double Max, string What) ScoreRange(ImmutableArray<ScoringRule> rules)
    {
        double min = 0;
        double max = 0;
        foreach (var rule in rules)
        {
            if (rule.Event is null)
            {
                min += Math.Min(0, rule.Points);
                max += Math.Max(0, rule.Points);
            }
            else if (rule.Max is { } cap)
            {
                min += rule.Points < 0 ? -cap : 0;
                max += rule.Points > 0 ? cap : 0;
            }
            else
            {
                min = rule.Points < 0 ? double.NegativeInfinity : min;
                max = rule.Points > 0 ? double.PositiveInfinity : max;
            }
        }

        return (min, max, $"the scoring rules can only add up to a score from {Bound(min)} to {Bound(max)}");
    }

    private static string Bound(double value) =>
        double.IsNegativeInfinity(value) ? "-infinity" : double.IsPositiveInfinity(value) ? "infinity" : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void CheckRouting(SlaPolicy policy, PolicySourceMap map, DiagnosticBag bag)
    {
        RoutingRule? always = null;
        foreach (var rule in policy.Routing)
        {
            if (always is not null)
            {
                Warn(bag, DiagnosticCodes.UnreachableRoutingRule, map.Find(rule), $"this routing rule is never reached: the rule on line {map.Find(always).Line} (`when: true`) matches every lead");
                continue;
            }

            if (rule.When?.Root is LiteralNode { Value: { Kind: LeadValueKind.Boolean, AsBoolean: true } })
            {
                always = rule;
            }
        }
    }

    private static void CheckCadence(TierDefinition tier, List<CalendarProfile> profiles, PolicySourceMap map, DiagnosticBag bag)
    {
        if (tier.Cadence.IsEmpty || tier.CompleteWithin is not { } completeWithin)
        {
            return;
        }

        var steps = tier.Cadence.Select(s => s.Within).ToList();
        var sum = string.Join(" + ", steps);
        if (SameKind(steps.Append(completeWithin)))
        {
            if (NativeAmount(steps) > NativeAmount([completeWithin]))
            {
                Warn(bag, DiagnosticCodes.CadenceExceedsCompleteWithin, map.Find(tier, "cadence"), $"the cadence of tier `{tier.Name}` cannot fit in its `complete_within` ({completeWithin}): its steps add up to {sum}");
            }

            return;
        }

        var failing = profiles
            .Where(p => steps.Sum(p.OpenMinutes) > p.OpenMinutes(completeWithin) + 1e-9)
            .Select(p => p.Calendar.Name)
            .ToList();
        if (failing.Count > 0)
        {
            Warn(bag, DiagnosticCodes.CadenceExceedsCompleteWithin, map.Find(tier, "cadence"), $"the cadence of tier `{tier.Name}` cannot fit in its `complete_within` ({completeWithin}) on calendar {string.Join(", ", failing.Select(n => "`" + n + "`"))}: its steps add up to {sum}, measured in business time by the calendar's weekly open hours");
        }
    }

    private static void CheckEscalations(TierDefinition tier, List<CalendarProfile> profiles, PolicySourceMap map, DiagnosticBag bag)
    {
        // A ladder escalates a lead nobody has reached; its rungs normally come after the first-touch due, by design
        // (24/48/72 hours after a 2-hour first touch). A rung is pointless only once the whole SLA is over: after the tier's
        // `complete_within`, when the effort or cadence deadline has passed and the lead is due back to marketing.
        (SlaDuration Within, string What)? watched = tier.CompleteWithin is { } completeWithin ? (completeWithin, "complete_within") : null;
        if (watched is not { } deadline)
        {
            return;
        }

        foreach (var rung in tier.Escalations)
        {
            bool later;
            if (SameKind([rung.After, deadline.Within]))
            {
                later = NativeAmount([rung.After]) > NativeAmount([deadline.Within]);
            }
            else
            {
                later = profiles.Count > 0 && profiles.TrueForAll(p => p.OpenMinutes(rung.After) > p.OpenMinutes(deadline.Within) + 1e-9);
            }

            if (later)
            {
                Warn(bag, DiagnosticCodes.EscalationAfterDeadline, map.Find(rung), $"the escalation after {rung.AfterText} comes later than tier `{tier.Name}`'s {deadline.What} ({deadline.Within}): the SLA is over before anyone is alerted");
            }
        }
    }

    private static void CheckUnusedTiers(SlaPolicy policy, PolicySourceMap map, DiagnosticBag bag)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        used.UnionWith(policy.Triggers.Select(t => t.Tier).OfType<string>());
        if (policy.Bands is { } bands)
        {
            used.UnionWith(bands.Ranges.Select(b => b.Tier).OfType<string>());
        }

        foreach (var tier in policy.Tiers.Where(t => !used.Contains(t.Name)))
        {
            Warn(bag, DiagnosticCodes.UnusedTier, map.Find(tier), $"tier `{tier.Name}` is not set by any band or trigger, so only a lead that pins it (`assigned.tier`) can get it");
        }
    }

    private static void CheckCalendar(BusinessCalendar calendar, PolicySourceMap map, DiagnosticBag bag)
    {
        var profile = new CalendarProfile(calendar);
        if (profile.WeeklyOpenMinutes < MinWeeklyOpenHours * 60)
        {
            Warn(bag, DiagnosticCodes.FewOpenHours, map.Find(calendar), $"calendar `{calendar.Name}` is open only {FormatHours(profile.WeeklyOpenMinutes)} a week (fewer than {MinWeeklyOpenHours}); business-hour deadlines on it stretch over many days");
        }

        foreach (var holiday in calendar.Holidays)
        {
            if (AlwaysOnClosedDay(calendar, holiday) is { } weekday)
            {
                Warn(bag, DiagnosticCodes.HolidayOnClosedDay, map.Find(holiday), $"the holiday {holiday} always falls on a {weekday}, when calendar `{calendar.Name}` is closed anyway{(holiday.Observed == HolidayObservance.None ? string.Empty : " (and its observed day is closed too)")}, so it closes nothing");
            }
        }
    }

    private static string? AlwaysOnClosedDay(BusinessCalendar calendar, Holiday holiday)
    {
        // Fixed-date yearly holidays move through the week, so only one-date holidays and nth-weekday rules qualify.
        IsoDayOfWeek day;
        switch (holiday.Kind)
        {
            case HolidayKind.NthWeekday:
                day = holiday.DayOfWeek;
                break;
            case HolidayKind.Date when !calendar.Overrides.ContainsKey(holiday.Date):
                day = holiday.Date.DayOfWeek;
                break;
            default:
                return null;
        }

        if (!calendar.WeeklyHours(day).IsEmpty)
        {
            return null;
        }

        IsoDayOfWeek? observed = (holiday.Observed, day) switch
        {
            (HolidayObservance.NearestWeekday, IsoDayOfWeek.Saturday) => IsoDayOfWeek.Friday,
            (HolidayObservance.NearestWeekday or HolidayObservance.NextMonday, IsoDayOfWeek.Sunday) => IsoDayOfWeek.Monday,
            (HolidayObservance.NextMonday, IsoDayOfWeek.Saturday) => IsoDayOfWeek.Monday,
            _ => null,
        };
        if (observed is { } observedDay && !calendar.WeeklyHours(observedDay).IsEmpty)
        {
            return null;
        }

        return day.ToString();
    }

    private static string FormatHours(double minutes) =>
        (minutes / 60).ToString("0.##", CultureInfo.InvariantCulture) + (minutes == 60 ? " hour" : " hours");

    /// <summary>The kind of clock a duration runs on; durations of one kind compare by their amounts alone.</summary>
    private static int Kind(SlaDuration d) => (d.IsBusiness, d.IsFixedLength) switch
    {
        (true, true) => 0,   // business minutes/hours
        (true, false) => 1,  // business days/weeks
        (false, true) => 2,  // elapsed minutes/hours
        _ => 3,              // calendar days/weeks
    };

    private static bool SameKind(IEnumerable<SlaDuration> durations) => durations.Select(Kind).Distinct().Count() == 1;

    private static double NativeAmount(IEnumerable<SlaDuration> durations) => durations.Sum(d => d.IsFixedLength
        ? d.FixedLength.TotalMinutes
        : d.IsBusiness ? d.BusinessDays : d.CalendarDays);

    /// <summary>A calendar's weekly open time, used to put business days, elapsed time and business time on one scale.</summary>
    private sealed class CalendarProfile
    {
        public CalendarProfile(BusinessCalendar calendar)
        {
            Calendar = calendar;
            for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
            {
                var hours = calendar.WeeklyHours(d);
                WeeklyOpenMinutes += hours.Sum(i => i.CloseMinute - i.OpenMinute);
                OpenDays += hours.IsEmpty ? 0 : 1;
            }
        }

        public BusinessCalendar Calendar { get; }

        public double WeeklyOpenMinutes { get; }

        public int OpenDays { get; }

        /// <summary>
        /// The open time a duration stands for on this calendar, in minutes: business time as is; a business day as
        /// the average open time of an open weekday; elapsed time and calendar days in proportion to the week's open time.
        /// </summary>
        public double OpenMinutes(SlaDuration d) => (d.IsBusiness, d.IsFixedLength) switch
        {
            (true, true) => d.FixedLength.TotalMinutes,
            (true, false) => d.BusinessDays * (OpenDays == 0 ? 0 : WeeklyOpenMinutes / OpenDays),
            (false, true) => d.FixedLength.TotalMinutes * WeeklyOpenMinutes / (7 * 1440),
            _ => d.CalendarDays * WeeklyOpenMinutes / 7,
        };
    }
}
