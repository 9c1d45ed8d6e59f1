namespace SlaEngine.Calendars;

/// <summary>How a yearly holiday that falls on a weekend is observed.</summary>
public enum HolidayObservance
{
    /// <summary>Only the holiday's own date is closed.</summary>
    None,

    /// <summary>Also closes the nearest weekday: Saturday → the Friday before, Sunday → the Monday after (possibly in the neighbouring year).</summary>
    NearestWeekday,

    /// <summary>Also closes the Monday after a Saturday or Sunday holiday.</summary>
    NextMonday,
}
