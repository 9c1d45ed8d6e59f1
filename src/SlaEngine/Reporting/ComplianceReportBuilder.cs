using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>
/// Builds a <see cref="ComplianceReport"/> incrementally, one evaluation at a time, so a report over millions of
/// leads never holds their evaluations: memory is constant apart from one speed-to-lead sample (8 bytes) per touched
/// lead and group.
/// </summary>
/// <remarks>
/// Not thread-safe: add from one thread (evaluate in parallel, then add in order). <see cref="Build"/> may be called
/// more than once; each call returns an immutable snapshot of the figures so far.
/// </remarks>
/// <example>
/// <code>
/// var builder = new ComplianceReportBuilder(policy, at, ReportGrouping.Tier);
/// foreach (var lead in leads)
/// {
///     builder.Add(policy.Evaluate(lead, at, EvaluationOptions.WithoutTrace), lead);
/// }
///
/// var report = builder.Build();
/// Console.WriteLine(ComplianceReportJson.Serialize(report));
/// </code>
/// </example>
public sealed class ComplianceReportBuilder
{
    private readonly SlaPolicy _policy;
    private readonly Instant _at;
    private readonly DateTimeZone _monthZone;
    private readonly GroupAccumulator _overall = new(null);
    private readonly Dictionary<string, GroupAccumulator> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BusinessCalendar?> _calendars = new(StringComparer.Ordinal);
    private GroupAccumulator? _ungrouped;
    private int _invalid;

    /// <summary>Initializes a new instance of the <see cref="ComplianceReportBuilder"/> class.</summary>
    /// <param name="policy">The policy the leads were evaluated under: its calendars measure speed-to-lead, its first calendar's zone counts months, its goals are checked.</param>
    /// <param name="at">The instant the leads were evaluated at; leakage is judged at it.</param>
    /// <param name="grouping">How to group the leads besides the overall figures.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public ComplianceReportBuilder(SlaPolicy policy, Instant at, ReportGrouping grouping = ReportGrouping.None)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _at = at;
        Grouping = grouping;
        _monthZone = policy.Calendars.IsEmpty ? DateTimeZone.Utc : policy.Calendars[0].Zone;
    }

    /// <summary>Gets how the leads are grouped.</summary>
    public ReportGrouping Grouping { get; }

    /// <summary>
    /// Adds an evaluation. Speed-to-lead uses the <c>first_touch</c> or <c>cadence_step_1</c> milestone; for a tier
    /// with neither, use <see cref="Add(LeadEvaluation, LeadSnapshot)"/>, which can look at the lead's touches.
    /// </summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is null.</exception>
    public void Add(LeadEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        AddCore(evaluation, null);
    }

    /// <summary>
    /// Adds an evaluation with the lead it came from; for a tier without <c>first_touch</c> and cadence, the lead's
    /// first touch (any channel) at or after the SLA start gives speed-to-lead.
    /// </summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <param name="lead">The lead that was evaluated.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Add(LeadEvaluation evaluation, LeadSnapshot lead)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(lead);
        AddCore(evaluation, lead);
    }

    /// <summary>Counts an input lead that could not be read or evaluated; it is in no group.</summary>
    public void AddInvalid() => _invalid++;

    /// <summary>Builds the report of the leads added so far.</summary>
    /// <returns>An immutable report.</returns>
    public ComplianceReport Build()
    {
        var groups = Grouping == ReportGrouping.None
            ? []
            : _groups.Values
                .OrderBy(g => GroupOrder(g.Key!))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Append(_ungrouped)
                .OfType<GroupAccumulator>()
                .Select(g => g.Build(_policy))
                .ToList();
        return new ComplianceReport
        {
            PolicyId = _policy.Id,
            PolicyVersion = _policy.Version,
            At = _at,
            Grouping = Grouping,
            InvalidLeads = _invalid,
            Overall = _overall.Build(_policy),
            Groups = [.. groups],
        };
    }

    private void AddCore(LeadEvaluation evaluation, LeadSnapshot? lead)
    {
        var speed = SpeedToLeadSeconds(evaluation, lead);
        int? month = evaluation.SlaStart is { } start ? GroupAccumulator.MonthKey(start.InZone(_monthZone).Date) : null;
        var leaked = LeadLeakage.IsLeaked(evaluation);
        _overall.Add(evaluation, speed, month, leaked);
        if (Grouping != ReportGrouping.None)
        {
            var key = Grouping == ReportGrouping.Tier ? evaluation.Tier : evaluation.Team;
            GroupAccumulator group;
            if (key is null)
            {
                group = _ungrouped ??= new GroupAccumulator(null);
            }
            else if (!_groups.TryGetValue(key, out group!))
            {
                group = new GroupAccumulator(key);
                _groups.Add(key, group);
            }

            group.Add(evaluation, speed, month, leaked);
        }
    }

    private long? SpeedToLeadSeconds(LeadEvaluation evaluation, LeadSnapshot? lead)
    {
        if (evaluation.SlaStart is not { } start || evaluation.Calendar is not { } calendarName || evaluation.Milestones.IsEmpty)
        {
            return null;
        }

        Instant? touched = null;
        var hasTouchMilestone = false;
        foreach (var name in (ReadOnlySpan<string>)[LeadEvaluator.FirstTouchName, LeadEvaluator.CadenceStepPrefix + "1"])
        {
            if (evaluation.Milestone(name) is { } milestone)
            {
                hasTouchMilestone = true;
                touched = milestone.MetAt;
                break;
            }
        }

        if (!hasTouchMilestone && lead is not null)
        {
            var end = lead.Disposition is { } d && d.At <= _at ? d.At : _at;
            foreach (var touch in lead.Touches)
            {
                if (touch.At >= start && touch.At <= end && (touched is null || touch.At < touched))
                {
                    touched = touch.At;
                }
            }
        }

        if (touched is not { } first || Calendar(calendarName) is not { } calendar)
        {
            return null;
        }

        return (long)Math.Floor(calendar.Between(start, first).TotalSeconds);
    }

    private BusinessCalendar? Calendar(string name)
    {
        if (!_calendars.TryGetValue(name, out var calendar))
        {
            calendar = _policy.TryGetCalendar(name, out var found) ? found : null;
            _calendars.Add(name, calendar);
        }

        return calendar;
    }

    private int GroupOrder(string key)
    {
        if (Grouping == ReportGrouping.Tier)
        {
            for (var i = 0; i < _policy.Tiers.Length; i++)
            {
                if (_policy.Tiers[i].Name == key)
                {
                    return i;
                }
            }
        }
        else
        {
            var index = _policy.Teams.IndexOf(key);
            if (index >= 0)
            {
                return index;
            }
        }

        return int.MaxValue;
    }
}
