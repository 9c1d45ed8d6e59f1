using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Tests.Calendars;
using SlaEngine.Tests.Properties;
using Interval = NodaTime.Interval;

namespace SlaEngine.Tests.Timeline;

/// <summary>
/// Generated timeline cases: a policy (YAML, so it goes through the real loader) with a generated calendar (DST
/// zones, holidays of every form, overrides, overnight hours), fading and windowed scores, count() and days_since
/// triggers and routing, a first-touch/effort tier with warnings and a cadence tier with a conditional step, mixed
/// escalation ladders; and a lead with events, touches, pauses and a disposition before and after the instant.
/// </summary>
internal static class TimelineArbitraries
{
    /// <summary>How many cases each timeline property runs: 200 by default, or <c>SLAENGINE_TIMELINE_RUNS</c>.</summary>
    public static int Runs { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_TIMELINE_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : 200;

    public static Config Config => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true);

    public static void Check(Property property) => FsCheck.Check.One(Config, property);

    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static Gen<string> BusinessWithin =>
        Gen.OneOf(
            Gen.Choose(1, 8).Select(h => $"{h} business hours"),
            Gen.Choose(3, 24).Select(m => $"{m * 10} business minutes"),
            Gen.Choose(0, 2).Select(d => $"{d} business days"));

    private static Gen<string> AnyWithin =>
        Gen.Frequency(
            (3, BusinessWithin),
            (1, Gen.Choose(1, 48).Select(h => $"{h} hours")),
            (1, Gen.Choose(1, 3).Select(d => $"{d} days")));

    private static Gen<string> Warn =>
        Gen.OneOf(
            Gen.Choose(0, 12).Select(m => $"{m * 10} minutes"),
            Gen.Choose(1, 3).Select(h => $"{h} business hours"),
            Gen.Choose(1, 9).Select(p => $"{p * 10}%"),
            Gen.Choose(1, 99).Select(p => $"{p}%"));

    private static Gen<string> Rung =>
        from after in Gen.OneOf(
            Gen.Choose(1, 72).Select(h => $"{h} hours"),
            Gen.Choose(1, 12).Select(h => $"{h} business hours"),
            Gen.Choose(1, 3).Select(d => $"{d} days"),
            Gen.Choose(1, 2).Select(d => $"{d} business days"))
        from who in Gen.Elements("owner", "manager", "executive")
        select $"      - {{ after: {after}, notify: [{who}] }}";

    private static Gen<string> Ladder => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Rung, n)).Select(r => r.Length == 0 ? string.Empty : "    escalations:\n" + string.Join("\n", r) + "\n");

    /// <summary>A whole policy around a calendar scenario.</summary>
    public static Gen<string> PolicyYaml(CalendarScenario scenario) =>
        from halfLife in Gen.OneOf(Gen.Choose(6, 48).Select(h => $"{h} hours"), Gen.Choose(1, 3).Select(d => $"{d} days"))
        from webinarPoints in Gen.Choose(15, 60)
        from downloadMax in Gen.Choose(10, 40)
        from penalty in Gen.Frequency((2, Gen.Constant(string.Empty)), (1, from points in Gen.Choose(5, 40) from hours in Gen.Choose(3, 60) select $"\n    - {{ name: unsubscribed, event: unsub, points: -{points}, half_life: {hours} hours }}"))
        from downloadWindow in Gen.OneOf(Gen.Choose(6, 72).Select(h => $"{h} hours"), Gen.Choose(1, 4).Select(d => $"{d} days"))
        from chatWindow in Gen.Choose(6, 72)
        from routeWindow in Gen.Choose(6, 96)
        from vipScore in Gen.Choose(20, 80)
        from signupDays in Gen.Elements("1", "2", "1.5", "3", "0.25")
        from threshold in Gen.Choose(15, 50)
        from hotFrom in Gen.Choose(55, 90)
        from warmFrom in Gen.Choose(10, 50)
        from firstWithin in BusinessWithin
        from warn in Gen.Frequency((3, Warn.Select(w => ", warn_before: " + w)), (1, Gen.Constant(string.Empty)))
        from calls in Gen.Choose(1, 3)
        from sms in Gen.Choose(0, 2)
        from complete in Gen.Choose(1, 4)
        from disposition in Gen.Frequency((2, AnyWithin.Select(d => $"    disposition_within: {d}\n")), (1, Gen.Constant(string.Empty)))
        from hotLadder in Ladder
        from step1 in BusinessWithin
        from step2 in AnyWithin
        from step3 in BusinessWithin
        from stepWarn in Gen.Frequency((1, Warn.Select(w => ", warn_before: " + w)), (2, Gen.Constant(string.Empty)))
        from recycle in Gen.Elements("    on_exhausted: recycle\n", string.Empty)
        from hotRecycle in Gen.Elements("    on_exhausted: recycle\n", string.Empty)
        from warmDisposition in Gen.Frequency((1, AnyWithin.Select(d => $"    disposition_within: {d}\n")), (1, Gen.Constant(string.Empty)))
        from warmLadder in Ladder
        select $$"""
            policy: generated
            version: 7
            calendars:
              main:
            {{CalendarYaml(scenario.Definition, "    ")}}
              evening:
                zone: {{scenario.Definition.ZoneId}}
                hours:
                  mon-fri: [12:00-21:00]
                  sat: [10:00-14:00]
            scoring:
              rules:
                - { name: webinar, event: webinar, points: {{webinarPoints}}, half_life: {{halfLife}} }
                - { name: download, event: download, points: 10, max: {{downloadMax}}, within: {{downloadWindow}} }
                - { name: size, when: 'employees >= 200', points: 20 }{{penalty}}
            qualification:
              triggers:
                - { name: demo, when: 'demo', tier: hot }
                - { name: chat spree, when: 'count(chat, {{chatWindow}} hours) >= 2', tier: hot }
                - { name: fresh signup, when: 'days_since(signup) < {{signupDays}}', tier: warm }
              score_threshold: {{threshold}}
            bands:
              by: score
              ranges:
                - { name: hot, from: {{hotFrom}}, to: 1000, tier: hot }
                - { name: warm, from: {{warmFrom}}, to: {{hotFrom - 1}}.99, tier: warm }
                - { name: cold, below: {{warmFrom}}, nurture: true }
            routing:
              - { when: 'score > {{vipScore}} and days_since(signup) >= 1', team: vip, calendar: evening }
              - { when: 'count(chat, {{routeWindow}} hours) >= 1', team: chat-desk, calendar: evening }
              - { default: true, team: inside, calendar: main }
            tiers:
              hot:
                first_touch: { channels: [call, sms], within: {{firstWithin}}{{warn}} }
                effort: { call: {{calls}}{{(sms > 0 ? $", sms: {sms}" : string.Empty)}} }
                complete_within: {{complete}} business days
            {{hotRecycle}}{{disposition}}{{hotLadder}}  warm:
                cadence:
                  - { channels: [email, call], within: {{step1}}{{stepWarn}} }
                  - { channels: [email], within: {{step2}} }
                  - { channels: [call], within: {{step3}}, when: 'employees > 100' }
            {{recycle}}{{warmDisposition}}{{warmLadder}}
            """;

    /// <summary>A lead near <paramref name="at"/>: events, touches, pauses and a disposition before and after it.</summary>
    public static Gen<LeadSnapshot> Lead(Instant at, bool oddSeconds) =>
        from mqlBack in Gen.Frequency((4, Gen.Choose(0, 2 * 1440)), (1, Gen.Choose(-1440, 0)))
        from employees in Gen.Elements(20, 80, 150, 250)
        from demo in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from signup in Gen.Frequency((1, Gen.Choose(-5 * 1440, 1440).Select(m => (int?)m)), (2, Gen.Constant((int?)null)))
        from webinars in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Offset(-4 * 1440, 3 * 1440, oddSeconds), n))
        from downloads in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Offset(-4 * 1440, 3 * 1440, oddSeconds), n))
        from chats in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Offset(-3 * 1440, 3 * 1440, oddSeconds), n))
        from unsubscribes in Gen.Choose(0, 1).SelectMany(n => Gen.ArrayOf(Offset(-3 * 1440, 2 * 1440, oddSeconds), n))
        from touches in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(
            from offset in Offset(-1440, 5 * 1440, oddSeconds)
            from channel in Gen.Elements("call", "sms", "email", "call", "email")
            select (offset, channel), n))
        from pauseStarts in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Gen.Choose(-2 * 1440, 4 * 1440), n))
        from pauseLengths in Gen.ArrayOf(Gen.Choose(1, 2 * 1440), 2)
        from disposition in Gen.Frequency((4, Gen.Constant<(int, DispositionOutcome)?>(null)), (1, from o in Offset(-1440, 5 * 1440, oddSeconds) from k in Gen.Elements(DispositionOutcome.Convert, DispositionOutcome.Defer, DispositionOutcome.Recycle) select ((int, DispositionOutcome)?)(o, k)))
        select Build(at, mqlBack, employees, demo, signup, webinars, downloads, chats, unsubscribes, touches, pauseStarts, pauseLengths, disposition);

    /// <summary>An offset in seconds from the instant: mostly whole minutes, sometimes odd seconds.</summary>
    private static Gen<int> Offset(int fromMinutes, int toMinutes, bool oddSeconds) =>
        from minutes in Gen.Choose(fromMinutes, toMinutes)
        from seconds in oddSeconds ? Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 59))) : Gen.Constant(0)
        select (minutes * 60) + seconds;

    /// <summary>Cases whose lead instants fall on any second.</summary>
    public static Arbitrary<TimelineCase> Cases => CasesWith(oddSeconds: true).ToArbitrary();

    /// <summary>
    /// Cases whose lead instants fall on whole minutes, for the brute-force reference: then no two changes of opposite
    /// effect fall strictly inside one minute between its samples.
    /// </summary>
    public static Arbitrary<TimelineCase> WholeMinuteCases => CasesWith(oddSeconds: false).ToArbitrary();

    private static Gen<TimelineCase> CasesWith(bool oddSeconds) =>
        from scenario in CalendarArbitraries.ModernScenario.Where(s => s.Focus.Year is >= 1980 and <= 2150)
         from yaml in PolicyYaml(scenario)
         from startMinute in Gen.Choose(0, 3 * 1440)
         let midnight = scenario.Focus.AtStartOfDayInZone(scenario.Definition.Zone).ToInstant()
         let at = Instant.FromUnixTimeSeconds(midnight.ToUnixTimeSeconds() / 60 * 60) + Duration.FromMinutes(startMinute)
         from lead in Lead(at, oddSeconds)
         from picks in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 8)
        select TimelineCase.Create(yaml, lead, at, picks) into c
        where c is not null
        select c!;

    private static LeadSnapshot Build(
        Instant at,
        int mqlBack,
        int employees,
        bool demo,
        int? signup,
        int[] webinars,
        int[] downloads,
        int[] chats,
        int[] unsubscribes,
        (int Offset, string Channel)[] touches,
        int[] pauseStarts,
        int[] pauseLengths,
        (int Offset, DispositionOutcome Outcome)? disposition)
    {
        var mqlAt = at - Duration.FromMinutes(mqlBack);
        var attributes = ImmutableDictionary<string, LeadValue>.Empty
            .Add("employees", LeadValue.FromNumber(employees))
            .Add("demo", LeadValue.FromBoolean(demo));
        if (signup is { } s)
        {
            attributes = attributes.Add("signup", LeadValue.FromString(EvaluationJson.FormatInstant(at + Duration.FromMinutes(s))));
        }

        var events = webinars.Select(o => new LeadEvent("webinar", at + Duration.FromSeconds(o)))
            .Concat(downloads.Select(o => new LeadEvent("download", at + Duration.FromSeconds(o))))
            .Concat(chats.Select(o => new LeadEvent("chat", at + Duration.FromSeconds(o))))
            .Concat(unsubscribes.Select(o => new LeadEvent("unsub", at + Duration.FromSeconds(o))))
            .ToImmutableArray();
        return new LeadSnapshot("G-1")
        {
            MqlAt = mqlAt,
            Attributes = attributes,
            Events = events,
            Touches = [.. touches.Select(t => new LeadTouch(t.Channel, mqlAt + Duration.FromSeconds(t.Offset)))],
            Paused = PauseSchedule.Create(pauseStarts.Select((p, i) => new Interval(at + Duration.FromMinutes(p), at + Duration.FromMinutes(p + pauseLengths[i])))),
            Disposition = disposition is { } d ? new LeadDisposition(d.Outcome, at + Duration.FromSeconds(d.Offset)) : null,
        };
    }

    /// <summary>A generated calendar as policy YAML (the mapping under the calendar's name).</summary>
    internal static string CalendarYaml(CalendarDefinition definition, string indent)
    {
        var text = new StringBuilder();
        text.Append(indent).Append("zone: ").Append(definition.ZoneId).Append('\n');
        text.Append(indent).Append("hours:\n");
        for (var d = 0; d < 7; d++)
        {
            text.Append(indent).Append("  ").Append(Days[d]).Append(": [").Append(string.Join(", ", definition.Weekly[d])).Append("]\n");
        }

        if (definition.Holidays.Length > 0)
        {
            text.Append(indent).Append("holidays:\n");
            foreach (var h in definition.Holidays)
            {
                var observed = h.Observed switch
                {
                    HolidayObservance.NearestWeekday => ", observed: nearest_weekday",
                    HolidayObservance.NextMonday => ", observed: next_monday",
                    _ => string.Empty,
                };
                var what = h.Form switch
                {
                    HolidayForm.Date => $"date: {h.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}",
                    HolidayForm.Yearly => string.Create(CultureInfo.InvariantCulture, $"date: \"{h.Month:00}-{h.Day:00}\""),
                    _ => $"rule: {(h.Nth == -1 ? "last" : Ordinal(h.Nth))} {Days[(int)h.DayOfWeek - 1]} of {Months[h.Month - 1]}",
                };
                text.Append(indent).Append("  - { ").Append(what).Append(observed).Append(" }\n");
            }
        }

        if (definition.Overrides.Count > 0)
        {
            text.Append(indent).Append("overrides:\n");
            foreach (var (date, hours) in definition.Overrides)
            {
                text.Append(indent).Append("  ").Append(date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).Append(": ")
                    .Append(hours.IsEmpty ? "closed" : "[" + string.Join(", ", hours) + "]").Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}

/// <summary>One generated case: the policy, the lead, the instant, a horizon of six days and random picks.</summary>
internal sealed class TimelineCase
{
    private TimelineCase(string yaml, SlaPolicy policy, LeadSnapshot lead, Instant at, int[] picks)
    {
        Yaml = yaml;
        Policy = policy;
        Lead = lead;
        At = at;
        Until = at + Duration.FromDays(6);
        Picks = picks;
    }

    public string Yaml { get; }

    public SlaPolicy Policy { get; }

    public LeadSnapshot Lead { get; }

    public Instant At { get; }

    public Instant Until { get; }

    public int[] Picks { get; }

    public static TimelineCase? Create(string yaml, LeadSnapshot lead, Instant at, int[] picks)
    {
        var loaded = PolicyLoader.TryLoad(yaml, "generated.yaml");
        return loaded.Policy is null ? null : new TimelineCase(yaml, loaded.Policy, lead, at, picks);
    }

    public override string ToString() =>
        $"at {EvaluationJson.FormatInstant(At)}; lead {LeadJsonText()}\n{Yaml}";

    private string LeadJsonText() =>
        $"mql_at {Lead.MqlAt}, attributes {string.Join(",", Lead.Attributes.Select(a => $"{a.Key}={a.Value}"))}, events [{string.Join(", ", Lead.Events.Select(e => $"{e.Type}@{e.At}"))}], touches [{string.Join(", ", Lead.Touches.Select(t => $"{t.Channel}@{t.At}"))}], paused [{string.Join(", ", Lead.Paused.Intervals)}], disposition {Lead.Disposition}";
}
