using NodaTime;

namespace SlaEngine.Reporting;

/// <summary>
/// The touch load a policy asks of one team on one calendar: the touches its tiers ask for the team's leads, spread
/// over the business days their SLA windows span. Definitions in <c>docs/authoring.md</c>.
/// </summary>
public sealed record TeamTouchLoad
{
    internal TeamTouchLoad(string team, string calendar, int leads, long touches, LocalDate from, LocalDate to, int businessDays, double? perBusinessDay)
    {
        Team = team;
        Calendar = calendar;
        Leads = leads;
        Touches = touches;
        From = from;
        To = to;
        BusinessDays = businessDays;
        PerBusinessDay = perBusinessDay;
    }

    /// <summary>Gets the team.</summary>
    public string Team { get; init; }

    /// <summary>Gets the calendar the team's leads were routed with.</summary>
    public string Calendar { get; init; }

    /// <summary>Gets the leads handed to the team (every lead with a tier and team).</summary>
    public int Leads { get; init; }

    /// <summary>Gets the touches the tiers ask: first touch (1) + effort counts + channels of each cadence step that applies.</summary>
    public long Touches { get; init; }

    /// <summary>Gets the first local date of the span (the earliest SLA start), in the calendar's zone.</summary>
    public LocalDate From { get; init; }

    /// <summary>Gets the last local date of the span (the latest window end).</summary>
    public LocalDate To { get; init; }

    /// <summary>Gets the business dates of the calendar from <see cref="From"/> to <see cref="To"/>, both included.</summary>
    public int BusinessDays { get; init; }

    /// <summary><see cref="Touches"/> / <see cref="BusinessDays"/>, rounded to 2 decimals; null when there is no business day.</summary>
    public double? PerBusinessDay { get; init; }
}
