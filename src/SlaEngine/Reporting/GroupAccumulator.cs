using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>Running totals of one group; constant memory apart from the speed-to-lead samples.</summary>
internal sealed class GroupAccumulator
{
    private const int StatusCount = (int)LeadStatus.Recycled + 1;

    /// <summary>Upper bounds (inclusive, business seconds) of the speed-to-lead histogram's buckets; a last bucket has none.</summary>
    private static readonly long[] HistogramBounds = [5 * 60, 15 * 60, 30 * 60, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 24 * 3600];

    private readonly int[] _byStatus = new int[StatusCount];
    private readonly Dictionary<string, int[]> _milestones = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (int Mqls, int Breached)> _months = [];
    private readonly List<long> _speed = [];
    private int _leads;
    private int _mqls;
    private int _leadsBreached;
    private int _milestonesBreached;
    private int _leakage;

    internal GroupAccumulator(string? key)
    {
        Key = key;
    }

    internal string? Key { get; }

    internal static bool BecameMql(LeadStatus status) =>
        status is LeadStatus.Mql or LeadStatus.RecycleDue or LeadStatus.Converted or LeadStatus.Deferred or LeadStatus.Recycled;

    internal void Add(LeadEvaluation evaluation, long? speedSeconds, int? month, bool leaked)
    {
        _leads++;
        _byStatus[(int)evaluation.Status]++;
        var breached = false;
        foreach (var milestone in evaluation.Milestones)
        {
            if (!_milestones.TryGetValue(milestone.Name, out var counts))
            {
                counts = new int[(int)MilestoneStatus.NotApplicable + 1];
                _milestones.Add(milestone.Name, counts);
            }

            counts[(int)milestone.Status]++;
            if (milestone.Status == MilestoneStatus.Breached)
            {
                breached = true;
                _milestonesBreached++;
            }
        }

        if (BecameMql(evaluation.Status))
        {
            _mqls++;
            if (month is { } m)
            {
                var (mqls, breachedLeads) = _months.GetValueOrDefault(m);
                _months[m] = (mqls + 1, breachedLeads + (breached ? 1 : 0));
            }
        }

        _leadsBreached += breached ? 1 : 0;
        _leakage += leaked ? 1 : 0;
        if (speedSeconds is { } s)
        {
            _speed.Add(s);
        }
    }

    internal GroupReport Build(SlaPolicy policy)
    {
        var byStatus = ImmutableDictionary.CreateBuilder<LeadStatus, int>();
        for (var i = 0; i < StatusCount; i++)
        {
            byStatus[(LeadStatus)i] = _byStatus[i];
        }

        var milestones = _milestones
            .OrderBy(m => MilestoneOrder(m.Key))
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new MilestoneTally(
                m.Key,
                m.Value[(int)MilestoneStatus.Met],
                m.Value[(int)MilestoneStatus.MetLate],
                m.Value[(int)MilestoneStatus.Breached],
                m.Value[(int)MilestoneStatus.Pending] + m.Value[(int)MilestoneStatus.AtRisk],
                m.Value[(int)MilestoneStatus.AtRisk],
                m.Value[(int)MilestoneStatus.NotApplicable]))
            .ToImmutableArray();

        _speed.Sort();
        var speed = new SpeedToLead(_speed.Count, NearestRank(_speed, 50), NearestRank(_speed, 90));

        var months = ImmutableArray.CreateBuilder<MonthlyCount>();
        if (_months.Count > 0)
        {
            var first = _months.Keys.Min();
            var last = _months.Keys.Max();
            for (var m = first; m <= last; m++)
            {
                var (mqls, breached) = _months.GetValueOrDefault(m);
                months.Add(new MonthlyCount(m / 12, (m % 12) + 1, mqls) { LeadsBreached = breached });
            }
        }

        var report = new GroupReport
        {
            Key = Key,
            Leads = _leads,
            ByStatus = byStatus.ToImmutable(),
            Mqls = _mqls,
            Milestones = milestones,
            SpeedToLead = speed,
            SpeedToLeadHistogram = Histogram(_speed),
            LeadsBreached = _leadsBreached,
            MilestonesBreached = _milestonesBreached,
            Leakage = _leakage,
            MqlsPerMonth = months.ToImmutable(),
        };
        return report with { Goals = [.. policy.Goals.Select(g => Check(g, report))] };
    }

    /// <summary>The p-th percentile of sorted samples by nearest rank: the sample at rank ⌈p/100 × n⌉.</summary>
    internal static long? NearestRank(List<long> sorted, int percentile)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>Counts sorted samples into the fixed buckets of <see cref="SpeedToLeadBucket"/>; empty without samples.</summary>
    internal static ImmutableArray<SpeedToLeadBucket> Histogram(List<long> sorted)
    {
        if (sorted.Count == 0)
        {
            return [];
        }

        var buckets = ImmutableArray.CreateBuilder<SpeedToLeadBucket>(HistogramBounds.Length + 1);
        var i = 0;
        long above = 0;
        foreach (var bound in HistogramBounds)
        {
            var start = i;
            while (i < sorted.Count && sorted[i] <= bound)
            {
                i++;
            }

            buckets.Add(new SpeedToLeadBucket { AboveSeconds = above, UpToSeconds = bound, Count = i - start });
            above = bound;
        }

        buckets.Add(new SpeedToLeadBucket { AboveSeconds = above, UpToSeconds = null, Count = sorted.Count - i });
        return buckets.MoveToImmutable();
    }

    /// <summary>A month as a single number (year × 12 + month − 1), for counting.</summary>
    internal static int MonthKey(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private static int MilestoneOrder(string name) => name switch
    {
        LeadEvaluator.FirstTouchName => 0,
        LeadEvaluator.EffortName => 1,
        LeadEvaluator.DispositionName => int.MaxValue - 1,
        _ when name.StartsWith(LeadEvaluator.CadenceStepPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(LeadEvaluator.CadenceStepPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step) => 2 + Math.Min(step, 1_000_000),
        _ => int.MaxValue,
    };

    private static GoalResult Check(Goal goal, GroupReport report)
    {
        double target;
        string targetText;
        string unit;
        double? actual;
        if (goal.Duration is { } duration)
        {
            target = TargetSeconds(duration);
            targetText = duration.ToString();
            unit = "seconds";
            actual = goal.Name == "p90_speed_to_lead" ? report.SpeedToLead.P90Seconds : report.SpeedToLead.MedianSeconds;
        }
        else if (goal.Percentage is { } percentage)
        {
            target = percentage;
            targetText = Format(percentage) + "%";
            unit = "percent";
            actual = goal.Name == "leakage"
                ? report.LeakagePercentOfMqls
                : report.Milestone(goal.Name[..^"_attainment".Length])?.Attainment;
        }
        else
        {
            target = goal.Number ?? 0;
            targetText = Format(target);
            unit = "count";
            actual = goal.Name switch
            {
                "leakage" => report.Leakage,
                "mql_per_month" => report.MqlsPerMonth.IsEmpty ? 0 : report.MqlsPerMonth.Min(m => m.Mqls),
                _ => null,
            };
        }

        bool? passed = actual is { } a ? (goal.Bound == GoalBound.Min ? a >= target : a <= target) : null;
        return new GoalResult(goal.Name, goal.Bound, target, targetText, actual, unit, passed);
    }

    /// <summary>
    /// A duration target in seconds: minutes and hours as written (business or not, since speed-to-lead is measured
    /// in business seconds); days and weeks as 24-hour days.
    /// </summary>
    private static double TargetSeconds(Calendars.SlaDuration duration) =>
        duration.IsFixedLength
            ? duration.FixedLength.TotalSeconds
            : (double)(duration.IsBusiness ? duration.BusinessDays : duration.CalendarDays) * 86400;

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
