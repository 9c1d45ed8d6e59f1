namespace SlaEngine.Calendars;

/// <summary>The unit of a <see cref="SlaDuration"/>.</summary>
public enum SlaDurationUnit
{
    /// <summary>Minutes.</summary>
    Minutes,

    /// <summary>Hours.</summary>
    Hours,

    /// <summary>Days: calendar days at the same local time, or business dates when business.</summary>
    Days,

    /// <summary>Weeks: seven calendar days, or five business dates when business.</summary>
    Weeks,
}
