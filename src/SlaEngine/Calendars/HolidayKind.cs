namespace SlaEngine.Calendars;

/// <summary>The form of a <see cref="Holiday"/>.</summary>
internal enum HolidayKind
{
    Date,
    Yearly,
    NthWeekday,
}
