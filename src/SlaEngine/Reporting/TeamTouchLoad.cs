using NodaTime;

namespace SlaEngine.Reporting;

/// <summary>
/// The touch load a policy asks of one team on one calendar: the touches its tiers ask for the team's leads, spread
/// over the business days their SLA windows span. Definitions in <c>docs/authoring.md</c>.
/// </summary>
/// <param name="Team">The team.</param>
/// <param name="Calendar">The calendar the team's leads were routed with.</param>
/// <param name="Leads">The leads handed to the team (every lead with a tier and team).</param>
/// <param name="Touches">The touches the tiers ask: first touch (1) + effort counts + channels of each cadence step that applies.</param>
/// <param name="From">The first local date of the span (the earliest SLA start), in the calendar's zone.</param>
/// <param name="To">The last local date of the span (the latest window end).</param>
/// <param name="BusinessDays">The business dates of the calendar from <paramref name="From"/> to <paramref name="To"/>, both included.</param>
/// <param name="PerBusinessDay"><paramref name="Touches"/> / <paramref name="BusinessDays"/>, rounded to 2 decimals; null when there is no business day.</param>
public sealed record TeamTouchLoad(string Team, string Calendar, int Leads, long Touches, LocalDate From, LocalDate To, int BusinessDays, double? PerBusinessDay);
