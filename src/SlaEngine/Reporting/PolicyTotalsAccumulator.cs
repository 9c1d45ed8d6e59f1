using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>
/// Adds up one policy's totals over a stream of evaluations in constant memory: counters per status and tier, and per
/// (team, calendar) the touches asked and the span of SLA windows. Not thread-safe.
/// </summary>
internal sealed class PolicyTotalsAccumulator
{
    private readonly SlaPolicy _policy;
    private readonly Dictionary<string, int> _byStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byTier = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Team, string Calendar), Load> _loads = [];
    private int _breaches;
    private int _breachedLeads;
    private int _leakage;

    public PolicyTotalsAccumulator(SlaPolicy policy)
    {
        _policy = policy;
    }

    public void Add(LeadEvaluation evaluation)
    {
        Increment(_byStatus, EvaluationJson.StatusText(evaluation.Status));
        if (evaluation.Tier is { } tierName)
        {
            Increment(_byTier, tierName);
        }

        var breached = evaluation.Milestones.Count(m => m.Status == MilestoneStatus.Breached);
        _breaches += breached;
        _breachedLeads += breached > 0 ? 1 : 0;
        if (LeadLeakage.IsLeaked(evaluation))
        {
            _leakage++;
        }

        AddLoad(evaluation);
    }

    public PolicyTotals ToTotals() => new(
        _policy.Id,
        _policy.Version,
        _byStatus.ToImmutableSortedDictionary(StringComparer.Ordinal),
        _byTier.ToImmutableSortedDictionary(StringComparer.Ordinal),
        _breaches,
        _breachedLeads,
        _leakage,
        _loads
            .OrderBy(l => l.Key.Team, StringComparer.Ordinal)
            .ThenBy(l => l.Key.Calendar, StringComparer.Ordinal)
            .Select(l => l.Value.ToTouchLoad(l.Key.Team, l.Key.Calendar))
            .ToImmutableArray());

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private void AddLoad(LeadEvaluation evaluation)
    {
        if (evaluation.Status is LeadStatus.Excluded or LeadStatus.Nurture
            || evaluation.Tier is not { } tierName || evaluation.Team is not { } team || evaluation.Calendar is not { } calendarName
            || evaluation.SlaStart is not { } start
            || !_policy.TryGetTier(tierName, out var tier) || !_policy.TryGetCalendar(calendarName, out var calendar))
        {
            return;
        }

        long touches = (tier.FirstTouch is null ? 0 : 1) + tier.Effort.Sum(e => (long)e.Count);
        var end = start;
        Instant? previous = start;
        foreach (var milestone in evaluation.Milestones)
        {
            if (milestone.Name is "first_touch" or "effort")
            {
                end = Max(end, milestone.Due ?? start);
                continue;
            }

            if (!milestone.Name.StartsWith("cadence_step_", StringComparison.Ordinal)
                || !int.TryParse(milestone.Name.AsSpan("cadence_step_".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                || tier.Cadence.FirstOrDefault(s => s.Number == number) is not { } step)
            {
                continue;
            }

            touches += step.Channels.Length;

            // A step's due is known once the previous step is done; until then the window assumes the previous step
            // is done at its due and adds the step's budget on the calendar (without pauses).
            var due = milestone.Due ?? Add(calendar, previous ?? start, step.Within);
            previous = due;
            end = Max(end, due);
        }

        var from = start.InZone(calendar.Zone).Date;
        var to = end.InZone(calendar.Zone).Date;
        if (!_loads.TryGetValue((team, calendarName), out var load))
        {
            load = new Load(calendar);
            _loads.Add((team, calendarName), load);
        }

        load.Add(touches, from, to);
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Add(BusinessCalendar calendar, Instant from, SlaDuration within)
    {
        try
        {
            return calendar.Add(from, within);
        }
        catch (ArgumentOutOfRangeException)
        {
            return from;
        }
    }

    private sealed class Load(BusinessCalendar calendar)
    {
        private int _leads;
        private long _touches;
        private LocalDate _from = LocalDate.MaxIsoValue;
        private LocalDate _to = LocalDate.MinIsoValue;

        public void Add(long touches, LocalDate from, LocalDate to)
        {
            _leads++;
            _touches += touches;
            _from = from < _from ? from : _from;
            _to = to > _to ? to : _to;
        }

        public TeamTouchLoad ToTouchLoad(string team, string calendarName)
        {
            var days = 0;
            for (var date = _from; date <= _to; date = date.PlusDays(1))
            {
                if (date.Year >= BusinessCalendar.MinYear && date.Year <= BusinessCalendar.MaxYear && calendar.IsBusinessDate(date))
                {
                    days++;
                }
            }

            double? perDay = days == 0 ? null : Math.Round((double)_touches / days, 2, MidpointRounding.AwayFromZero);
            return new TeamTouchLoad(team, calendarName, _leads, _touches, _from, _to, days, perDay);
        }
    }
}
